package io.mediamonitor.enrich;

import com.carrotsearch.hppc.LongObjectHashMap;
import com.carrotsearch.hppc.ObjectObjectHashMap;

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
 * the map between half and three quarters full as it doubles), one record with its id and start, its entry in
 * the map by id (about 40 bytes), and its signature (64 ints, about 300 bytes; measured over 100,000 stories of
 * distinct texts, the ids aside: 1,393 bytes per story, and 1,087 without the signature, before the map by id;
 * 1,093 without the signature with it, against 1,052 without it in the same run).
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
    /** Every story indexed, by id: what forgetting one needs, without reading the store. */
    private final ObjectObjectHashMap<String, Story> byId = new ObjectObjectHashMap<>();

    /**
     * Indexes a story under its signature's bands; a signature of no text indexes none. A story opened anew under
     * an id the index holds (its first article read again once the repeat filter forgot it) replaces the old one,
     * as it does in the store, and the bands the old one held are freed.
     */
    void add(String id, long firstSeenAt, StorySignature signature) {
        Story story = new Story(id, firstSeenAt, signature);
        Story replaced = byId.put(id, story);
        if (replaced != null) {
            release(replaced);
        }
        if (signature.isEmpty()) {
            return;
        }
        for (int band = 0; band < StorySignature.BANDS; band++) {
            long key = signature.bandKey(band);
            Story holder = bands.get(key);
            if (holder == null || story.startedAfter(holder)) {
                bands.put(key, story);
            }
        }
    }

    /** The story indexed under this id, or null. */
    Story story(String id) {
        return byId.get(id);
    }

    /** Forgets a story: the bands it holds are free again (an older story holding one has been forgotten before). */
    void remove(String id) {
        Story story = byId.remove(id);
        if (story != null) {
            release(story);
        }
    }

    private void release(Story story) {
        if (story.signature().isEmpty()) {
            return;
        }
        for (int band = 0; band < StorySignature.BANDS; band++) {
            long key = story.signature().bandKey(band);
            if (bands.get(key) == story) {
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
