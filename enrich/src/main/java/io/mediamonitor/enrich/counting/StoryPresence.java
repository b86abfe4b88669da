package io.mediamonitor.enrich.counting;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where one story has been seen for one term: the slot and source of each of its articles, one sighting per
 * distinct pair. It is as large as the story has copies, whatever else its windows hold, and it answers for
 * every window at once whether an article brings the window a new story or ends a story being one source's
 * alone.
 */
public final class StoryPresence {

    /** An article of the story in one slot from one source. */
    public record Sighting(long slot, String source) {
        public Sighting {
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * What one article changes in one window's count of the term.
     *
     * @param window        the window, by its first slot
     * @param newStory      the story's first article in the window: one more story, for now its source's alone
     * @param noLongerAlone the source whose story this was alone in the window until this article from another
     *                      source, or null
     */
    public record Change(long window, boolean newStory, String noLongerAlone) {
    }

    private final List<Sighting> sightings;

    public StoryPresence() {
        this(new ArrayList<>(2));
    }

    StoryPresence(List<Sighting> sightings) {
        this.sightings = sightings;
    }

    /** The presence these sightings make, distinct pairs in the order they were seen; the list is taken, not copied. */
    public static StoryPresence of(List<Sighting> sightings) {
        return new StoryPresence(sightings);
    }

    public List<Sighting> sightings() {
        return List.copyOf(sightings);
    }

    public int size() {
        return sightings.size();
    }

    /**
     * Counts one article of the story from {@code source} in {@code slot}: returns its change in each window
     * that contains the slot, oldest first, and remembers the sighting.
     *
     * @return the changes; {@link #sightings()} grew when this slot and source were new
     */
    public List<Change> add(long slot, String source, WindowGrid grid) {
        List<Change> changes = new ArrayList<>(grid.slotsPerWindow());
        for (long window = grid.oldestWindowWith(slot); window <= slot; window++) {
            changes.add(changeIn(window, source, grid));
        }
        Sighting sighting = new Sighting(slot, source);
        if (!sightings.contains(sighting)) {
            sightings.add(sighting);
        }
        return changes;
    }

    private Change changeIn(long window, String source, WindowGrid grid) {
        String alone = null;
        boolean seen = false;
        for (Sighting s : sightings) {
            if (grid.contains(window, s.slot())) {
                if (!seen) {
                    seen = true;
                    alone = s.source();
                } else if (alone != null && !alone.equals(s.source())) {
                    alone = null; // two sources already: nobody's alone
                }
            }
        }
        if (!seen) {
            return new Change(window, true, null);
        }
        return new Change(window, false, alone != null && !alone.equals(source) ? alone : null);
    }
}
