package io.mediamonitor.enrich;

import io.mediamonitor.model.MentionCount;
import io.mediamonitor.model.state.MentionEvent;
import io.mediamonitor.model.state.MentionTally;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Folding mentions into a window's tally, and reading a tally as the public MentionCount. */
public final class MentionTallies {

    private MentionTallies() {
    }

    public static MentionTally empty() {
        return new MentionTally(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), 0, null, null, null, 0);
    }

    /** Folds one mention of {@code term} into its window's tally; the whole volume keeps no story ids. */
    public static MentionTally add(String term, MentionTally tally, MentionEvent mention) {
        return Terms.TOTAL.equals(term) ? addToTotal(tally, mention) : add(tally, mention);
    }

    /**
     * The whole volume counts the stories that start in the window, not its distinct stories: every article
     * carries the total, so a list of its story ids would grow with each one and be rewritten, store and
     * changelog, on every article. The two differ only by stories begun in an earlier window and carried
     * again in this one; the detectors only need the volume's shape. A tally from before this counting
     * carries its ids' count over.
     */
    static MentionTally addToTotal(MentionTally tally, MentionEvent mention) {
        int started = stories(tally) + (startsStory(mention) ? 1 : 0);
        return new MentionTally(List.of(), List.of(), withSource(tally.getSources(), mention.getSource()),
                tally.getArticles() + 1, mention.getArticleId(),
                mention.getPublishedAt(), earliest(tally.getCountingSince(), mention.getCountingSince()), started);
    }

    /** The story deduplicator names a story after its first article. */
    private static boolean startsStory(MentionEvent mention) {
        return mention.getArticleId().equals(mention.getStoryId());
    }

    /** Distinct stories by id, or, for the whole volume, the stories started (a tally has one or the other). */
    private static int stories(MentionTally tally) {
        return Math.max(tally.getStoryIds().size(), tally.getStoriesStarted());
    }

    private static List<String> withSource(List<String> sources, String source) {
        if (sources.contains(source)) {
            return sources;
        }
        List<String> more = new ArrayList<>(sources);
        more.add(source);
        return more;
    }

    private static Instant earliest(Instant since, Instant other) {
        return other != null && (since == null || other.isBefore(since)) ? other : since;
    }

    static MentionTally add(MentionTally tally, MentionEvent mention) {
        List<String> stories = new ArrayList<>(tally.getStoryIds());
        List<String> origins = new ArrayList<>(tally.getStoryOrigins());
        // Origins line up with stories; a tally from before origins were kept has none for its stories.
        while (origins.size() < stories.size()) {
            origins.add("");
        }
        int known = stories.indexOf(mention.getStoryId());
        if (known < 0) {
            stories.add(mention.getStoryId());
            origins.add(mention.getSource());
        } else if (!origins.get(known).equals(mention.getSource())) {
            origins.set(known, ""); // carried by another source too: nobody's alone
        }
        return new MentionTally(stories, origins, withSource(tally.getSources(), mention.getSource()),
                tally.getArticles() + 1, mention.getArticleId(),
                mention.getPublishedAt(), earliest(tally.getCountingSince(), mention.getCountingSince()),
                tally.getStoriesStarted());
    }

    /**
     * Stories published in the window by one source alone, the most of any source: what one outlet writing
     * many stories nobody else carries (a live blog) adds to the count.
     */
    static int topSourceStories(MentionTally tally) {
        Map<String, Integer> byOrigin = new HashMap<>();
        int top = 0;
        for (String origin : tally.getStoryOrigins()) {
            if (!origin.isEmpty()) {
                top = Math.max(top, byOrigin.merge(origin, 1, Integer::sum));
            }
        }
        return top;
    }

    public static MentionCount toCount(String term, Instant windowStart, Instant windowEnd, MentionTally tally) {
        List<String> sourceNames = new ArrayList<>(tally.getSources());
        sourceNames.sort(null);
        return MentionCount.newBuilder()
                .setTerm(term)
                .setWindowStart(windowStart)
                .setWindowEnd(windowEnd)
                .setArticles(tally.getArticles())
                .setStories(stories(tally))
                .setSources(sourceNames.size())
                .setTopSourceStories(topSourceStories(tally))
                .setSourceNames(sourceNames)
                .setLastArticleId(tally.getLastArticleId())
                .setLastEventAt(tally.getLastEventAt())
                .setCountingSince(tally.getCountingSince())
                .build();
    }
}
