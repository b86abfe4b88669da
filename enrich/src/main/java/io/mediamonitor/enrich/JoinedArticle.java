package io.mediamonitor.enrich;

import io.mediamonitor.model.EnrichedArticle;
import java.util.List;

/**
 * An article joined to its story, on its way through enrich: the enriched article, the windows containing it to
 * which it brings a new story (bit 0 the oldest), which the whole volume's count needs and only the story's own
 * record can tell, and the whole volume's stories in those windows with it, oldest first, which every count is
 * judged against.
 */
record JoinedArticle(EnrichedArticle article, int newStoryWindows, List<Integer> windowVolumes) {

    JoinedArticle withArticle(EnrichedArticle tagged) {
        return new JoinedArticle(tagged, newStoryWindows, windowVolumes);
    }
}
