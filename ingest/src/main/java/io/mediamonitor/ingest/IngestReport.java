package io.mediamonitor.ingest;

import java.util.List;

/** What one cycle over the owned feeds did, feed by feed. */
public record IngestReport(List<FeedReport> feeds) {

    public IngestReport {
        feeds = List.copyOf(feeds);
    }

    public int newArticles() {
        return feeds.stream().mapToInt(FeedReport::newArticles).sum();
    }

    public long failures() {
        return feeds.stream().filter(f -> !f.ok()).count();
    }

    /** True when there were feeds and every one failed: the exit status of {@code ingest --once}. */
    public boolean allFailed() {
        return !feeds.isEmpty() && failures() == feeds.size();
    }

    /** The totals, then a line per failed feed: its URL, its HTTP status if one came, and why it failed. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(feeds.size() + " feeds, " + failures() + " failed, " + newArticles()
                + " new articles");
        for (FeedReport feed : feeds) {
            if (!feed.ok()) {
                text.append("\n  failed: ").append(feed.feedUrl())
                        .append(feed.httpStatus() == null ? "" : " (HTTP " + feed.httpStatus() + ")")
                        .append(": ").append(feed.error());
            }
        }
        return text.toString();
    }
}
