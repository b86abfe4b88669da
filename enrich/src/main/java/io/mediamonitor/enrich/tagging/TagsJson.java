package io.mediamonitor.enrich.tagging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.mediamonitor.model.ActorTag;
import io.mediamonitor.model.CountryTag;
import io.mediamonitor.model.KeywordTag;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Renders {@link Tags} as one line of JSON: {"countries":[...],"actors":[...],"keywords":[...]}. */
public final class TagsJson {

    private static final JsonFactory JSON = new JsonFactory();

    private TagsJson() {}

    public static String toJson(Tags tags) {
        return toJson(tags, null);
    }

    /** With {@code id} non-null, an "id" field comes first (the input line's id, echoed). */
    public static String toJson(Tags tags, String id) {
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            if (id != null) {
                g.writeStringField("id", id);
            }
            g.writeArrayFieldStart("countries");
            for (CountryTag c : tags.countries()) {
                g.writeStartObject();
                g.writeStringField("code", c.getCode());
                g.writeStringField("name", c.getName());
                g.writeNumberField("mentions", c.getMentions());
                matched(g, c.getMatched());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("actors");
            for (ActorTag a : tags.actors()) {
                g.writeStartObject();
                g.writeStringField("id", a.getId());
                g.writeStringField("name", a.getName());
                g.writeStringField("type", a.getType());
                g.writeNumberField("mentions", a.getMentions());
                matched(g, a.getMatched());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("keywords");
            for (KeywordTag k : tags.keywords()) {
                g.writeStartObject();
                g.writeStringField("keyword", k.getKeyword());
                g.writeNumberField("mentions", k.getMentions());
                matched(g, k.getMatched());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** {"error":"line N: why","line":N} */
    public static String error(long line, String message) {
        StringWriter w = new StringWriter(128);
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("error", "line " + line + ": " + message);
            g.writeNumberField("line", line);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void matched(JsonGenerator g, List<String> forms) throws IOException {
        g.writeArrayFieldStart("matched");
        for (String f : forms) {
            g.writeString(f);
        }
        g.writeEndArray();
    }
}
