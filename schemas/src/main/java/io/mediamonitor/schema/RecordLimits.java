package io.mediamonitor.schema;

/**
 * Record sizes every producer and topic of the system agree on, so a record one part accepts can be written by the
 * next: Kafka's own defaults, stated explicitly because a broker configured otherwise would break the chain (an
 * input a job accepts but cannot repartition or dead-letter stops it).
 */
public final class RecordLimits {

    /** Largest record a producer sends ({@code max.request.size}, uncompressed): Kafka's default, 1 MiB. */
    public static final int MAX_REQUEST_BYTES = 1024 * 1024;
    /** Largest record batch a topic takes ({@code max.message.bytes}): Kafka's default, the request size + 12. */
    public static final int MAX_MESSAGE_BYTES = MAX_REQUEST_BYTES + 12;
    /**
     * Largest article accepted from the raw topic, by default: ingest's own caps (title, summary, content, link, GUID)
     * keep an article under about 350 KB, and the enriched article (the article and its tags) must stay under the
     * request size.
     */
    public static final int DEFAULT_MAX_ARTICLE_BYTES = 512 * 1024;
    /** The most an article limit may be set to: the rest of the request size is the room its tags need. */
    public static final int MAX_ARTICLE_BYTES = 768 * 1024;
    /** How much of a refused record's value and key a dead letter keeps: enough to see what it was. */
    public static final int DEAD_LETTER_KEPT_BYTES = 64 * 1024;

    private RecordLimits() {
    }
}
