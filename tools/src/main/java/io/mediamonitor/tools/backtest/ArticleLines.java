package io.mediamonitor.tools.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediamonitor.ingest.IngestConfig;
import io.mediamonitor.model.Article;
import io.mediamonitor.schema.ArticleIds;
import io.mediamonitor.schema.UrlCanonicalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads one backtest input line: a JSON object with id, url, title, summary, source, language,
 * publishedAt (ISO-8601) and, if known, fetchedAt (a publication date ahead of it is clamped to it, as
 * ingest does). A line that cannot become an article throws {@link BadLine} naming the
 * line number and what is wrong.
 */
public final class ArticleLines {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How far ahead of its fetch a publication date may be, as ingest allows by default. */
    static final Duration FUTURE_SKEW = IngestConfig.defaults().futureSkew();
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private ArticleLines() {
    }

    /** A line that is not a usable article. */
    public static final class BadLine extends Exception {
        public BadLine(long line, String problem) {
            super("line " + line + ": " + problem);
        }
    }

    public static Article parse(String text, long line) throws BadLine {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadLine(line, "not JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new BadLine(line, "expected a JSON object");
        }
        String url = text(node, "url");
        String title = text(node, "title");
        String source = text(node, "source");
        String published = text(node, "publishedAt");
        if (title == null || title.isBlank()) {
            throw new BadLine(line, "title is missing");
        }
        if (source == null || source.isBlank()) {
            throw new BadLine(line, "source is missing");
        }
        if (published == null) {
            throw new BadLine(line, "publishedAt is missing");
        }
        Instant publishedAt = instant(published, "publishedAt", line);
        String fetched = text(node, "fetchedAt");
        Instant fetchedAt = fetched == null ? publishedAt : instant(fetched, "fetchedAt", line);
        if (publishedAt.isAfter(fetchedAt.plus(FUTURE_SKEW))) {
            // as ingest does: a date ahead of the fetch (a wrong zone, a scheduled post) is the fetch time
            publishedAt = fetchedAt;
        }
        String id = text(node, "id");
        String canonical = url == null ? null : UrlCanonicalizer.canonicalize(url);
        if (id == null || id.isBlank()) {
            if (canonical == null) {
                throw new BadLine(line, "neither id nor a usable url is given");
            }
            // the id ingest would give it: copies differing only by tracking parameters are one article
            id = ArticleIds.of(canonical);
        }
        return Article.newBuilder()
                .setId(id)
                .setUrl(canonical == null ? "urn:backtest:" + id : canonical)
                .setTitle(title)
                .setSummary(text(node, "summary"))
                .setSource(source)
                .setFeedUrl("backtest")
                .setLanguage(text(node, "language"))
                .setPublishedAt(publishedAt)
                .setFetchedAt(fetchedAt)
                .setSourceDomain(canonical == null ? "" : UrlCanonicalizer.domainOf(canonical))
                .build();
    }

    /** An instant with an offset (ISO-8601), between 1970 and 9999: event times are epoch milliseconds. */
    private static Instant instant(String text, String field, long line) throws BadLine {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                instant = Instant.parse(text);
            } catch (DateTimeParseException again) {
                throw new BadLine(line, field + " is not an ISO-8601 instant with an offset (such as"
                        + " 2024-11-20T10:05:00Z): '" + text + "'");
            }
        }
        if (instant.isBefore(Instant.EPOCH) || instant.isAfter(LATEST)) {
            throw new BadLine(line, field + " " + text + " is outside 1970 to 9999");
        }
        return instant;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
