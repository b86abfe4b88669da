package io.mediamonitor.enrich.counting;

import io.mediamonitor.model.MentionCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One term's count in one window, in numbers only: what each mention changes is decided before (which
 * story and which source are new to the window, {@link StoryPresence}), so the tally stays the same small
 * size however many stories and sources the window holds. Mutable: read, changed and written back by one
 * counting step.
 */
public final class WindowTally {

    static final long NONE = Long.MIN_VALUE;

    int articles;
    int stories;
    int sources;
    /**
     * Sources by how many stories they published alone in the window: {@code alone[n - 1]} sources have n such
     * stories each. The highest n present is the count's topSourceStories, kept exact as stories stop being one
     * source's alone.
     */
    int[] alone = new int[0];
    String lastArticleId;
    long lastEventAt = NONE;
    /** The latest event time counted: the record time of the window's updates. */
    long latestEventAt = NONE;
    long countingSince = NONE;
    /** The whole volume's stories in the window as of the latest mention counted; 0 when none said. */
    int windowStories;

    public int articles() {
        return articles;
    }

    public int stories() {
        return stories;
    }

    public int sources() {
        return sources;
    }

    public long latestEventAt() {
        return latestEventAt;
    }

    /** One more article mentioning the term, published at {@code eventTime}. */
    public void countArticle(String articleId, long eventTime, long countedSince) {
        articles++;
        lastArticleId = articleId;
        lastEventAt = eventTime;
        latestEventAt = Math.max(latestEventAt, eventTime);
        if (countedSince != NONE && (countingSince == NONE || countedSince < countingSince)) {
            countingSince = countedSince;
        }
    }

    /** A mention's volume of the window; volumes only grow, so the largest is the latest. */
    public void volumeSeen(int volume) {
        windowStories = Math.max(windowStories, volume);
    }

    public int windowStories() {
        return windowStories;
    }

    public void countStory() {
        stories++;
    }

    public void countSource() {
        sources++;
    }

    /** A source's stories published alone in the window went from {@code before} to {@code after}. */
    public void aloneChanged(int before, int after) {
        if (before == after) {
            return;
        }
        if (before > 0) {
            alone[before - 1]--;
        }
        if (after > 0) {
            if (after > alone.length) {
                alone = Arrays.copyOf(alone, after);
            }
            alone[after - 1]++;
        }
        int top = alone.length;
        while (top > 0 && alone[top - 1] == 0) {
            top--;
        }
        if (top < alone.length) {
            alone = Arrays.copyOf(alone, top);
        }
    }

    /** Stories published in the window by one source alone, the most of any source. */
    public int topSourceStories() {
        return alone.length;
    }

    /** The public count of {@code term} in the window starting at {@code start}, with its sources (any order). */
    public MentionCount toCount(String term, long start, WindowGrid grid, List<String> sourceNames) {
        List<String> sorted = sourceNames == null ? new ArrayList<>() : new ArrayList<>(sourceNames);
        sorted.sort(null);
        return MentionCount.newBuilder()
                .setTerm(term)
                .setWindowStart(Instant.ofEpochMilli(start))
                .setWindowEnd(Instant.ofEpochMilli(start + grid.sizeMs()))
                .setArticles(articles)
                .setStories(stories)
                .setSources(sources)
                .setTopSourceStories(topSourceStories())
                .setSourceNames(sorted)
                .setLastArticleId(lastArticleId)
                .setLastEventAt(lastEventAt == NONE ? null : Instant.ofEpochMilli(lastEventAt))
                .setCountingSince(countingSince == NONE ? null : Instant.ofEpochMilli(countingSince))
                .build();
    }
}
