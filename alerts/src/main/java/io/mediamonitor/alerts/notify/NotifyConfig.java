package io.mediamonitor.alerts.notify;

import io.mediamonitor.schema.Topics;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where alerts go: the settings of each channel, null for a channel that is off, and each channel's retry policy
 * (the app reads them from the {@code notify.*} keys). Every part checks itself when it is made, so a bad URL,
 * address or header fails at start-up, not at the first alert.
 *
 * @param console where the console channel writes, or null
 * @param webhook the generic webhook, or null
 * @param slack   the Slack incoming webhook (no extra headers), or null
 * @param email   the e-mail channel, or null
 * @param retries retry policy by channel name; a channel not listed retries as {@link RetryPolicy#DEFAULT}
 */
@RecordBuilder
public record NotifyConfig(ConsoleTarget console, HttpChannelSettings webhook, HttpChannelSettings slack,
                           EmailSettings email, Map<String, RetryPolicy> retries) implements NotifyConfigBuilder.With {

    public static final String CONSOLE = "console";
    public static final String WEBHOOK = "webhook";
    public static final String SLACK = "slack";
    public static final String EMAIL = "email";
    /** The channels, in the order they are built and listed. */
    public static final List<String> CHANNELS = List.of(CONSOLE, WEBHOOK, SLACK, EMAIL);

    /** Where the console channel writes: the application log at INFO, or standard output. */
    public enum ConsoleTarget { LOG, STDOUT }

    public NotifyConfig {
        retries = Map.copyOf(retries);
        if (!CHANNELS.containsAll(retries.keySet())) {
            throw new IllegalArgumentException("retry policies for unknown channels: " + retries.keySet());
        }
    }

    /** No channel at all. */
    public static NotifyConfig none() {
        return new NotifyConfig(null, null, null, null, Map.of());
    }

    public RetryPolicy retryPolicy(String channel) {
        return retries.getOrDefault(channel, RetryPolicy.DEFAULT);
    }

    /** The enabled channels' notifiers by name, in the order console, webhook, slack, email. */
    public Map<String, Notifier> notifiers() {
        Map<String, Notifier> notifiers = new LinkedHashMap<>();
        if (console != null) {
            notifiers.put(CONSOLE, console == ConsoleTarget.STDOUT ? ConsoleNotifier.to(System.out)
                    : ConsoleNotifier.toLog());
        }
        if (webhook != null) {
            notifiers.put(WEBHOOK, new WebhookNotifier(webhook.url(), webhook.timeout(), webhook.headers()));
        }
        if (slack != null) {
            notifiers.put(SLACK, new SlackNotifier(slack.url(), slack.timeout()));
        }
        if (email != null) {
            notifiers.put(EMAIL, new EmailNotifier(email));
        }
        return notifiers;
    }

    /** One runner per enabled channel, not started. */
    public List<NotificationChannel> channels(Map<String, Object> clientConfig, Topics topics) {
        List<NotificationChannel> channels = new ArrayList<>();
        notifiers().forEach((name, notifier) -> channels.add(
                new NotificationChannel(clientConfig, topics, name, notifier, retryPolicy(name))));
        return channels;
    }
}
