package io.mediamonitor.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.app.config.MonitorConfig;
import io.mediamonitor.app.dashboard.TermLabels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardJobTest {

    @Test
    void termsAreNamedAsTheUsersDictionaryNamesThem(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("dictionary.yaml"), """
                actors:
                  - id: jean-dupont
                    name: Jean Dupont
                    type: person
                    aliases:
                      any: [Jean Dupont]
                  - id: aes
                    name: AES (renamed by us)
                    type: alliance
                    aliases:
                      any: [AES]
                """);
        TermLabels labels = DashboardJob.labels(MonitorConfig.load(null, Map.of(),
                Map.of("enrich.dictionary.file", file.toString())));

        assertThat(labels.label("actor:jean-dupont")).isEqualTo("Jean Dupont");
        assertThat(labels.label("actor:aes")).isEqualTo("AES (renamed by us)");
        assertThat(labels.label("actor:wagner")).as("the built-in entries stay").isEqualTo(
                DashboardJob.labels(MonitorConfig.empty()).label("actor:wagner"));
    }
}
