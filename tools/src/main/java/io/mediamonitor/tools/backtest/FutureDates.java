package io.mediamonitor.tools.backtest;

import io.mediamonitor.model.Article;
import java.time.Duration;
import java.time.Instant;

/**
 * Refuses an article dated far beyond every article before it in a replay. The live system clamps a publication
 * date ahead of the fetch time to the fetch time; a replay line without a fetch time has no clock to clamp by, and
 * a line dated years ahead would move the stream's time there, after which every later article is too late to be
 * counted (and the detector would step through every window in between).
 */
public final class FutureDates {

    /** Further ahead of the newest article before it than this, a date is taken for a mistake. */
    public static final Duration LEAP = Duration.ofDays(30);

    private Instant newest;

    /** @throws ArticleLines.BadLine when the article is dated more than {@link #LEAP} after the newest before it */
    public void check(Article article, long line) throws ArticleLines.BadLine {
        Instant published = article.getPublishedAt();
        if (newest != null && published.isAfter(newest.plus(LEAP))) {
            throw new ArticleLines.BadLine(line, "publishedAt " + published + " is "
                    + Duration.between(newest, published).toDays() + " days after the newest article before it ("
                    + newest + "): a date in the future? Ingest takes the fetch time for a date ahead of it; give"
                    + " the line its fetchedAt");
        }
        if (newest == null || published.isAfter(newest)) {
            newest = published;
        }
    }
}
