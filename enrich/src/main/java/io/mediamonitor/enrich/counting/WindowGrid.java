package io.mediamonitor.enrich.counting;

import java.time.Duration;

/**
 * Hopping windows on event time: windows of one size start every advance, and the size is a whole number
 * of advances, so time divides into slots of one advance and every window is a run of consecutive slots.
 * A slot is numbered by its start divided by the advance.
 */
public record WindowGrid(long sizeMs, long advanceMs) {

    /** The most windows one instant may fall in: a mention marks those it is new to as the bits of an int. */
    public static final int MAX_SLOTS_PER_WINDOW = 31;

    public WindowGrid {
        if (advanceMs <= 0 || sizeMs < advanceMs || sizeMs % advanceMs != 0) {
            throw new IllegalArgumentException("the window size must be a whole number of advances, got a "
                    + Duration.ofMillis(sizeMs) + " window advancing by " + Duration.ofMillis(advanceMs));
        }
        if (sizeMs / advanceMs > MAX_SLOTS_PER_WINDOW) {
            throw new IllegalArgumentException("the window size may be at most " + MAX_SLOTS_PER_WINDOW
                    + " advances, got a " + Duration.ofMillis(sizeMs) + " window advancing by "
                    + Duration.ofMillis(advanceMs) + " (" + sizeMs / advanceMs + "): take a longer advance");
        }
    }

    public static WindowGrid of(Duration size, Duration advance) {
        return new WindowGrid(size.toMillis(), advance.toMillis());
    }

    /** How many windows contain any one instant. */
    public int slotsPerWindow() {
        return (int) (sizeMs / advanceMs);
    }

    public long slotOf(long eventTime) {
        return Math.floorDiv(eventTime, advanceMs);
    }

    public long start(long slot) {
        return slot * advanceMs;
    }

    /** The slot of the oldest window that contains {@code slot}; the newest is {@code slot} itself. */
    public long oldestWindowWith(long slot) {
        return slot - slotsPerWindow() + 1;
    }

    /**
     * The first slot of the oldest window still taking articles at {@code streamTime}: a window is open until
     * {@code latenessMs} after its end.
     */
    public long oldestOpenWindow(long streamTime, long latenessMs) {
        long lastClosedEnd = streamTime - latenessMs;
        return Math.floorDiv(lastClosedEnd - sizeMs, advanceMs) + 1;
    }

    /** Whether the window starting at slot {@code window} contains slot {@code slot}. */
    public boolean contains(long window, long slot) {
        return slot >= window && slot < window + slotsPerWindow();
    }
}
