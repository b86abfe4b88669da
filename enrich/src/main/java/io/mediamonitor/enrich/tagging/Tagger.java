package io.mediamonitor.enrich.tagging;

/**
 * Finds the countries, actors and keywords a text mentions. Implementations are immutable and
 * thread-safe; a dictionary change builds a new one.
 */
public interface Tagger {

    Tags tag(String text);

    /** Version of the dictionary this tagger was built from; recorded on every enriched article. */
    String dictionaryVersion();
}
