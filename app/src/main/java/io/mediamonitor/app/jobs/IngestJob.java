package io.mediamonitor.app.jobs;

import io.mediamonitor.app.config.ConfigException;
import io.mediamonitor.app.config.Durations;
import io.mediamonitor.app.config.MonitorConfig;
import io.mediamonitor.ingest.IngestConfig;
import io.mediamonitor.ingest.IngestConfigBuilder;
import io.mediamonitor.model.Feed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /** The feeds under {@code feeds:}, each a mapping with url, name, language, poll.interval, tags. */
    public static List<Feed> feeds(MonitorConfig config) {
        List<Feed> feeds = new ArrayList<>();
        List<Map<String, Object>> entries = config.list("feeds");
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Object> entry = entries.get(i);
            String where = "feeds[" + i + "]";
            Object url = entry.get("url");
            if (url == null || url.toString().isBlank()) {
                throw new ConfigException(where + ": url is required");
            }
            String text = url.toString().trim();
            if (!text.startsWith("http://") && !text.startsWith("https://")) {
                throw new ConfigException(where + ": url must be http or https, got '" + text + "'");
            }
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
            }
            feeds.add(Feed.newBuilder()
                    .setUrl(text)
                    .setName(entry.getOrDefault("name", hostOf(text)).toString())
                    .setLanguage(entry.get("language") == null ? null : entry.get("language").toString())
                    .setPollIntervalSeconds(seconds)
                    .setTags(tags)
                    .build());
        }
        return feeds;
    }

    private static String hostOf(String url) {
        return java.net.URI.create(url).getHost();
    }
}
