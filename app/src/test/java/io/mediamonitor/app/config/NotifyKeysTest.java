package io.mediamonitor.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediamonitor.alerts.notify.EmailSettings;
import io.mediamonitor.alerts.notify.NotifyConfig;
import io.mediamonitor.alerts.notify.NotifyConfig.ConsoleTarget;
import io.mediamonitor.alerts.notify.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotifyKeysTest {

    @Test
    void nothingConfiguredMeansNoChannel() {
        assertThat(read(Map.of("topics.prefix", "media.")).notifiers()).isEmpty();
    }

    @Test
    void eachChannelIsOnWhenItsAddressIsSet() {
        NotifyConfig config = read(Map.of(
                "notify.email.smtp.host", "smtp.example.org",
                "notify.email.smtp.from", "monitor@example.org",
                "notify.email.smtp.to", "desk@example.org, analyst@example.org",
                "notify.slack.url", "https://hooks.slack.com/services/T/B/X",
                "notify.webhook.url", "https://hooks.example.org/alerts",
                "notify.webhook.timeout.ms", "5s",
                "notify.webhook.header.Authorization", "Bearer abc",
                "notify.console.enabled", "true",
                "notify.console.target", "STDOUT"));

        assertThat(config.notifiers().keySet()).containsExactly("console", "webhook", "slack", "email");
        assertThat(config.console()).isEqualTo(ConsoleTarget.STDOUT);
        assertThat(config.webhook().url()).isEqualTo(URI.create("https://hooks.example.org/alerts"));
        assertThat(config.webhook().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.webhook().headers()).containsExactly(Map.entry("Authorization", "Bearer abc"));
        assertThat(config.slack().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.email().to()).containsExactly("desk@example.org", "analyst@example.org");
    }

    @Test
    void emailDefaultsToRequiredStarttlsOnPort587AndImplicitTlsTo465() {
        EmailSettings settings = read(Map.of(
                "notify.email.smtp.host", "smtp.example.org",
                "notify.email.smtp.username", "alerts",
                "notify.email.smtp.password", "pw",
                "notify.email.smtp.from", "monitor@example.org",
                "notify.email.smtp.to", "desk@example.org")).email();
        assertThat(settings.port()).isEqualTo(587);
        assertThat(settings.starttls()).isTrue();
        assertThat(settings.ssl()).isFalse();
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));

        EmailSettings implicitTls = read(Map.of(
                "notify.email.smtp.host", "smtp.example.org", "notify.email.smtp.ssl", "true",
                "notify.email.smtp.from", "monitor@example.org", "notify.email.smtp.to", "desk@example.org")).email();
        assertThat(implicitTls.port()).isEqualTo(465);
        assertThat(implicitTls.starttls()).isFalse();
        assertThat(implicitTls.username()).isNull();
    }

    @Test
    void aChannelCanBeTurnedOffWithoutRemovingItsSettings() {
        assertThat(read(Map.of("notify.webhook.url", "https://hooks.example.org/a",
                "notify.webhook.enabled", "false")).notifiers()).isEmpty();
    }

    @Test
    void retryPolicyFallsBackFromChannelToSharedToDefault() {
        NotifyConfig config = read(Map.of("notify.retry.attempts", "3",
                "notify.slack.retry.backoff.ms", "1s", "notify.slack.retry.backoff.max.ms", "4000"));
        assertThat(config.retryPolicy("webhook"))
                .isEqualTo(new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(30)));
        assertThat(config.retryPolicy("slack"))
                .isEqualTo(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(4)));
    }

    @Test
    void mistakesFailAtStartUpNamingTheKey() {
        assertThatThrownBy(() -> read(Map.of("notify.webhook.url", "not a url")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("notify.webhook.url");
        assertThatThrownBy(() -> read(Map.of("notify.webhook.url", "https://x.example/",
                "notify.webhook.header.Content-Length", "3")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("notify.webhook.url");
        assertThatThrownBy(() -> read(Map.of("notify.email.smtp.host", "smtp.example.org",
                "notify.email.smtp.from", "monitor@example.org")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("recipient");
        assertThatThrownBy(() -> read(Map.of("notify.email.smtp.host", "smtp.example.org",
                "notify.email.smtp.from", "monitor@example.org", "notify.email.smtp.to", "desk@@example")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("bad e-mail address");
        assertThatThrownBy(() -> read(Map.of("notify.console.enabled", "yes")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("notify.console.enabled");
        assertThatThrownBy(() -> read(Map.of("notify.console.enabled", "true", "notify.console.target", "tty")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("notify.console.target");
        assertThatThrownBy(() -> read(Map.of("notify.retry.attempts", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("retry attempts");
        assertThatThrownBy(() -> read(Map.of("notify.slack.url", "https://hooks.slack.com/x",
                "notify.slack.timeout.ms", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("notify.slack.timeout.ms");
    }

    @Test
    void aMistypedKeyIsRefusedWithTheNearestKnownOne() {
        assertThatThrownBy(() -> ConfigKeys.check(Set.of("notify.webhok.url")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("notify.webhok.url").hasMessageContaining("did you mean 'notify.webhook.url'");
        ConfigKeys.check(Set.of("notify.webhook.header.X-Team", "notify.email.retry.backoff.max.ms"));
    }

    private static NotifyConfig read(Map<String, String> keys) {
        return NotifyKeys.read(MonitorConfig.load(null, Map.of(), keys));
    }
}
