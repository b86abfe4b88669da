package io.mediamonitor.alerts.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediamonitor.model.Article;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

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
        if (id == null || id.isBlank()) {
            if (url == null) {
                throw new BadLine(line, "neither id nor url is given");
            }
            id = sha256(url);
        }
        return Article.newBuilder()
                .setId(id)
                .setUrl(url == null ? "urn:backtest:" + id : url)
                .setTitle(title)
                .setSummary(text(node, "summary"))
                .setSource(source)
                .setFeedUrl("backtest")
                .setLanguage(text(node, "language"))
                .setPublishedAt(publishedAt)
                .setFetchedAt(publishedAt)
                .setSourceDomain(domain(url))
                .build();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String domain(String url) {
        try {
            String host = url == null ? null : URI.create(url).getHost();
            return host == null ? "" : host.replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
