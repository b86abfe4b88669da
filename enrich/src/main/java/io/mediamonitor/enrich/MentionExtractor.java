package io.mediamonitor.enrich;

import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.model.state.MentionEvent;
import io.mediamonitor.schema.MentionedTerms;
import io.mediamonitor.schema.Terms;
import java.util.ArrayList;
import java.util.List;
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
     */
    public List<KeyValue<String, MentionEvent>> mentions(EnrichedArticle enriched, int newStoryWindows,
                                                         List<Integer> windowVolumes) {
        MentionEvent event = new MentionEvent(enriched.getArticle().getId(), enriched.getStoryId(),
                enriched.getArticle().getSource(), enriched.getArticle().getPublishedAt(), null,
                enriched.getStoryStartedAt(), -1, windowVolumes);
        List<KeyValue<String, MentionEvent>> mentions = new ArrayList<>();
        MentionEvent total = MentionEvent.newBuilder(event).setNewStoryWindows(newStoryWindows).build();
        mentions.add(KeyValue.pair(Terms.TOTAL, total));
        for (MentionedTerms.Term term : terms(enriched)) {
            mentions.add(KeyValue.pair(term.term(), event));
        }
        return mentions;
    }
}
