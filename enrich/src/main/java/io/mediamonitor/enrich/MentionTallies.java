package io.mediamonitor.enrich;

import io.mediamonitor.model.MentionCount;
import io.mediamonitor.model.state.MentionEvent;
import io.mediamonitor.model.state.MentionTally;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Folding mentions into a window's tally, and reading a tally as the public MentionCount. */
public final class MentionTallies {

    private MentionTallies() {
    }

    public static MentionTally empty() {
        return new MentionTally(new ArrayList<>(), new ArrayList<>(), 0, null, null, null);
    }

    public static MentionTally add(MentionTally tally, MentionEvent mention) {
        List<String> stories = new ArrayList<>(tally.getStoryIds());
        if (!stories.contains(mention.getStoryId())) {
            stories.add(mention.getStoryId());
        }
        List<String> sources = new ArrayList<>(tally.getSources());
        if (!sources.contains(mention.getSource())) {
            sources.add(mention.getSource());
        }
        Instant since = tally.getCountingSince();
        if (mention.getCountingSince() != null && (since == null || mention.getCountingSince().isBefore(since))) {
            since = mention.getCountingSince();
        }
        return new MentionTally(stories, sources, tally.getArticles() + 1, mention.getArticleId(),
                mention.getPublishedAt(), since);
    }

    public static MentionCount toCount(String term, Instant windowStart, Instant windowEnd, MentionTally tally) {
        List<String> sourceNames = new ArrayList<>(tally.getSources());
        sourceNames.sort(null);
        return MentionCount.newBuilder()
                .setTerm(term)
                .setWindowStart(windowStart)
                .setWindowEnd(windowEnd)
                .setArticles(tally.getArticles())
                .setStories(tally.getStoryIds().size())
                .setSources(sourceNames.size())
                .setSourceNames(sourceNames)
                .setLastArticleId(tally.getLastArticleId())
                .setLastEventAt(tally.getLastEventAt())
                .setCountingSince(tally.getCountingSince())
                .build();
    }
}
