package io.mediamonitor.tools.backtest;

import io.mediamonitor.model.Article;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets aside an article dated far beyond every article before it in a replay, unless the lines after it agree with
 * it. The live system clamps a publication date ahead of the fetch time to the fetch time; a replay has no clock to
 * clamp by, and one line dated years ahead would move the stream's time there, after which every later article is
 * too late to be counted (and the detector would step through every window in between). A file that jumps ahead
 * for real (an outage, two archives joined) has several lines in a row at the new time: those are replayed, late
 * by at most {@link #AGREEING} lines.
 */
public final class FutureDates {

    /** Further ahead of the newest article before it than this, a date waits for lines that agree with it. */
    public static final Duration LEAP = Duration.ofDays(30);
    /** Lines in a row, within {@link #LEAP} of each other, that make a jump a gap in the file rather than a mistake. */
    static final int AGREEING = 3;

    /** What to replay now, in order, and the lines set aside. */
    public record Verdict(List<Article> replay, List<ArticleLines.BadLine> refused) {
    }

    private record Waiting(Article article, long line) {
    }

    private final List<Waiting> waiting = new ArrayList<>();
    private Instant newest;

    /** Takes the next line's article. */
    public Verdict offer(Article article, long line) {
        Instant published = article.getPublishedAt();
        List<ArticleLines.BadLine> refused = new ArrayList<>();
        if (newest == null || !published.isAfter(newest.plus(LEAP))) {
            refused.addAll(refuseWaiting());
            advanceTo(published);
            return new Verdict(List.of(article), refused);
        }
        if (!waiting.isEmpty() && !near(published, waiting.get(0).article().getPublishedAt())) {
            refused.addAll(refuseWaiting());
        }
        waiting.add(new Waiting(article, line));
        if (waiting.size() < AGREEING) {
            return new Verdict(List.of(), refused);
        }
        List<Article> replay = waiting.stream().map(Waiting::article).toList();
        replay.forEach(agreed -> advanceTo(agreed.getPublishedAt()));
        waiting.clear();
        return new Verdict(replay, refused);
    }

    /** At the end of the file: the lines still waiting had none to agree with them. */
    public List<ArticleLines.BadLine> finish() {
        return refuseWaiting();
    }

    private List<ArticleLines.BadLine> refuseWaiting() {
        List<ArticleLines.BadLine> refused = new ArrayList<>();
        for (Waiting set : waiting) {
            Instant published = set.article().getPublishedAt();
            refused.add(new ArticleLines.BadLine(set.line(), "publishedAt " + published + " is "
                    + Duration.between(newest, published).toDays() + " days after the newest article before it ("
                    + newest + ") and too few lines after it agree: a date in the future? (ingest takes the fetch"
                    + " time for a date ahead of it)"));
        }
        waiting.clear();
        return refused;
    }

    private void advanceTo(Instant published) {
        if (newest == null || published.isAfter(newest)) {
            newest = published;
        }
    }

    private static boolean near(Instant a, Instant b) {
        return Duration.between(a, b).abs().compareTo(LEAP) <= 0;
    }
}
