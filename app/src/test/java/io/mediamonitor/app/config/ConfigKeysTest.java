package io.mediamonitor.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigKeysTest {

    @ParameterizedTest
    @CsvSource({
            "dashbord.port, dashboard.port",
            "alerts.spike.scor, alerts.spike.score",
            "ingest.pol.interval.ms, ingest.poll.interval.ms",
            "kafka.securty.protocol, kafka.security.protocol"})
    void aTypoIsAnErrorNamingTheNearestKnownKey(String typo, String meant) {
        assertThatThrownBy(() -> ConfigKeys.check(Set.of("topics.prefix", typo)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'" + typo + "'")
                .hasMessageContaining("did you mean '" + meant + "'?");
    }

    @Test
    void everyKnownKeyAndEveryKafkaSettingPasses() {
        assertThatCode(() -> ConfigKeys.check(ConfigKeys.KNOWN)).doesNotThrowAnyException();
        assertThatCode(() -> ConfigKeys.check(Set.of("kafka.security.protocol", "kafka.sasl.jaas.config",
                "kafka.producer.linger.ms", "kafka.main.consumer.session.timeout.ms", "kafka.topic.retention.ms",
                "kafka.num.stream.threads", "kafka.admin.request.timeout.ms"))).doesNotThrowAnyException();
    }

    @Test
    void notificationKeysAreLeftToTheChannelsOwnCheck() {
        assertThatCode(() -> ConfigKeys.check(Set.of("notify.webhook.url", "notify.console.enabled")))
                .doesNotThrowAnyException();
    }

    @Test
    void aTopicSettingUnderKafkaTopicMustBeOneKafkaKnows() {
        assertThatThrownBy(() -> ConfigKeys.check(Set.of("kafka.topic.retention.msec")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown Kafka client setting 'kafka.topic.retention.msec'");
    }

    @Test
    void theShippedExampleConfigurationUsesOnlyKnownKeys() {
        MonitorConfig shipped = MonitorConfig.load(Path.of("..", "config", "media-monitor.yaml"), Map.of(), Map.of());

        assertThatCode(() -> ConfigKeys.check(shipped.keys())).doesNotThrowAnyException();
        assertThat(shipped.keys()).contains("topics.prefix", "feeds", "watchlist", "notify.console.enabled");
    }
}
