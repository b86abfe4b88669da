package io.mediamonitor.ingest.fetch;

import java.time.Duration;

/**
 * A successful answer: a 200 with its decoded body, or a 304 (also an unchanged ETag, which some
 * servers answer with 200) meaning the document did not change.
 *
 * @param status         HTTP status of the final answer (200 or 304)
 * @param notModified    true when there is nothing new to parse
 * @param body           decompressed body, empty when notModified
 * @param contentType    Content-Type header, or null
 * @param etag           ETag of this answer, else the one sent
 * @param lastModified   Last-Modified of this answer, else the one sent
 * @param finalUrl       URL of the final answer after redirects
 * @param permanentUrl   new URL when every redirect was permanent (301/308), else null
 * @param maxAge         Cache-Control max-age hint, or null
 * @param elapsed        time from request to body
 */
public record FetchResult(int status, boolean notModified, byte[] body, String contentType, String etag,
                          String lastModified, String finalUrl, String permanentUrl, Duration maxAge,
                          Duration elapsed) {
}
