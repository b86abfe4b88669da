package io.mediamonitor.app.jobs;

import io.mediamonitor.app.config.ConfigException;
import io.mediamonitor.app.config.Durations;
import io.mediamonitor.app.config.MonitorConfig;
import io.mediamonitor.ingest.IngestConfig;
import io.mediamonitor.ingest.IngestConfigBuilder;
import io.mediamonitor.model.Feed;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Builds the ingester's settings and feed list from configuration. */
public final class IngestJob {

    private IngestJob() {
    }

    public static IngestConfig settings(MonitorConfig config) {
        IngestConfig defaults = IngestConfig.defaults();
        return IngestConfigBuilder.builder(defaults)
                .pollInterval(config.duration("ingest.poll.interval.ms", defaults.pollInterval()))
                .minPollInterval(config.duration("ingest.poll.interval.min.ms", defaults.minPollInterval()))
                .maxPollInterval(config.duration("ingest.poll.interval.max.ms", defaults.maxPollInterval()))
                .connectTimeout(config.duration("ingest.connect.timeout.ms", defaults.connectTimeout()))
                .requestTimeout(config.duration("ingest.request.timeout.ms", defaults.requestTimeout()))
                .parseTimeout(config.duration("ingest.parse.timeout.ms", defaults.parseTimeout()))
                .maxBodyBytes(config.integer("ingest.max.body.bytes", (int) defaults.maxBodyBytes()))
                .perHostConcurrency(config.integer("ingest.per.host.concurrency", defaults.perHostConcurrency()))
                .fetchThreads(config.integer("ingest.fetch.threads", defaults.fetchThreads()))
                .allowPrivateAddresses(config.bool("ingest.allow.private.addresses", defaults.allowPrivateAddresses()))
                .seenCapacity(config.integer("ingest.seen.capacity", defaults.seenCapacity()))
                .roundMaxArticles(config.integer("ingest.round.max.articles", defaults.roundMaxArticles()))
                .groupId(config.string("ingest.group.id", defaults.groupId()))
                .userAgent(config.string("ingest.user.agent", defaults.userAgent()))
                .build();
    }

    /** The fields of a feed under {@code feeds:}. */
    static final Set<String> FEED_FIELDS = Set.of("url", "name", "language", "poll.interval", "poll.interval.ms", "tags");

    /** The feeds under {@code feeds:}, each a mapping with url, name, language, poll.interval, tags. */
    public static List<Feed> feeds(MonitorConfig config) {
        List<Feed> feeds = new ArrayList<>();
        List<Map<String, Object>> entries = config.list("feeds", FEED_FIELDS);
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Object> entry = entries.get(i);
            String where = "feeds[" + i + "]";
            Object url = entry.get("url");
            if (url == null || url.toString().isBlank()) {
                throw new ConfigException(where + ": url is required");
            }
            String text = url.toString().trim();
            String host = hostOf(text, where);
            Object interval = entry.getOrDefault("poll.interval", entry.get("poll.interval.ms"));
            Integer seconds = null;
            if (interval != null) {
                try {
                    seconds = (int) Durations.parse(interval.toString()).toSeconds();
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(where + ".poll.interval: " + e.getMessage());
                }
                if (seconds < 1) {
                    throw new ConfigException(where + ".poll.interval: '" + interval
                            + "' is under a second (a bare number is milliseconds); write e.g. 900s or 15m");
                }
            }
            List<String> tags = new ArrayList<>();
            if (entry.get("tags") instanceof List<?> list) {
                list.forEach(tag -> tags.add(tag.toString()));
            } else if (entry.get("tags") != null) {
                throw new ConfigException(where + ".tags: expected a list such as [sahel, fr], got '"
                        + entry.get("tags") + "'");
            }
            feeds.add(Feed.newBuilder()
                    .setUrl(text)
                    .setName(entry.get("name") == null ? host : entry.get("name").toString())
                    .setLanguage(entry.get("language") == null ? null : entry.get("language").toString())
                    .setPollIntervalSeconds(seconds)
                    .setTags(tags)
                    .build());
        }
        return feeds;
    }

    /** The host of an http(s) URL, which the feed is named after unless it has a name. */
    private static String hostOf(String url, String where) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new ConfigException(where + ".url: '" + url + "' is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ConfigException(where + ".url: must be http or https, got '" + url + "'");
        }
        if (uri.getHost() == null) {
            // java.net.URI leaves the host unset where it is not a valid host name (an underscore, say), and no HTTP
            // client of the JDK would reach it
            throw new ConfigException(where + ".url: '" + url + "' has no valid host name (letters, digits,"
                    + " hyphens and dots)");
        }
        return uri.getHost();
    }
}
