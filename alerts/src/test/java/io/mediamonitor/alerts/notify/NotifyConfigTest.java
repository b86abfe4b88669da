package io.mediamonitor.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotifyConfigTest {

    @Test
    void nothingConfiguredMeansNoChannel() {
        assertThat(NotifyConfig.from(Map.of("topics.prefix", "media.")).notifiers()).isEmpty();
    }

    @Test
    void eachConfiguredChannelIsBuiltInAFixedOrder() {
        NotifyConfig config = NotifyConfig.from(Map.of(
                "notify.email.smtp.host", "smtp.example.org",
                "notify.email.smtp.from", "monitor@example.org",
                "notify.email.smtp.to", "desk@example.org, analyst@example.org",
                "notify.slack.url", "https://hooks.slack.com/services/T/B/X",
                "notify.webhook.url", "https://hooks.example.org/alerts",
                "notify.webhook.header.Authorization", "Bearer abc",
                "notify.console.enabled", "true"));
        Map<String, Notifier> notifiers = config.notifiers();
        assertThat(notifiers.keySet()).containsExactly("console", "webhook", "slack", "email");
        assertThat(notifiers.get("console")).isInstanceOf(ConsoleNotifier.class);
        assertThat(notifiers.get("webhook")).isInstanceOf(WebhookNotifier.class);
        assertThat(notifiers.get("slack")).isInstanceOf(SlackNotifier.class);
        assertThat(notifiers.get("email")).isInstanceOf(EmailNotifier.class);
    }

    @Test
    void emailDefaultsToRequiredStarttlsOnPort587() {
        EmailSettings settings = NotifyConfig.from(Map.of(
                "notify.email.smtp.host", "smtp.example.org",
                "notify.email.smtp.username", "alerts",
                "notify.email.smtp.password", "pw",
                "notify.email.smtp.from", "monitor@example.org",
                "notify.email.smtp.to", "desk@example.org,analyst@example.org")).emailSettings();
        assertThat(settings.port()).isEqualTo(587);
        assertThat(settings.starttls()).isTrue();
        assertThat(settings.ssl()).isFalse();
        assertThat(settings.to()).containsExactly("desk@example.org", "analyst@example.org");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));

        EmailSettings implicitTls = NotifyConfig.from(Map.of(
                "notify.email.smtp.host", "smtp.example.org", "notify.email.smtp.ssl", "true",
                "notify.email.smtp.from", "monitor@example.org", "notify.email.smtp.to", "desk@example.org"))
                .emailSettings();
        assertThat(implicitTls.port()).isEqualTo(465);
        assertThat(implicitTls.starttls()).isFalse();
    }

    @Test
    void aChannelCanBeTurnedOffWithoutRemovingItsSettings() {
        assertThat(NotifyConfig.from(Map.of("notify.webhook.url", "https://hooks.example.org/a",
                "notify.webhook.enabled", "false")).notifiers()).isEmpty();
    }

    @Test
    void retryPolicyFallsBackFromChannelToSharedToDefault() {
        NotifyConfig config = NotifyConfig.from(Map.of("notify.retry.attempts", "3",
                "notify.slack.retry.backoff.ms", "1000", "notify.slack.retry.backoff.max.ms", "4000"));
        assertThat(config.retryPolicy("webhook"))
                .isEqualTo(new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(30)));
        assertThat(config.retryPolicy("slack"))
                .isEqualTo(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(4)));
    }

    @Test
    void mistakesFailAtStartUpNotAtTheFirstAlert() {
        assertThatThrownBy(() -> NotifyConfig.from(Map.of("notify.webhok.url", "https://x.example/")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notify.webhok.url");
        assertThatThrownBy(() -> NotifyConfig.from(Map.of("notify.webhook.url", "not a url")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NotifyConfig.from(Map.of("notify.email.smtp.host", "smtp.example.org",
                "notify.email.smtp.from", "monitor@example.org")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recipient");
        assertThatThrownBy(() -> NotifyConfig.from(Map.of("notify.console.enabled", "yes")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NotifyConfig.from(Map.of("notify.retry.attempts", "0")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void channelsGetTheirOwnGroups() {
        List<NotificationChannel> channels = NotifyConfig.from(Map.of("notify.console.enabled", "true",
                "notify.webhook.url", "https://hooks.example.org/a"))
                .channels(Map.of("bootstrap.servers", "127.0.0.1:9"), io.mediamonitor.schema.Topics.withDefaultPrefix());
        assertThat(channels).extracting(NotificationChannel::name).containsExactly("console", "webhook");
        assertThat(NotificationChannel.groupId("webhook")).isEqualTo("media-monitor-notify-webhook");
    }
}
