package io.mediamonitor.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Every schema version ever written to a topic. A reader needs the writer's schema to resolve an
 * older record, and single-object encoding only carries its fingerprint, so old versions stay
 * here forever. Add a file under {@code schema-history/} and a line below when a schema changes.
 */
public final class SchemaHistory {

    private static final List<String> RESOURCES = List.of(
            "schema-history/Article-v1.avsc",
            "schema-history/MentionCount-v1.avsc", // before countingSince
            "schema-history/MentionCount-v2.avsc", // before topSourceStories
            "schema-history/MentionCount-v3.avsc", // before windowStories
            "schema-history/EnrichedArticle-v1.avsc", // before storyStartedAt
            "schema-history/FeedStatus-v1.avsc", // before lastNewArticleAt
            "schema-history/StoryState-v1.avsc", // story dedup's changelog: before the story's windows
            "schema-history/StoryState-v2.avsc", // before the signature (stories keyed by fingerprint)
            "schema-history/StoryState-v3.avsc", // before the terms' sightings
            "schema-history/MentionEvent-v0.avsc", // repartition topic: before countingSince
            "schema-history/MentionEvent-v1.avsc", // before storyStartedAt
            "schema-history/MentionEvent-v2.avsc", // before newStoryWindows
            "schema-history/MentionEvent-v3.avsc", // before windowVolumes
            "schema-history/MentionEvent-v4.avsc", // before the terms' story changes (noLongerAlone)
            "schema-history/MentionEvent-v5.avsc"); // before the watermark

    private SchemaHistory() {
    }

    /** Historical schemas with the given full name, oldest first (the current one not included). */
    public static List<Schema> versionsOf(String fullName) {
        List<Schema> versions = new ArrayList<>();
        for (String resource : RESOURCES) {
            Schema schema = load(resource);
            if (schema.getFullName().equals(fullName)) {
                versions.add(schema);
            }
        }
        return versions;
    }

    static Schema load(String resource) {
        try (InputStream in = SchemaHistory.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema history resource missing: " + resource);
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + resource, e);
        }
    }
}
