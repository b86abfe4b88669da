package io.mediamonitor.tools.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediamonitor.model.Article;
import io.mediamonitor.schema.ArticleIds;
import io.mediamonitor.schema.UrlCanonicalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads one backtest input line: a JSON object with id, url, title, summary, source, language and
 * publishedAt (ISO-8601). A line that cannot become an article throws {@link BadLine} naming the
 * line number and what is wrong.
 */
public final class ArticleLines {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        Instant publishedAt;
        try {
            publishedAt = OffsetDateTime.parse(published).toInstant();
        } catch (DateTimeParseException e) {
            try {
                publishedAt = Instant.parse(published);
            } catch (DateTimeParseException again) {
                throw new BadLine(line, "publishedAt is not ISO-8601: '" + published + "'");
            }
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
                .setFetchedAt(publishedAt)
                .setSourceDomain(canonical == null ? "" : UrlCanonicalizer.domainOf(canonical))
                .build();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
