package io.mediamonitor.app.jobs;

import io.mediamonitor.kafka.TopicFollower;
import io.mediamonitor.model.Feed;
import io.mediamonitor.model.FeedStatus;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feeds registered on the compacted feeds topic, which the ingest instances share out: read whole, and
 * withdrawn. A configuration's feeds are registered at every start and never withdrawn by it, since instances may
 * run with different ones; withdrawing is an operator's act ({@code media-monitor feeds remove}), except for the
 * demo's feeds, which are useless once the run that served them is gone.
 */
public final class FeedRegistry {

    /** The tag of the feeds {@code run} registers for its bundled demo. */
    public static final String DEMO_TAG = "demo";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    /** Where the demo server serves its feeds ({@code DemoFeedServer}). */
    private static final Pattern DEMO_URL = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/feeds/[^/]+");
    private static final Logger log = LoggerFactory.getLogger(FeedRegistry.class);

    private FeedRegistry() {
    }

    /** The registered feeds by URL, in URL order. */
    public static SortedMap<String, Feed> read(KafkaEnvironment kafka) {
        try (TopicFollower<String, Feed> follower = TopicFollower.of(kafka.topics().feeds(), kafka.clientConfig())
                .build()) {
            return new TreeMap<>(follower.latestToEnd(READ_TIMEOUT));
        }
    }

    /**
     * Withdraws the feeds: a tombstone on the feeds topic, which makes the instance that owns each stop polling it,
     * and one on the status topic, which takes its health off the dashboard.
     */
    public static void withdraw(KafkaEnvironment kafka, Collection<String> urls) {
        Map<String, Feed> feeds = new LinkedHashMap<>();
        Map<String, FeedStatus> statuses = new LinkedHashMap<>();
        for (String url : urls) {
            feeds.put(url, null);
            statuses.put(url, null);
        }
        TopicWriter.write(kafka.clientConfig(), kafka.topics().feeds(), feeds);
        TopicWriter.write(kafka.clientConfig(), kafka.topics().feedsStatus(), statuses);
    }

    /**
     * Before ingest starts with {@code feeds}: withdraws the demo feeds of an earlier run that this one does not
     * serve (when {@code withdrawStaleDemo}), and warns of registered feeds the configuration does not list, which
     * are polled all the same. Returns the feeds withdrawn.
     */
    public static List<String> reconcile(KafkaEnvironment kafka, List<Feed> feeds, boolean withdrawStaleDemo) {
        SortedMap<String, Feed> registered = read(kafka);
        List<String> stale = withdrawStaleDemo ? staleDemoFeeds(registered, feeds) : List.of();
        if (!stale.isEmpty()) {
            withdraw(kafka, stale);
            log.info("Withdrew {} demo feed(s) an earlier run registered: {}", stale.size(), String.join(", ", stale));
            stale.forEach(registered::remove);
        }
        List<Feed> unlisted = unconfigured(registered, feeds);
        if (!feeds.isEmpty() && !unlisted.isEmpty()) {
            log.warn("{} feed(s) on {} are not in the configuration and are polled too: {}. `media-monitor feeds"
                    + " remove URL` withdraws one.", unlisted.size(), kafka.topics().feeds().name(),
                    unlisted.stream().map(Feed::getUrl).limit(5).collect(Collectors.joining(", "))
                            + (unlisted.size() > 5 ? ", ..." : ""));
        }
        return stale;
    }

    /**
     * Demo feeds an earlier run registered that this run does not serve: their server went with that run. A demo
     * feed is tagged {@code demo} and served on the loopback from the demo server's path; an operator's own feed
     * tagged demo is not one.
     */
    public static List<String> staleDemoFeeds(Map<String, Feed> registered, Collection<Feed> current) {
        Set<String> serving = current.stream().map(Feed::getUrl).collect(Collectors.toSet());
        return registered.values().stream()
                .filter(feed -> isDemo(feed) && !serving.contains(feed.getUrl()))
                .map(Feed::getUrl).toList();
    }

    private static boolean isDemo(Feed feed) {
        return feed.getTags().contains(DEMO_TAG) && DEMO_URL.matcher(feed.getUrl()).matches();
    }

    /** Registered feeds the configuration does not list: another instance's, or left from an earlier one. */
    public static List<Feed> unconfigured(Map<String, Feed> registered, Collection<Feed> configured) {
        Set<String> listed = configured.stream().map(Feed::getUrl).collect(Collectors.toSet());
        return registered.values().stream().filter(feed -> !listed.contains(feed.getUrl())).toList();
    }
}
