package io.mediamonitor.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediamonitor.app.config.ConfigException;
import io.mediamonitor.app.config.MonitorConfig;
import io.mediamonitor.model.Feed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feeds of the configuration file: what a user writes under {@code feeds:} and what ingest makes of it. */
class IngestJobTest {

    @TempDir
    Path dir;

    private MonitorConfig load(String yaml) throws IOException {
        return MonitorConfig.load(Files.writeString(dir.resolve("config.yaml"), yaml), Map.of(), Map.of());
    }

    @Test
    void aFeedsFieldsNestedOrDottedAreRead() throws IOException {
        List<Feed> feeds = IngestJob.feeds(load("""
                feeds:
                  - url: https://www.rfi.fr/fr/afrique/rss
                    name: RFI Afrique
                    language: fr
                    poll:
                      interval: 10m
                    tags: [sahel, fr]
                  - url: HTTPS://Example.org/feed.xml
                    poll.interval: 1h
                """));

        assertThat(feeds.get(0).getPollIntervalSeconds()).isEqualTo(600);
        assertThat(feeds.get(0).getLanguage()).isEqualTo("fr");
        assertThat(feeds.get(0).getTags()).containsExactly("sahel", "fr");
        assertThat(feeds.get(1).getPollIntervalSeconds()).isEqualTo(3600);
        assertThat(feeds.get(1).getName()).as("named after its host").isEqualTo("Example.org");
    }

    @Test
    void aMisspelledFieldIsAnErrorNamingTheFeedAndTheNearestField() throws IOException {
        MonitorConfig config = load("""
                feeds:
                  - url: https://www.rfi.fr/fr/afrique/rss
                    langauge: fr
                """);

        assertThatThrownBy(() -> IngestJob.feeds(config)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("feeds[0].langauge: unknown field (did you mean 'language'?)");
    }

    @Test
    void aUrlWithoutAValidHostIsAnErrorNotAStackTrace() throws IOException {
        for (String[] bad : new String[][] {
                {"https://actu_sahel.example.org/rss", "feeds[0].url: 'https://actu_sahel.example.org/rss' has no valid"
                        + " host name"},
                {"ftp://example.org/rss", "feeds[0].url: must be http or https, got 'ftp://example.org/rss'"},
                {"https://example.org/a b", "feeds[0].url: 'https://example.org/a b' is not a URL"}}) {
            MonitorConfig config = load("feeds:\n  - url: " + bad[0] + "\n");

            assertThatThrownBy(() -> IngestJob.feeds(config)).as(bad[0]).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(bad[1]);
        }
    }

    @Test
    void tagsThatAreNotAListAreAnError() throws IOException {
        MonitorConfig config = load("feeds:\n  - url: https://example.org/rss\n    tags: sahel\n");

        assertThatThrownBy(() -> IngestJob.feeds(config)).isInstanceOf(ConfigException.class)
                .hasMessage("feeds[0].tags: expected a list such as [sahel, fr], got 'sahel'");
    }
}
