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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one feed through the real path: conditional fetch, parse, normalize. Knows nothing
 * of Kafka or of what was published before; never throws for a bad feed, it reports it.
 */
public final class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    /** Turns a parsed feed's items into articles ({@link ArticleNormalizer#normalize}). */
    interface Normalizer {
        List<Article> normalize(SyndFeed feed, FeedContext context);
    }

    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final IngestConfig config;
    private final Normalizer normalizer;

    public FeedPoller(FeedFetcher fetcher, IngestConfig config) {
        this(fetcher, config, ArticleNormalizer::normalize);
    }

    FeedPoller(FeedFetcher fetcher, IngestConfig config, Normalizer normalizer) {
        this.fetcher = fetcher;
        this.parser = new FeedParser(config.parseTimeout());
        this.config = config;
        this.normalizer = normalizer;
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
        try {
            return poll(feedUrl, currentUrl, name, languageHint, etag, lastModified, now, start);
        } catch (RuntimeException e) {
            // a bug this feed's content ran into: the feed fails and backs off like any failing feed, reported on
            // its status; the others go on
            log.error("Polling {} failed unexpectedly", feedUrl, e);
            return PollOutcome.failure(feedUrl, FeedFailure.OTHER, null, "unexpected error: " + e, null,
                    since(start));
        }
    }

    private PollOutcome poll(String feedUrl, String currentUrl, String name, String languageHint, String etag,
                             String lastModified, Instant now, long start) throws InterruptedException {
        String url = currentUrl != null ? currentUrl : feedUrl;
        FetchResult fetched;
        try {
            fetched = fetcher.fetch(new FetchRequest(url, etag, lastModified));
        } catch (FetchException e) {
            return PollOutcome.failure(feedUrl, FeedFailure.of(e), e.httpStatus(), e.getMessage(), e.retryAfter(),
                    since(start));
        }
        if (fetched.notModified()) {
            return new PollOutcome(feedUrl, true, true, fetched.status(), List.of(), 0, null, fetched.etag(),
                    fetched.lastModified(), fetched.permanentUrl(), fetched.maxAge(), null, null, since(start), null);
        }
        SyndFeed feed;
        try {
            feed = parser.parse(fetched.body(), fetched.contentType(), feedUrl, fetched.finalUrl());
        } catch (FeedParseException e) {
            return PollOutcome.failure(feedUrl, FeedFailure.PARSE, fetched.status(), e.reason(), null, since(start));
        }
        List<Article> articles = normalizer.normalize(feed, new FeedContext(feedUrl, fetched.finalUrl(), name,
                languageHint, now, config.futureSkew()));
        return new PollOutcome(feedUrl, true, false, fetched.status(), articles, feed.getEntries().size(),
                feed.getTitle(), fetched.etag(), fetched.lastModified(), fetched.permanentUrl(),
                longest(ttlOf(feed), fetched.maxAge()), null, null, since(start), null);
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
