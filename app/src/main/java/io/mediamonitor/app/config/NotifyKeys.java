package io.mediamonitor.app.config;

import io.mediamonitor.alerts.notify.EmailSettings;
import io.mediamonitor.alerts.notify.HttpChannelSettings;
import io.mediamonitor.alerts.notify.NotifyConfig;
import io.mediamonitor.alerts.notify.NotifyConfig.ConsoleTarget;
import io.mediamonitor.alerts.notify.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code notify.*} keys, read into a {@link NotifyConfig}. A channel is on when its address is set (or, for
 * the console, when {@code notify.console.enabled} is true) and {@code notify.<channel>.enabled} is not false.
 *
 * <pre>
 * notify.console.enabled=true              # default false
 * notify.console.target=log                # log (SLF4J, INFO) | stdout
 * notify.webhook.url=https://hooks.example.org/alerts    # turns the webhook channel on
 * notify.webhook.timeout.ms=10s
 * notify.webhook.header.Authorization=Bearer s3cr3t     # any extra header
 * notify.slack.url=https://hooks.slack.com/services/...  # turns the Slack channel on
 * notify.slack.timeout.ms=10s
 * notify.email.smtp.host=smtp.example.org  # turns the e-mail channel on
 * notify.email.smtp.port=587               # default 587 with starttls, 465 with ssl, else 25
 * notify.email.smtp.username=alerts        # omit for no login
 * notify.email.smtp.password=...
 * notify.email.smtp.from=media-monitor@example.org
 * notify.email.smtp.to=desk@example.org,analyst@example.org
 * notify.email.smtp.starttls=true          # default true: STARTTLS required
 * notify.email.smtp.ssl=false              # implicit TLS (port 465)
 * notify.email.smtp.timeout.ms=30s
 * notify.&lt;channel&gt;.enabled=false          # turns a configured channel off
 * notify.retry.attempts=5                  # per channel: notify.&lt;channel&gt;.retry.attempts
 * notify.retry.backoff.ms=500              #              notify.&lt;channel&gt;.retry.backoff.ms
 * notify.retry.backoff.max.ms=30s          #              notify.&lt;channel&gt;.retry.backoff.max.ms
 * </pre>
 */
public final class NotifyKeys {

    static final String PREFIX = "notify.";
    /** Extra webhook headers: any name after it. */
    static final String WEBHOOK_HEADER = PREFIX + "webhook.header.";
    private static final List<String> RETRY = List.of("retry.attempts", "retry.backoff.ms", "retry.backoff.max.ms");
    /** Every {@code notify.*} key but the webhook headers. */
    static final Set<String> KNOWN = known();

    private final MonitorConfig config;

    private NotifyKeys(MonitorConfig config) {
        this.config = config;
    }

    /** @throws ConfigException naming the key at fault */
    public static NotifyConfig read(MonitorConfig config) {
        return new NotifyKeys(config).read();
    }

    private NotifyConfig read() {
        Map<String, RetryPolicy> retries = new LinkedHashMap<>();
        NotifyConfig.CHANNELS.forEach(channel -> retries.put(channel, retryPolicy(channel)));
        return new NotifyConfig(console(), webhook(), slack(), email(), retries);
    }

    private ConsoleTarget console() {
        if (!on(NotifyConfig.CONSOLE, false)) {
            return null;
        }
        String target = text("console.target", "log");
        return switch (target.toLowerCase(Locale.ROOT)) {
            case "log" -> ConsoleTarget.LOG;
            case "stdout" -> ConsoleTarget.STDOUT;
            default -> throw new ConfigException(PREFIX + "console.target: expected log or stdout, got '" + target + "'");
        };
    }

    private HttpChannelSettings webhook() {
        if (!on(NotifyConfig.WEBHOOK, has("webhook.url"))) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        config.withPrefix(WEBHOOK_HEADER).forEach((name, value) -> headers.put(name, value.toString().strip()));
        return checked("webhook.url", () -> new HttpChannelSettings(url("webhook.url"),
                positive("webhook.timeout.ms", HttpChannelSettings.DEFAULT_TIMEOUT), headers));
    }

