package io.mediamonitor.ingest.fetch;

/**
 * One conditional GET.
 *
 * @param url          where to fetch (the feed's current URL)
 * @param etag         ETag of the last 200 answer, sent as If-None-Match, or null
 * @param lastModified Last-Modified of the last 200 answer, sent as If-Modified-Since, or null
 */
public record FetchRequest(String url, String etag, String lastModified) {

    public static FetchRequest unconditional(String url) {
        return new FetchRequest(url, null, null);
    }
}
