package io.mediamonitor.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker-compose parses the repository's compose file without an engine (CI installs docker-compose). */
class DockerComposeFileIT {

    private static final Path COMPOSE_FILE = Path.of("..", "docker-compose.yml");
    private static final ExternalTool COMPOSE = new ExternalTool("docker-compose");

    @TempDir
    Path dir;

    @Test
    void theComposeFileIsValidAndDeclaresTheClusterTheThreeJobsAndTheirMonitoring() throws Exception {
        assumeTrue(COMPOSE.installed(), "docker-compose is not installed");

        ExternalTool.Result config = compose(COMPOSE_FILE, "config", "-q");
        ExternalTool.Result services = compose(COMPOSE_FILE, "config", "--services");

        assertThat(config.exit()).as(config.output()).isZero();
        assertThat(services.output().lines().toList()).contains("kafka", "ingest", "enrich", "alerts", "kafka-ui", "prometheus", "grafana");
    }

    @Test
    void theValidationRejectsABrokenFile() throws Exception {
        assumeTrue(COMPOSE.installed(), "docker-compose is not installed");
        Path broken = dir.resolve("docker-compose.yml");
        Files.writeString(broken, "services:\n  kafka:\n    image: [unclosed\n");

        assertThat(compose(broken, "config", "-q").exit()).isNotZero();
    }

    private static ExternalTool.Result compose(Path file, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("-f", file.toString()));
        command.addAll(List.of(args));
        return COMPOSE.run(command.toArray(String[]::new));
    }
}
