package io.mediamonitor.ingest;

/** Told about every poll, e.g. to count articles and errors into metrics. Called on worker threads. */
@FunctionalInterface
public interface IngestListener {

    IngestListener NONE = report -> { };

    void feedPolled(FeedReport report);
}
