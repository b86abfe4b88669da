package io.mediamonitor.enrich;

import io.mediamonitor.enrich.counting.StoryPresence;
import io.mediamonitor.enrich.counting.WindowGrid;
import io.mediamonitor.model.state.StoryState;
import io.mediamonitor.model.state.TermSightings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each term has been seen in one story ({@link StoryState#getTermSightings()}), and what one more article of
 * the story changes for each of its terms in each window containing it. Story dedup sees every article of a story
 * and reads and writes the story's record for each anyway: the counting learns from it, per term, whether an
 * article brings a window a new story or ends one source's story being alone, without a record of its own per
 * term and story.
 */
final class StoryTerms {

    private StoryTerms() {
    }

    /**
     * Counts an article of the story, in {@code slot} from {@code source}, towards {@code terms}: returns each term's
     * changes in the windows containing the slot, oldest first, and records the new sightings in the story. The
     * story's slots and sources already hold the article's.
     */
    static Map<String, List<StoryPresence.Change>> add(StoryState story, long slot, String source, List<String> terms,
                                                       WindowGrid grid) {
        Map<String, List<StoryPresence.Change>> changes = new LinkedHashMap<>();
        if (terms.isEmpty()) {
            return changes;
        }
        int slotIndex = story.getSlots().indexOf(slot);
        int sourceIndex = story.getSources().indexOf(source);
        if (slotIndex < 0 || sourceIndex < 0) {
            throw new IllegalStateException("story " + story.getStoryId() + " does not hold slot " + slot
                    + " and source " + source + " yet");
        }
        List<TermSightings> all = new ArrayList<>(story.getTermSightings());
        for (String term : terms) {
            if (changes.containsKey(term)) {
                continue; // named twice: the second would find the first's sighting and report nothing new
            }
            TermSightings seen = find(all, term);
            if (seen == null) {
                seen = new TermSightings(term, new ArrayList<>(1), new ArrayList<>(1));
                all.add(seen);
            }
            StoryPresence presence = StoryPresence.of(sightings(story, seen));
            int before = presence.size();
            changes.put(term, presence.add(slot, source, grid));
            if (presence.size() != before) {
                List<Integer> slots = new ArrayList<>(seen.getSlots());
                slots.add(slotIndex);
                List<Integer> sources = new ArrayList<>(seen.getSources());
                sources.add(sourceIndex);
                seen.setSlots(slots);
                seen.setSources(sources);
            }
        }
        story.setTermSightings(all);
        return changes;
    }

    private static TermSightings find(List<TermSightings> all, String term) {
        for (TermSightings seen : all) {
            if (seen.getTerm().equals(term)) {
                return seen;
            }
        }
        return null;
    }

    private static List<StoryPresence.Sighting> sightings(StoryState story, TermSightings seen) {
        List<StoryPresence.Sighting> sightings = new ArrayList<>(seen.getSlots().size() + 1);
        for (int i = 0; i < seen.getSlots().size(); i++) {
            sightings.add(new StoryPresence.Sighting(story.getSlots().get(seen.getSlots().get(i)),
                    story.getSources().get(seen.getSources().get(i))));
        }
        return sightings;
    }
}
