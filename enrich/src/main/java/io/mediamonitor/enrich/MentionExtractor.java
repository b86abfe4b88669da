package io.mediamonitor.enrich;

import io.mediamonitor.enrich.counting.StoryPresence;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.model.state.MentionEvent;
import io.mediamonitor.schema.MentionedTerms;
import io.mediamonitor.schema.Terms;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;

/**
 * The mentions an enriched article makes: one per term it counts towards ({@link MentionedTerms}), and
 * {@link Terms#TOTAL} for every article.
 */
public final class MentionExtractor {

    private final boolean countPairs;

    public MentionExtractor(boolean countPairs) {
        this.countPairs = countPairs;
    }

    /** The article's terms with their labels, {@link Terms#TOTAL} excluded. */
    public List<MentionedTerms.Term> terms(EnrichedArticle enriched) {
        return MentionedTerms.of(enriched, countPairs);
    }

    /**
     * One mention per term the article counts towards, {@link Terms#TOTAL} first.
     *
     * @param newStoryWindows the windows containing the article to which it brings a new story (bit 0 the oldest),
     *                        for the whole volume; -1 when unknown
     * @param windowVolumes   the whole volume's stories in each window containing the article, oldest first
     * @param termChanges     what the article changes for each term in those windows, oldest first, as story dedup
     *                        found it; null when it did not follow the story's terms (the counting then does)
     */
    public List<KeyValue<String, MentionEvent>> mentions(EnrichedArticle enriched, int newStoryWindows,
                                                         List<Integer> windowVolumes,
                                                         Map<String, List<StoryPresence.Change>> termChanges) {
        MentionEvent event = new MentionEvent(enriched.getArticle().getId(), enriched.getStoryId(),
                enriched.getArticle().getSource(), enriched.getArticle().getPublishedAt(), null,
                enriched.getStoryStartedAt(), -1, windowVolumes, List.of());
        List<KeyValue<String, MentionEvent>> mentions = new ArrayList<>();
        MentionEvent total = MentionEvent.newBuilder(event).setNewStoryWindows(newStoryWindows).build();
        mentions.add(KeyValue.pair(Terms.TOTAL, total));
        for (MentionedTerms.Term term : terms(enriched)) {
            List<StoryPresence.Change> changes = termChanges == null ? null : termChanges.get(term.term());
            mentions.add(KeyValue.pair(term.term(), changes == null ? event : withChanges(event, changes)));
        }
        return mentions;
    }

    /** The term's changes carried by its mention: a bit per window with a new story, and who is no longer alone. */
    private static MentionEvent withChanges(MentionEvent event, List<StoryPresence.Change> changes) {
        int newStory = 0;
        List<String> noLongerAlone = null;
        for (int i = 0; i < changes.size(); i++) {
            StoryPresence.Change change = changes.get(i);
            if (change.newStory()) {
                newStory |= 1 << i;
            }
            if (change.noLongerAlone() != null) {
                if (noLongerAlone == null) {
                    noLongerAlone = new ArrayList<>(Collections.nCopies(changes.size(), null));
                }
                noLongerAlone.set(i, change.noLongerAlone());
            }
        }
        return MentionEvent.newBuilder(event).setNewStoryWindows(newStory)
                .setNoLongerAlone(noLongerAlone == null ? List.of() : noLongerAlone).build();
    }
}