    private HttpChannelSettings slack() {
        if (!on(NotifyConfig.SLACK, has("slack.url"))) {
            return null;
        }
        return checked("slack.url", () -> new HttpChannelSettings(url("slack.url"),
                positive("slack.timeout.ms", HttpChannelSettings.DEFAULT_TIMEOUT), Map.of()));
    }

    private EmailSettings email() {
        if (!on(NotifyConfig.EMAIL, has("email.smtp.host"))) {
            return null;
        }
        boolean ssl = config.bool(PREFIX + "email.smtp.ssl", false);
        // implicit TLS replaces STARTTLS unless both were asked for (and are then refused)
        boolean starttls = config.bool(PREFIX + "email.smtp.starttls", !ssl);
        int port = config.integer(PREFIX + "email.smtp.port", ssl ? 465 : starttls ? 587 : 25);
        List<String> to = Arrays.stream(text("email.smtp.to", "").split(","))
                .map(String::strip).filter(address -> !address.isEmpty()).toList();
        return checked("email.smtp.*", () -> new EmailSettings(text("email.smtp.host", ""), port,
                blankToNull(text("email.smtp.username", "")), blankToNull(text("email.smtp.password", "")),
                text("email.smtp.from", ""), to, starttls, ssl, positive("email.smtp.timeout.ms", Duration.ofSeconds(30))));
    }

    /** A channel's own retry keys first, then the shared {@code notify.retry.*}, then the default. */
    private RetryPolicy retryPolicy(String channel) {
        RetryPolicy d = RetryPolicy.DEFAULT;
        int attempts = config.integer(PREFIX + channel + ".retry.attempts",
                config.integer(PREFIX + "retry.attempts", d.attempts()));
        Duration base = config.duration(PREFIX + channel + ".retry.backoff.ms",
                config.duration(PREFIX + "retry.backoff.ms", d.base()));
        Duration max = config.duration(PREFIX + channel + ".retry.backoff.max.ms",
                config.duration(PREFIX + "retry.backoff.max.ms", d.max()));
        return checked(channel + ".retry.*", () -> new RetryPolicy(attempts, base, max));
    }

    private boolean on(String channel, boolean byDefault) {
        return config.bool(PREFIX + channel + ".enabled", byDefault);
    }

    private boolean has(String key) {
        return !text(key, "").isEmpty();
    }

    private String text(String key, String fallback) {
        String value = config.string(PREFIX + key, "").strip();
        return value.isEmpty() ? fallback : value;
    }

    private URI url(String key) {
        String value = text(key, "");
        if (value.isEmpty()) {
            throw new ConfigException(PREFIX + key + " is required when the channel is on");
        }
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(PREFIX + key + ": not a URL: '" + value + "'");
        }
    }

    private Duration positive(String key, Duration fallback) {
        Duration value = config.duration(PREFIX + key, fallback);
        if (value.isNegative() || value.isZero()) {
            throw new ConfigException(PREFIX + key + ": must be positive, got " + value.toMillis() + " ms");
        }
        return value;
    }

    /** A settings record's own refusal, as a configuration error naming the keys it came from. */
    private static <T> T checked(String keys, java.util.function.Supplier<T> settings) {
        try {
            return settings.get();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(PREFIX + keys + ": " + e.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }

    private static Set<String> known() {
        Set<String> keys = new TreeSet<>(Set.of("console.target", "webhook.url", "webhook.timeout.ms", "slack.url",
                "slack.timeout.ms", "email.smtp.host", "email.smtp.port", "email.smtp.username",
                "email.smtp.password", "email.smtp.from", "email.smtp.to", "email.smtp.starttls", "email.smtp.ssl",
                "email.smtp.timeout.ms"));
        keys.addAll(RETRY);
        for (String channel : NotifyConfig.CHANNELS) {
            keys.add(channel + ".enabled");
            RETRY.forEach(key -> keys.add(channel + "." + key));
        }
        Set<String> full = new TreeSet<>();
        keys.forEach(key -> full.add(PREFIX + key));
        return java.util.Collections.unmodifiableSet(full);
    }
}
