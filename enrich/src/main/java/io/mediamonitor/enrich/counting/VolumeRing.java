package io.mediamonitor.enrich.counting;

import java.util.Arrays;

/**
 * The whole volume's distinct stories per window, for the windows that still take articles ({@link WholeVolume}).
 * Kept in memory, written through a window at a time to a store of numbers: one small write per window an article
 * brings a story to, no read.
 */
public final class VolumeRing {

    /** Slot of the window at index 0. */
    long first;
    /** Stories of the window {@code first + i}. */
    int[] stories;

    public VolumeRing() {
        this(0, new int[0]);
    }

    VolumeRing(long first, int[] stories) {
        this.first = first;
        this.stories = stories;
    }

    public int stories(long window) {
        long i = window - first;
        return i < 0 || i >= stories.length ? 0 : stories[(int) i];
    }

    /** One past the newest window kept. */
    long end() {
        return first + stories.length;
    }

    /** The window's stories, as read back from the store. */
    void set(long window, int count) {
        countStory(window);
        stories[(int) (window - first)] = count;
    }

    /** One more story in the window. */
    public void countStory(long window) {
        if (stories.length == 0) {
            first = window;
            stories = new int[1];
        } else if (window < first) {
            int grow = (int) (first - window);
            int[] wider = new int[stories.length + grow];
            System.arraycopy(stories, 0, wider, grow, stories.length);
            stories = wider;
            first = window;
        } else if (window - first >= stories.length) {
            stories = Arrays.copyOf(stories, (int) (window - first) + 1);
        }
        stories[(int) (window - first)]++;
    }

    /** Forgets the windows before {@code oldestOpen}: no article can reach them any more. */
    public void forgetBefore(long oldestOpen) {
        if (oldestOpen <= first || stories.length == 0) {
            return;
        }
        int drop = (int) Math.min(stories.length, oldestOpen - first);
        stories = Arrays.copyOfRange(stories, drop, stories.length);
        first = oldestOpen;
    }
}
