package io.mediamonitor.ingest;

import io.mediamonitor.ingest.fetch.FetchLimits;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the ingester that are not Kafka client settings: {@link #defaults()}, then the generated
 * withers ({@code withGroupId(...)}) or builder ({@code IngestConfigBuilder.builder(defaults())}).
 *
 * @param pollInterval        default interval between two polls of a feed (a feed's own
 *                            pollIntervalSeconds overrides it), then adapted to its rhythm
 * @param minPollInterval     lower bound of the adapted interval
 * @param maxPollInterval     upper bound of the adapted interval and of the error backoff
 * @param connectTimeout      TCP/TLS connect timeout
 * @param requestTimeout      whole request deadline: headers and body
 * @param parseTimeout        deadline for parsing one feed document
 * @param maxBodyBytes        cap on the body, both as received and after decompression
 * @param maxRedirects        redirects followed before giving up
 * @param perHostConcurrency  requests in flight to one host at once
 * @param fetchThreads        feeds fetched and parsed in parallel
 * @param allowPrivateAddresses whether feeds may resolve to loopback/private/link-local addresses
 * @param userAgent           User-Agent header sent with every request
 * @param seenCapacity        article ids remembered to avoid republishing
 * @param groupId             consumer group sharing the feeds topic among ingest instances
 * @param futureSkew          how far in the future a publication date may be before it is clamped
 * @param roundMaxArticles    articles a round of polls holds to publish them in time order across feeds (the first
 *                            round reads every feed's history); beyond that it publishes them in parts
 */
@RecordBuilder
public record IngestConfig(
        Duration pollInterval,
        Duration minPollInterval,
        Duration maxPollInterval,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration parseTimeout,
        long maxBodyBytes,
        int maxRedirects,
        int perHostConcurrency,
        int fetchThreads,
        boolean allowPrivateAddresses,
        String userAgent,
        int seenCapacity,
        String groupId,
        Duration futureSkew,
        int roundMaxArticles) implements IngestConfigBuilder.With {

    public static final String DEFAULT_USER_AGENT =
            "media-monitor/0.1 (+https://github.com/media-monitor/media-monitor)";
    public static final String DEFAULT_GROUP_ID = "media-monitor-ingest";
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
    /** Feeds' first polls, about 2 KB an article: some 100 MB held at most. */
    public static final int DEFAULT_ROUND_MAX_ARTICLES = 50_000;

    public IngestConfig {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(minPollInterval, "minPollInterval");
        Objects.requireNonNull(maxPollInterval, "maxPollInterval");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(parseTimeout, "parseTimeout");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(futureSkew, "futureSkew");
        if (minPollInterval.compareTo(maxPollInterval) > 0) {
            throw new IllegalArgumentException("minPollInterval " + minPollInterval
                    + " exceeds maxPollInterval " + maxPollInterval);
        }
        if (maxBodyBytes <= 0 || perHostConcurrency <= 0 || fetchThreads <= 0 || seenCapacity <= 0
                || maxRedirects < 0 || roundMaxArticles <= 0) {
            throw new IllegalArgumentException("sizes and counts must be positive");
        }
    }

    public static IngestConfig defaults() {
        return new IngestConfig(Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofHours(4),
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(10),
                DEFAULT_MAX_BODY_BYTES, 5, 4, 16, false, DEFAULT_USER_AGENT, 1_000_000,
                DEFAULT_GROUP_ID, Duration.ofMinutes(10), DEFAULT_ROUND_MAX_ARTICLES);
    }

    /** What the fetcher may spend and where it may go on one feed. */
    public FetchLimits fetchLimits() {
        return new FetchLimits(connectTimeout, requestTimeout, maxBodyBytes, maxRedirects, perHostConcurrency,
                allowPrivateAddresses, userAgent);
    }
}
