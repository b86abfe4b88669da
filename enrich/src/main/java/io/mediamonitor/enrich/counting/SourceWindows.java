package io.mediamonitor.enrich.counting;

import java.util.Arrays;

/**
 * One source's record for one term: the windows it mentioned the term in, and in each how many stories it
 * published alone. One record per (term, source), read and written once per mention whatever the windows
 * hold; it keeps only windows that still take articles, so it stays within the lateness's few hundred windows.
 * Mutable: read, changed and written back by one counting step.
 */
public final class SourceWindows {

    /** Window slots, ascending. */
    long[] windows;
    /** Stories published alone in the window at the same index. */
    int[] alone;
    int size;

    public SourceWindows() {
        this(new long[8], new int[8], 0);
    }

    SourceWindows(long[] windows, int[] alone, int size) {
        this.windows = windows;
        this.alone = alone;
        this.size = size;
    }

    /** Whether the source has mentioned the term in the window. */
    public boolean in(long window) {
        return Arrays.binarySearch(windows, 0, size, window) >= 0;
    }

    /** Stories the source published alone in the window; 0 when it is not a source of the window. */
    public int alone(long window) {
        int i = Arrays.binarySearch(windows, 0, size, window);
        return i < 0 ? 0 : alone[i];
    }

    /** Records the source in the window (if new) with its stories alone there. */
    public void set(long window, int storiesAlone) {
        int i = Arrays.binarySearch(windows, 0, size, window);
        if (i >= 0) {
            alone[i] = storiesAlone;
            return;
        }
        int at = -i - 1;
        if (size == windows.length) {
            windows = Arrays.copyOf(windows, size * 2);
            alone = Arrays.copyOf(alone, size * 2);
        }
        System.arraycopy(windows, at, windows, at + 1, size - at);
        System.arraycopy(alone, at, alone, at + 1, size - at);
        windows[at] = window;
        alone[at] = storiesAlone;
        size++;
    }

    /** Forgets the windows before {@code oldestOpen}: no article can reach them any more. */
    public void forgetBefore(long oldestOpen) {
        int keep = 0;
        while (keep < size && windows[keep] < oldestOpen) {
            keep++;
        }
        if (keep > 0) {
            System.arraycopy(windows, keep, windows, 0, size - keep);
            System.arraycopy(alone, keep, alone, 0, size - keep);
            size -= keep;
        }
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The newest window, or {@link Long#MIN_VALUE} when none. */
    public long newest() {
        return size == 0 ? Long.MIN_VALUE : windows[size - 1];
    }
}
