package io.mediamonitor.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediamonitor.model.Article;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Writes articles as JSON lines: one object a line, field names and order as in the Article
 * schema, times as ISO-8601 UTC strings, absent optional fields as null.
 */
public final class ArticleJsonWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private ArticleJsonWriter() {
    }

    /** The article as a JSON object on one line, without the line break. */
    public static String toJson(Article article) {
        try {
            return MAPPER.writeValueAsString(fields(article));
        } catch (IOException e) {
            throw new IllegalStateException("an article always serializes", e);
        }
    }

    /** Writes each article followed by a line break, then flushes. */
    public static void write(List<Article> articles, Writer out) throws IOException {
        for (Article article : articles) {
            out.write(toJson(article));
            out.write('\n');
        }
        out.flush();
    }

    static Map<String, Object> fields(Article article) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Schema.Field field : Article.getClassSchema().getFields()) {
            Object value = article.get(field.pos());
            fields.put(field.name(), value instanceof Instant instant ? instant.toString() : value);
        }
        return fields;
    }
}
