package io.mediamonitor.enrich;

import com.carrotsearch.hppc.LongObjectHashMap;

/**
 * Where the story task finds the stories an article may be a copy of: the band keys of every story it holds
 * ({@link StorySignature#bandKey}), in memory. It is derived from the story store and never logged: built from
 * the store whenever the task starts (so after every restore too), then kept in step with each story opened and
 * forgotten. Under exactly-once the store is what the last committed transaction left, so the index is too.
 *
 * <p>A band belongs to the story that started last among those holding it (by first-seen time, then id). The
 * index is then a function of the stories alone, the same whether built at once or story by story; and when a
 * story passes its horizon and the same text opens a new one, the new one takes its bands.
 *
 * <p>About 1.4 KB of heap per story: its 32 band entries in a primitive map (a long and a reference per slot,
 * the map between half and three quarters full as it doubles), one record with its id and start, and its
 * signature (64 ints, about 300 bytes; measured: 1,393 bytes per story over 100,000 stories of distinct texts,
 * the id aside, and 1,087 without the signature).
 */
final class StoryIndex {

    /**
     * A story as the index knows it: enough to tell whether an article may still join it and how close it is,
     * so that weighing a candidate reads nothing from the store (the bands may name several candidates for one
     * article, most of them not close enough).
     */
    record Story(String id, long firstSeenAt, StorySignature signature) implements NearDuplicates.Candidate {

        boolean startedAfter(Story other) {
            return firstSeenAt != other.firstSeenAt ? firstSeenAt > other.firstSeenAt : id.compareTo(other.id) > 0;
        }
    }

    private final LongObjectHashMap<Story> bands = new LongObjectHashMap<>();

    /** Indexes a story under its signature's bands; a signature of no text indexes nothing. */
    void add(String id, long firstSeenAt, StorySignature signature) {
        if (signature.isEmpty()) {
            return;
        }
        Story story = new Story(id, firstSeenAt, signature);
        for (int band = 0; band < StorySignature.BANDS; band++) {
            long key = signature.bandKey(band);
            Story holder = bands.get(key);
            if (holder == null || story.startedAfter(holder)) {
                bands.put(key, story);
            }
        }
    }

    /** Forgets a story: the bands it holds are free again (an older story holding one has been forgotten before). */
    void remove(String id, StorySignature signature) {
        for (int band = 0; band < StorySignature.BANDS; band++) {
            long key = signature.bandKey(band);
            Story holder = bands.get(key);
            if (holder != null && holder.id().equals(id)) {
                bands.remove(key);
            }
        }
    }

    /** The story holding this band, or null. */
    Story withBand(long bandKey) {
        return bands.get(bandKey);
    }

    /** How many band keys are held: what the index weighs. */
    int bands() {
        return bands.size();
    }
}
