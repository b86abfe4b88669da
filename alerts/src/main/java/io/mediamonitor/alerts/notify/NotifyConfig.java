package io.mediamonitor.alerts.notify;

import io.mediamonitor.schema.Topics;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the notification channels from flat, Kafka-style dotted keys ({@code notify.*}; other
 * keys in the map are ignored, unknown {@code notify.*} keys are refused so a typo does not
 * silently disable a channel).
 *
 * <pre>
 * notify.console.enabled=true              # default false
 * notify.console.target=log                # log (SLF4J, INFO) | stdout
 * notify.webhook.url=https://hooks.example.org/alerts    # enables the webhook channel
 * notify.webhook.timeout.ms=10000
 * notify.webhook.header.Authorization=Bearer s3cr3t     # any extra header
 * notify.slack.url=https://hooks.slack.com/services/...  # enables the Slack channel
 * notify.slack.timeout.ms=10000
 * notify.email.smtp.host=smtp.example.org  # enables the e-mail channel
 * notify.email.smtp.port=587               # default 587 with starttls, 465 with ssl, else 25
 * notify.email.smtp.username=alerts        # omit for no login
 * notify.email.smtp.password=...
 * notify.email.smtp.from=media-monitor@example.org
 * notify.email.smtp.to=desk@example.org,analyst@example.org
 * notify.email.smtp.starttls=true          # default true: STARTTLS required
 * notify.email.smtp.ssl=false              # implicit TLS (port 465)
 * notify.email.smtp.timeout.ms=30000
 * notify.&lt;channel&gt;.enabled=false          # turns a configured channel off
 * notify.retry.attempts=5                  # per channel: notify.&lt;channel&gt;.retry.attempts
 * notify.retry.backoff.ms=500              #              notify.&lt;channel&gt;.retry.backoff.ms
 * notify.retry.backoff.max.ms=30000        #              notify.&lt;channel&gt;.retry.backoff.max.ms
 * </pre>
 */
public final class NotifyConfig {

    public static final String PREFIX = "notify.";
    public static final String CONSOLE = "console";
    public static final String WEBHOOK = "webhook";
    public static final String SLACK = "slack";
    public static final String EMAIL = "email";

    private static final List<String> CHANNELS = List.of(CONSOLE, WEBHOOK, SLACK, EMAIL);
    private static final Set<String> RETRY_KEYS = Set.of("retry.attempts", "retry.backoff.ms", "retry.backoff.max.ms");
    private static final Set<String> KNOWN = known();

    private final Map<String, String> config;
    private final Map<String, Notifier> notifiers;

    private NotifyConfig(Map<String, String> config) {
        this.config = config;
        // built once, so a bad URL, address or header fails at start-up, not at the first alert
        this.notifiers = java.util.Collections.unmodifiableMap(buildNotifiers());
        CHANNELS.forEach(this::retryPolicy);
    }

