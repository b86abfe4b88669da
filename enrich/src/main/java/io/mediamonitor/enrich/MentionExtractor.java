package io.mediamonitor.enrich;

import io.mediamonitor.enrich.counting.StoryPresence;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.model.state.MentionEvent;
import io.mediamonitor.schema.MentionedTerms;
import io.mediamonitor.schema.Terms;
import java.time.Instant;
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

    /** The article's terms as counted, {@link Terms#TOTAL} excluded. */
    public List<String> termNames(EnrichedArticle enriched) {
        List<MentionedTerms.Term> terms = terms(enriched);
        List<String> names = new ArrayList<>(terms.size());
        terms.forEach(term -> names.add(term.term()));
        return names;
    }

    /**
     * One mention per term the article counts towards, {@link Terms#TOTAL} first.
     *
     * @param newStoryWindows the windows containing the article to which it brings a new story (bit 0 the oldest),
     *                        for the whole volume; -1 when unknown
     * @param windowVolumes   the whole volume's stories in each window containing the article, oldest first
     * @param termChanges     what the article changes for each of its terms in those windows, oldest first, as story
     *                        dedup found it (its keys are the article's terms, in order); null when it did not follow
     *                        the story's terms (the counting then does)
     * @param watermark       the event time every raw partition had reached, which the counting closes windows by
     */
    public List<KeyValue<String, MentionEvent>> mentions(EnrichedArticle enriched, int newStoryWindows,
                                                         List<Integer> windowVolumes,
                                                         Map<String, List<StoryPresence.Change>> termChanges,
                                                         long watermark) {
        Instant clock = Instant.ofEpochMilli(watermark);
        List<KeyValue<String, MentionEvent>> mentions = new ArrayList<>();
        mentions.add(KeyValue.pair(Terms.TOTAL, mention(enriched, newStoryWindows, windowVolumes, List.of(), clock)));
        // story dedup found the article's terms already when it followed them
        for (String term : termChanges == null ? termNames(enriched) : termChanges.keySet()) {
            List<StoryPresence.Change> changes = termChanges == null ? null : termChanges.get(term);
            mentions.add(KeyValue.pair(term, changes == null
                    ? mention(enriched, -1, windowVolumes, List.of(), clock)
                    : mention(enriched, newStoryBits(changes), windowVolumes, noLongerAlone(changes), clock)));
        }
        return mentions;
    }

    /** One record per mention (the next step stamps it), made directly: a builder would copy the article's lists. */
    private static MentionEvent mention(EnrichedArticle enriched, int newStoryWindows, List<Integer> windowVolumes,
                                        List<String> noLongerAlone, Instant watermark) {
        return new MentionEvent(enriched.getArticle().getId(), enriched.getStoryId(),
                enriched.getArticle().getSource(), enriched.getArticle().getPublishedAt(), null,
                enriched.getStoryStartedAt(), newStoryWindows, windowVolumes, noLongerAlone, watermark);
    }

    /** A bit per window, oldest first, where the article brings the term a new story. */
    private static int newStoryBits(List<StoryPresence.Change> changes) {
        int bits = 0;
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i).newStory()) {
                bits |= 1 << i;
            }
        }
        return bits;
    }

    /** Per window, oldest first, whose story this was alone until this article, or null; empty when nobody's. */
    private static List<String> noLongerAlone(List<StoryPresence.Change> changes) {
        List<String> sources = null;
        for (int i = 0; i < changes.size(); i++) {
            String source = changes.get(i).noLongerAlone();
            if (source != null) {
                if (sources == null) {
                    sources = new ArrayList<>(Collections.nCopies(changes.size(), null));
                }
                sources.set(i, source);
            }
        }
        return sources == null ? List.of() : sources;
    }
}
