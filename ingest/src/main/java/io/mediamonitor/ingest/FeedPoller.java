package io.mediamonitor.ingest;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndFeed;
import io.mediamonitor.ingest.fetch.FeedFetcher;
import io.mediamonitor.ingest.fetch.FetchException;
import io.mediamonitor.ingest.fetch.FetchRequest;
import io.mediamonitor.ingest.fetch.FetchResult;
import io.mediamonitor.ingest.normalize.ArticleNormalizer;
import io.mediamonitor.ingest.normalize.FeedContext;
import io.mediamonitor.ingest.parse.FeedParseException;
import io.mediamonitor.ingest.parse.FeedParser;
import io.mediamonitor.model.Article;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One poll of one feed through the real path: conditional fetch, parse, normalize. Knows nothing
 * of Kafka or of what was published before; never throws for a bad feed, it reports it.
 */
public final class FeedPoller {

    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final IngestConfig config;

    public FeedPoller(FeedFetcher fetcher, IngestConfig config) {
        this.fetcher = fetcher;
        this.parser = new FeedParser(config.parseTimeout());
        this.config = config;
    }

    /**
     * Polls {@code feedUrl} (read from {@code currentUrl} when a permanent redirect moved it).
     *
     * @param name         the configured source name, or null
     * @param languageHint the configured language, or null
     */
    public PollOutcome poll(String feedUrl, String currentUrl, String name, String languageHint, String etag,
                            String lastModified, Instant now) throws InterruptedException {
        long start = System.nanoTime();
        String url = currentUrl != null ? currentUrl : feedUrl;
        FetchResult fetched;
        try {
            fetched = fetcher.fetch(new FetchRequest(url, etag, lastModified));
        } catch (FetchException e) {
            return PollOutcome.failure(feedUrl, e.httpStatus(), e.getMessage(), e.retryAfter(), since(start));
        }
        if (fetched.notModified()) {
            return new PollOutcome(feedUrl, true, true, fetched.status(), List.of(), 0, null, fetched.etag(),
                    fetched.lastModified(), fetched.permanentUrl(), fetched.maxAge(), null, null, since(start));
        }
        SyndFeed feed;
        try {
            feed = parser.parse(fetched.body(), fetched.contentType(), feedUrl);
        } catch (FeedParseException e) {
            return PollOutcome.failure(feedUrl, fetched.status(), e.reason(), null, since(start));
        }
        List<Article> articles = ArticleNormalizer.normalize(feed, new FeedContext(feedUrl, fetched.finalUrl(), name,
                languageHint, now, config.futureSkew()));
        return new PollOutcome(feedUrl, true, false, fetched.status(), articles, feed.getEntries().size(),
                feed.getTitle(), fetched.etag(), fetched.lastModified(), fetched.permanentUrl(),
                longest(ttlOf(feed), fetched.maxAge()), null, null, since(start));
    }

    private static Duration ttlOf(SyndFeed feed) {
        WireFeed wire = feed.originalWireFeed();
        if (wire instanceof Channel channel && channel.getTtl() > 0) {
            return Duration.ofMinutes(channel.getTtl());
        }
        return null;
    }

    private static Duration longest(Duration a, Duration b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
