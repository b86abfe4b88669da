package io.mediamonitor.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediamonitor.alerts.notify.NotifyConfig.ConsoleTarget;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotifyConfigTest {

    private static final HttpChannelSettings HOOK = new HttpChannelSettings(URI.create("https://hooks.example.org/a"));

    @Test
    void buildsTheChannelsThatAreOnInAFixedOrder() {
        NotifyConfig config = new NotifyConfig(ConsoleTarget.LOG, HOOK, HOOK,
                new EmailSettings("smtp.example.org", 587, null, null, "monitor@example.org",
                        List.of("desk@example.org"), true, false, Duration.ofSeconds(30)),
                Map.of());
        Map<String, Notifier> notifiers = config.notifiers();

        assertThat(notifiers.keySet()).containsExactly("console", "webhook", "slack", "email");
        assertThat(notifiers.get("console")).isInstanceOf(ConsoleNotifier.class);
        assertThat(notifiers.get("webhook")).isInstanceOf(WebhookNotifier.class);
        assertThat(notifiers.get("slack")).isInstanceOf(SlackNotifier.class);
        assertThat(notifiers.get("email")).isInstanceOf(EmailNotifier.class);
        assertThat(NotifyConfig.none().notifiers()).isEmpty();
    }

    @Test
    void aChannelWithoutItsOwnRetryPolicyTakesTheDefault() {
        RetryPolicy patient = new RetryPolicy(9, Duration.ofSeconds(1), Duration.ofMinutes(1));
        NotifyConfig config = NotifyConfig.none().withWebhook(HOOK).withRetries(Map.of("webhook", patient));

        assertThat(config.retryPolicy("webhook")).isEqualTo(patient);
        assertThat(config.retryPolicy("slack")).isEqualTo(RetryPolicy.DEFAULT);
        assertThatThrownBy(() -> config.withRetries(Map.of("pager", patient)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pager");
    }

    @Test
    void settingsRefuseWhatWouldFailAtTheFirstAlert() {
        assertThatThrownBy(() -> new HttpChannelSettings(URI.create("ftp://hooks.example.org/a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> new HttpChannelSettings(URI.create("https://hooks.example.org/a"),
                Duration.ofSeconds(5), Map.of("Host", "elsewhere.example")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmailSettings("smtp.example.org", 587, null, null, "monitor@example.org",
                List.of("desk@@example"), true, false, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad e-mail address");
    }

    @Test
    void channelsGetTheirOwnGroups() {
        List<NotificationChannel> channels = NotifyConfig.none().withConsole(ConsoleTarget.LOG).withWebhook(HOOK)
                .channels(Map.of("bootstrap.servers", "127.0.0.1:9"), io.mediamonitor.schema.Topics.withDefaultPrefix());
        assertThat(channels).extracting(NotificationChannel::name).containsExactly("console", "webhook");
        assertThat(NotificationChannel.groupId("webhook")).isEqualTo("media-monitor-notify-webhook");
    }
}
