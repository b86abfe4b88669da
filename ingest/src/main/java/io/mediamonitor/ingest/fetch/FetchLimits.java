package io.mediamonitor.ingest.fetch;

import java.time.Duration;

/**
 * What {@link FeedFetcher} may spend and where it may go on one feed.
 *
 * @param connectTimeout        to open the connection
 * @param requestTimeout        for the whole exchange, redirects and body included
 * @param maxBodyBytes          body size, after decompression
 * @param maxRedirects          redirects followed
 * @param perHostConcurrency    requests in flight to one host
 * @param allowPrivateAddresses whether feeds may resolve to loopback/private/link-local addresses
 * @param userAgent             User-Agent header sent with every request
 */
public record FetchLimits(Duration connectTimeout, Duration requestTimeout, long maxBodyBytes, int maxRedirects,
                          int perHostConcurrency, boolean allowPrivateAddresses, String userAgent) {
}
