package io.mediamonitor.enrich;

import io.mediamonitor.model.EnrichedArticle;

/**
 * An article joined to its story, on its way through enrich: the enriched article, and the windows containing
 * it to which it brings a new story (bit 0 the oldest), which the whole volume's count needs and only the
 * story's own record can tell.
 */
record JoinedArticle(EnrichedArticle article, int newStoryWindows) {

    JoinedArticle withArticle(EnrichedArticle tagged) {
        return new JoinedArticle(tagged, newStoryWindows);
    }
}
