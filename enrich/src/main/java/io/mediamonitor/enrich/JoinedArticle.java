package io.mediamonitor.enrich;

import io.mediamonitor.enrich.counting.StoryPresence;
import io.mediamonitor.model.EnrichedArticle;
import java.util.List;
import java.util.Map;

/**
 * An article joined to its story, on its way through enrich: the enriched article; the windows containing it to
 * which it brings a new story (bit 0 the oldest), which the whole volume's count needs and only the story's own
 * record can tell; the whole volume's stories in those windows with it, oldest first, which every count is judged
 * against; and what it changes for each of its terms in those windows ({@link StoryTerms}), or null for a story
 * started before stories followed their terms; and the event time every raw partition had reached, which windows
 * close by ({@link io.mediamonitor.enrich.counting.InputWatermark}).
 */
record JoinedArticle(EnrichedArticle article, int newStoryWindows, List<Integer> windowVolumes,
                     Map<String, List<StoryPresence.Change>> termChanges, long watermark) {
}
