package io.mediamonitor.ingest;

import com.rometools.rome.feed.synd.SyndFeed;
import io.mediamonitor.ingest.fetch.FeedFetcher;
import io.mediamonitor.ingest.normalize.ArticleNormalizer;
import io.mediamonitor.ingest.normalize.FeedContext;
import io.mediamonitor.ingest.parse.FeedParseException;
import io.mediamonitor.ingest.parse.FeedParser;
import io.mediamonitor.model.Article;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Reads one feed, from a URL or a local file, through the same fetch, parse and normalize path as
 * the service but without Kafka: for {@code media-monitor fetch URL|FILE}.
 */
public final class FeedInspector {

    /** The feed could not be read; the message names the feed and the cause. */
    public static final class InspectionException extends Exception {
        public InspectionException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final IngestConfig config;

    public FeedInspector(IngestConfig config) {
        this.config = config;
    }

    public List<Article> inspect(String urlOrFile) throws InspectionException, InterruptedException {
        String lower = urlOrFile.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return fromUrl(urlOrFile.strip());
        }
        return fromFile(Path.of(urlOrFile));
    }

    private List<Article> fromUrl(String url) throws InspectionException, InterruptedException {
        FeedPoller poller = new FeedPoller(new FeedFetcher(config.fetchLimits()), config);
        PollOutcome outcome = poller.poll(url, null, null, null, null, null, Instant.now());
        if (!outcome.ok()) {
            throw new InspectionException("feed " + url + ": " + outcome.error(), null);
        }
        return outcome.articles();
    }

    private List<Article> fromFile(Path file) throws InspectionException {
        String feedUrl = file.toAbsolutePath().normalize().toUri().toString();
        byte[] body;
        try (InputStream in = Files.newInputStream(file)) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, config.maxBodyBytes() + 1));
        } catch (IOException e) {
            throw new InspectionException("feed " + file + ": cannot read: " + e.getMessage(), e);
        }
        if (body.length > config.maxBodyBytes()) {
            throw new InspectionException("feed " + file + ": larger than " + config.maxBodyBytes() + " bytes", null);
        }
        try {
            SyndFeed feed = new FeedParser(config.parseTimeout()).parse(body, null, file.toString());
            return ArticleNormalizer.normalize(feed, new FeedContext(feedUrl, feedUrl, null, null, Instant.now(),
                    config.futureSkew()));
        } catch (FeedParseException e) {
            throw new InspectionException(e.getMessage(), e);
        }
    }
}
