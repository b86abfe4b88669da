package io.mediamonitor.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorConfigTest {

    @TempDir
    Path dir;

    @Test
    void flattensNestedYamlToKafkaStyleKeys() throws Exception {
        Path file = write("""
                bootstrap.servers: broker:9092
                topics:
                  prefix: staging.media.
                enrich:
                  window:
                    size.ms: 2h
                """);

        MonitorConfig config = MonitorConfig.load(file, Map.of(), Map.of());

        assertThat(config.string("bootstrap.servers", null)).isEqualTo("broker:9092");
        assertThat(config.string("topics.prefix", null)).isEqualTo("staging.media.");
        assertThat(config.duration("enrich.window.size.ms", null)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void anEmptyFileOrOneOfCommentsOnlyIsAConfigurationOfDefaults() throws Exception {
        // a template with every line commented out: before, "No content to map due to end-of-input", exit 2
        for (String yaml : List.of("", "# all defaults\n# topics:\n#   prefix: x.\n", "---\n")) {
            MonitorConfig config = MonitorConfig.load(write(yaml), Map.of(), Map.of());
            assertThat(config.string("topics.prefix", "default")).as("'%s'", yaml).isEqualTo("default");
        }
        assertThatThrownBy(() -> MonitorConfig.load(write("- a list\n"), Map.of(), Map.of()))
                .hasMessageContaining("the top level must be a mapping");
    }

    @Test
    void environmentOverridesTheFileAndTheCommandLineOverridesBoth() throws Exception {
        Path file = write("topics:\n  prefix: from-file.\ningest:\n  poll.interval.ms: 60000\n");
        Map<String, String> env = Map.of(
                "MEDIA_MONITOR_TOPICS_PREFIX", "from-env.",
                "MEDIA_MONITOR_INGEST_POLL_INTERVAL_MS", "30s",
                "UNRELATED", "x");

        MonitorConfig config = MonitorConfig.load(file, env, Map.of("topics.prefix", "from-cli."));

        assertThat(config.string("topics.prefix", null)).isEqualTo("from-cli.");
        assertThat(config.duration("ingest.poll.interval.ms", null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.has("unrelated")).isFalse();
    }

    @Test
    void defaultsFillOnlyTheKeysTheUserLeftUnset() {
        MonitorConfig config = MonitorConfig.empty().with(Map.of("demo.port", "9000"));

        MonitorConfig withDefaults = config.withDefaults(Map.of("demo.port", "8079", "ingest.poll.interval.ms", "3s"));

        assertThat(withDefaults.integer("demo.port", 0)).isEqualTo(9000);
        assertThat(withDefaults.duration("ingest.poll.interval.ms", null)).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.has("ingest.poll.interval.ms")).as("the original is unchanged").isFalse();
    }

    @Test
    void mapsEnvironmentNamesLikeKafkasDockerImages() {
        assertThat(MonitorConfig.envToKey("KAFKA_SASL__JAAS")).isEqualTo("kafka.sasl_jaas");
        assertThat(MonitorConfig.envToKey("ENRICH_APPLICATION___ID")).isEqualTo("enrich.application-id");
        assertThat(MonitorConfig.envToKey("BOOTSTRAP_SERVERS")).isEqualTo("bootstrap.servers");
    }

    @Test
    void passesKafkaClientSettingsThroughUnderTheirPrefix() {
        MonitorConfig config = MonitorConfig.load(null, Map.of(),
                Map.of("kafka.security.protocol", "SSL", "kafka.ssl.truststore.location", "/t.jks", "topics.prefix", "x."));

        assertThat(config.withPrefix("kafka")).containsOnly(
                Map.entry("security.protocol", "SSL"), Map.entry("ssl.truststore.location", "/t.jks"));
    }

    @Test
    void namesTheKeyWhenAValueIsMalformed() {
        MonitorConfig config = MonitorConfig.load(null, Map.of(), Map.of("enrich.window.size.ms", "soon",
                "broker.port", "ninety"));

        assertThatThrownBy(() -> config.duration("enrich.window.size.ms", Duration.ZERO))
                .isInstanceOf(ConfigException.class).hasMessageContaining("enrich.window.size.ms");
        assertThatThrownBy(() -> config.integer("broker.port", 0))
                .isInstanceOf(ConfigException.class).hasMessageContaining("broker.port");
    }

    @Test
    void saysWhichFileIsMissingOrMalformed() throws Exception {
        assertThatThrownBy(() -> MonitorConfig.load(dir.resolve("nope.yaml"), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("nope.yaml");
        Path broken = write("feeds: [unclosed\n");
        assertThatThrownBy(() -> MonitorConfig.load(broken, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(broken.getFileName().toString());
    }

    @Test
    void parsesDurationsAsPeopleWriteThem() {
        assertThat(Durations.parse("1500")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Durations.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(Durations.parse("PT30M")).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aMalformedOrBoundlessDurationIsRefusedByName() {
        for (String bad : List.of("P1H", "PT1X", "pt", "999999999999999d", "99999999999999999999")) {
            MonitorConfig config = MonitorConfig.load(null, Map.of(), Map.of("ingest.poll.interval.ms", bad));
            assertThatThrownBy(() -> config.duration("ingest.poll.interval.ms", null)).as(bad)
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("ingest.poll.interval.ms: expected a duration such as 1500, 90s, 10m, 1h, 2d or PT1H,"
                            + " got '" + bad + "'");
        }
    }

    @Test
    void aFractionalNumberWhereAWholeOneBelongsIsRefusedFromTheFileAsFromTheCommandLine() throws Exception {
        MonitorConfig config = MonitorConfig.load(write("topics:\n  partitions: 2.7\n"), Map.of(), Map.of());
        assertThatThrownBy(() -> config.integer("topics.partitions", 6)).isInstanceOf(ConfigException.class)
                .hasMessage("topics.partitions: expected an integer, got '2.7'");
        assertThat(MonitorConfig.load(write("topics:\n  partitions: 2\n"), Map.of(), Map.of())
                .integer("topics.partitions", 6)).isEqualTo(2);
        assertThat(MonitorConfig.load(write("topics:\n  partitions: 1e1\n"), Map.of(), Map.of())
                .integer("topics.partitions", 6)).as("a whole number written with an exponent").isEqualTo(10);
    }

    @Test
    void anUnknownKeyFromTheEnvironmentNamesItsVariable() {
        MonitorConfig home = MonitorConfig.load(null, Map.of("MEDIA_MONITOR_HOME", "/opt"), Map.of());
        assertThatThrownBy(() -> ConfigKeys.check(home)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("unknown configuration key 'home' (from the environment variable"
                        + " MEDIA_MONITOR_HOME, as every MEDIA_MONITOR_* variable is read)")
                .hasMessageNotContaining("Kubernetes");
        for (Map<String, String> link : List.of(Map.of("MEDIA_MONITOR_SERVICE_HOST", "10.0.0.7"),
                Map.of("MEDIA_MONITOR_PORT_8080_TCP", "tcp://10.0.0.7:8080"),
                Map.of("MEDIA_MONITOR_DASHBOARD_SERVICE_PORT_HTTP", "8080"))) {
            MonitorConfig linked = MonitorConfig.load(null, link, Map.of());
            assertThatThrownBy(() -> ConfigKeys.check(linked)).as(link.toString()).isInstanceOf(ConfigException.class)
                    .hasMessageContaining(link.keySet().iterator().next())
                    .hasMessageEndingWith("Kubernetes sets such variables for a service named media-monitor: set"
                            + " enableServiceLinks: false on the pod");
        }
        // a typo of the user's is only that
        MonitorConfig typo = MonitorConfig.load(null, Map.of("MEDIA_MONITOR_DASHBORD_PORT", "9090"), Map.of());
        assertThatThrownBy(() -> ConfigKeys.check(typo)).hasMessageContaining("did you mean 'dashboard.port'?")
                .hasMessageNotContaining("Kubernetes");
        // a key set on the command line is the command line's
        MonitorConfig typed = MonitorConfig.load(null, Map.of("MEDIA_MONITOR_HOME", "/opt"), Map.of("home", "/srv"));
        assertThatThrownBy(() -> ConfigKeys.check(typed)).hasMessageNotContaining("environment");
    }

    private Path write(String yaml) throws Exception {
        Path file = Files.createTempFile(dir, "config", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