    /** Reads the {@code notify.*} keys of a flat configuration map; throws on unknown or malformed keys. */
    public static NotifyConfig from(Map<String, String> flat) {
        Map<String, String> own = new LinkedHashMap<>();
        Set<String> unknown = new TreeSet<>();
        flat.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                String rest = key.substring(PREFIX.length());
                if (!KNOWN.contains(rest) && !rest.startsWith("webhook.header.")) {
                    unknown.add(key);
                }
                own.put(rest, value == null ? "" : value.strip());
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown notification settings " + unknown + "; known: notify." + KNOWN);
        }
        return new NotifyConfig(own);
    }

    /** The enabled channels by name, in the order console, webhook, slack, email. */
    public Map<String, Notifier> notifiers() {
        return notifiers;
    }

    private Map<String, Notifier> buildNotifiers() {
        Map<String, Notifier> notifiers = new LinkedHashMap<>();
        if (enabled(CONSOLE, false)) {
            String target = get("console.target", "log").toLowerCase(Locale.ROOT);
            notifiers.put(CONSOLE, switch (target) {
                case "log" -> ConsoleNotifier.toLog();
                case "stdout" -> ConsoleNotifier.to(System.out);
                default -> throw new IllegalArgumentException("notify.console.target must be log or stdout: " + target);
            });
        }
        if (enabled(WEBHOOK, has("webhook.url"))) {
            Map<String, String> headers = new LinkedHashMap<>();
            config.forEach((key, value) -> {
                if (key.startsWith("webhook.header.")) {
                    headers.put(key.substring("webhook.header.".length()), value);
                }
            });
            notifiers.put(WEBHOOK, new WebhookNotifier(url("webhook.url"), millis("webhook.timeout.ms", 10_000),
                    headers));
        }
        if (enabled(SLACK, has("slack.url"))) {
            notifiers.put(SLACK, new SlackNotifier(url("slack.url"), millis("slack.timeout.ms", 10_000)));
        }
        if (enabled(EMAIL, has("email.smtp.host"))) {
            notifiers.put(EMAIL, new EmailNotifier(emailSettings()));
        }
        return notifiers;
    }

    /** The retry policy of one channel: its own keys first, then the shared {@code notify.retry.*}. */
    public RetryPolicy retryPolicy(String channel) {
        RetryPolicy d = RetryPolicy.DEFAULT;
        int attempts = (int) number(channel + ".retry.attempts",
                number("retry.attempts", d.attempts()));
        long base = number(channel + ".retry.backoff.ms", number("retry.backoff.ms", d.base().toMillis()));
        long max = number(channel + ".retry.backoff.max.ms", number("retry.backoff.max.ms", d.max().toMillis()));
        return new RetryPolicy(attempts, Duration.ofMillis(base), Duration.ofMillis(max));
    }

    /** One runner per enabled channel, not started. */
    public List<NotificationChannel> channels(Map<String, Object> clientConfig, Topics topics) {
        List<NotificationChannel> channels = new ArrayList<>();
        notifiers().forEach((name, notifier) -> channels.add(
                new NotificationChannel(clientConfig, topics, name, notifier, retryPolicy(name))));
        return channels;
    }

    EmailSettings emailSettings() {
        boolean starttls = bool("email.smtp.starttls", true);
        boolean ssl = bool("email.smtp.ssl", false);
        if (ssl && !config.containsKey("email.smtp.starttls")) {
            starttls = false; // implicit TLS replaces STARTTLS unless both were asked for (and refused)
        }
        int port = (int) number("email.smtp.port", ssl ? 465 : starttls ? 587 : 25);
        List<String> to = Arrays.stream(get("email.smtp.to", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new EmailSettings(get("email.smtp.host", ""), port, blankToNull(get("email.smtp.username", "")),
                blankToNull(get("email.smtp.password", "")), get("email.smtp.from", ""), to, starttls, ssl,
                millis("email.smtp.timeout.ms", 30_000));
    }

    private static Set<String> known() {
        Set<String> keys = new TreeSet<>(Set.of("console.target", "webhook.url", "webhook.timeout.ms", "slack.url",
                "slack.timeout.ms", "email.smtp.host", "email.smtp.port", "email.smtp.username",
                "email.smtp.password", "email.smtp.from", "email.smtp.to", "email.smtp.starttls", "email.smtp.ssl",
                "email.smtp.timeout.ms"));
        keys.addAll(RETRY_KEYS);
        for (String channel : CHANNELS) {
            keys.add(channel + ".enabled");
            RETRY_KEYS.forEach(key -> keys.add(channel + "." + key));
        }
        return keys;
    }

    private boolean enabled(String channel, boolean byDefault) {
        return bool(channel + ".enabled", byDefault);
    }

    private boolean has(String key) {
        return !get(key, "").isEmpty();
    }

    private String get(String key, String fallback) {
        String value = config.get(key);
        return value == null || value.isEmpty() ? fallback : value;
    }

    private boolean bool(String key, boolean fallback) {
        String value = get(key, "").toLowerCase(Locale.ROOT);
        return switch (value) {
            case "" -> fallback;
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(PREFIX + key + " must be true or false: " + value);
        };
    }

    private long number(String key, long fallback) {
        String value = get(key, "");
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed < 0) {
                throw new NumberFormatException("negative");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + key + " must be a non-negative whole number: " + value);
        }
    }

    private Duration millis(String key, long fallback) {
        long value = number(key, fallback);
        if (value == 0) {
            throw new IllegalArgumentException(PREFIX + key + " must be positive");
        }
        return Duration.ofMillis(value);
    }

    private URI url(String key) {
        String value = get(key, "");
        if (value.isEmpty()) {
            throw new IllegalArgumentException(PREFIX + key + " is required when the channel is enabled");
        }
        try {
            URI uri = URI.create(value);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + key + " is not a URL: " + value, e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
