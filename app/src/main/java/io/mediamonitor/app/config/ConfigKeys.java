package io.mediamonitor.app.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The configuration keys media-monitor knows (the README's reference), so a typo is an error naming the nearest
 * known key instead of a setting silently ignored. {@code kafka.*} keys are checked against the Kafka clients' own
 * definitions (admin, producer, consumer, Streams, with Streams' {@code producer.}/{@code consumer.}/... prefixes
 * and {@code topic.} for topic settings); {@code notify.*} keys against {@link NotifyKeys}.
 */
public final class ConfigKeys {

    /** Keys read by the jobs; lists ({@code feeds}, {@code watchlist}) hold their own fields. */
    static final Set<String> KNOWN = Set.of(
            "bootstrap.servers", "bootstrap.timeout.ms", "data.dir", "broker.port", "topics.prefix",
            "topics.partitions", "topics.replication.factor", "state.store", "feeds", "watchlist",
            "ingest.poll.interval.ms", "ingest.poll.interval.min.ms", "ingest.poll.interval.max.ms",
            "ingest.connect.timeout.ms", "ingest.request.timeout.ms", "ingest.parse.timeout.ms",
            "ingest.max.body.bytes", "ingest.per.host.concurrency", "ingest.fetch.threads",
            "ingest.allow.private.addresses", "ingest.seen.capacity", "ingest.group.id", "ingest.user.agent",
            "ingest.round.max.articles",
            "enrich.window.size.ms", "enrich.window.advance.ms", "enrich.window.grace.ms", "enrich.window.lateness.ms",
            "enrich.emit.interval.ms", "enrich.max.article.bytes", "enrich.story.horizon.ms",
            "enrich.repeat.horizon.ms", "enrich.pairs.enabled", "enrich.dictionary.file", "enrich.application.id",
            "alerts.application.id", "alerts.watch.default", "alerts.spike.score", "alerts.rise.threshold",
            "alerts.articles.per.alert", "dashboard.port", "dashboard.bind.address", "demo.port");
    private static final String KAFKA = "kafka.";
    /**
     * The variables Kubernetes sets for a service named media-monitor or media-monitor-*: {@code _SERVICE_HOST},
     * {@code _SERVICE_PORT[_NAME]}, and {@code _PORT[_N_PROTO[_...]]} whose value is an address such as
     * {@code tcp://10.0.0.7:8080} (a {@code _PORT} of the user's holds a number).
     */
    private static final java.util.regex.Pattern SERVICE_LINK = java.util.regex.Pattern.compile(
            "MEDIA_MONITOR_(\\w+_)?SERVICE_(HOST|PORT(_\\w+)?)");
    private static final java.util.regex.Pattern SERVICE_ADDRESS = java.util.regex.Pattern.compile(
            "(tcp|udp|sctp)(://.*)?", java.util.regex.Pattern.CASE_INSENSITIVE);
    /** Streams' prefixes for settings of one of its clients. */
    private static final List<String> CLIENT_PREFIXES = List.of(StreamsConfig.PRODUCER_PREFIX,
            StreamsConfig.CONSUMER_PREFIX, StreamsConfig.MAIN_CONSUMER_PREFIX, StreamsConfig.RESTORE_CONSUMER_PREFIX,
            StreamsConfig.GLOBAL_CONSUMER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX);

    private ConfigKeys() {
    }

    /** @throws ConfigException naming the first unknown key, where it was set, and the nearest known one */
    public static void check(MonitorConfig config) {
        try {
            check(config.keys());
        } catch (UnknownKey e) {
            String variable = config.environmentVariable(e.key);
            if (variable == null) {
                throw e;
            }
            boolean serviceLink = SERVICE_LINK.matcher(variable).matches()
                    || SERVICE_ADDRESS.matcher(config.string(e.key, "")).matches();
            throw new ConfigException(e.getMessage().replace("'" + e.key + "'", "'" + e.key + "' (from the"
                    + " environment variable " + variable + ", as every MEDIA_MONITOR_* variable is read)")
                    + (serviceLink ? ". Kubernetes sets such variables for a service named media-monitor: set"
                    + " enableServiceLinks: false on the pod" : ""));
        }
    }

    /** @throws ConfigException naming the first unknown key and the nearest known one */
    public static void check(Set<String> keys) {
        Set<String> kafkaNames = kafkaNames();
        for (String key : new TreeSet<>(keys)) {
            if (KNOWN.contains(key) || NotifyKeys.KNOWN.contains(key) || key.startsWith(NotifyKeys.WEBHOOK_HEADER)) {
                continue;
            }
            if (key.startsWith(NotifyKeys.PREFIX)) {
                throw unknown(key, "notification setting", NotifyKeys.KNOWN);
            }
            if (key.startsWith(KAFKA)) {
                if (isKafkaSetting(key.substring(KAFKA.length()), kafkaNames)) {
                    continue;
                }
                throw unknown(key, "Kafka client setting", kafkaNames.stream().map(name -> KAFKA + name).toList());
            }
            throw unknown(key, "configuration key", KNOWN);
        }
    }

    private static boolean isKafkaSetting(String name, Set<String> kafkaNames) {
        if (kafkaNames.contains(name)) {
            return true;
        }
        if (name.startsWith(StreamsConfig.TOPIC_PREFIX)) {
            return topicNames().contains(name.substring(StreamsConfig.TOPIC_PREFIX.length()));
        }
        return CLIENT_PREFIXES.stream().anyMatch(prefix -> name.startsWith(prefix)
                && kafkaNames.contains(name.substring(prefix.length())));
    }

    private static ConfigException unknown(String key, String what, java.util.Collection<String> known) {
        return new UnknownKey(key, "unknown " + what + " '" + key + "'"
                + nearest(key, known).map(n -> " (did you mean '" + n + "'?)").orElse("")
                + "; the README's configuration reference lists them all");
    }

    /** An unknown key, which {@link #check(MonitorConfig)} names with the variable that set it. */
    private static final class UnknownKey extends ConfigException {
        private final String key;

        UnknownKey(String key, String message) {
            super(message);
            this.key = key;
        }
    }

    /** A field of a list element ({@code feeds[0]}) that the element's kind does not have. */
    static ConfigException unknownField(String element, String field, java.util.Collection<String> known) {
        return new ConfigException(element + "." + field + ": unknown field"
                + nearest(field, known).map(n -> " (did you mean '" + n + "'?)").orElse("")
                + "; the fields are " + String.join(", ", new TreeSet<>(known)));
    }

    private static Optional<String> nearest(String key, java.util.Collection<String> known) {
        return known.stream().min(Comparator.comparingInt(
                candidate -> LevenshteinDistance.getDefaultInstance().apply(key, candidate)));
    }

    private static Set<String> kafkaNames() {
        Set<String> names = new HashSet<>();
        names.addAll(AdminClientConfig.configNames());
        names.addAll(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(StreamsConfig.configDef().names());
        return names;
    }

    /** Topic settings ({@code retention.ms}, ...): Kafka publishes them as TopicConfig's *_CONFIG constants. */
    private static Set<String> topicNames() {
        Set<String> names = new HashSet<>();
        for (Field field : TopicConfig.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getName().endsWith("_CONFIG")) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }
}
