package io.mediamonitor.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker-compose parses the repository's compose file without an engine (CI installs docker-compose). */
class DockerComposeFileIT {

    private static final Path COMPOSE_FILE = Path.of("..", "docker-compose.yml");

    @TempDir
    Path dir;

    @Test
    void theComposeFileIsValidAndDeclaresTheClusterTheThreeJobsAndTheirMonitoring() throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed");

        Result config = compose(COMPOSE_FILE, "config", "-q");
        Result services = compose(COMPOSE_FILE, "config", "--services");

        assertThat(config.exit).as(config.output).isZero();
        assertThat(services.output.lines().toList()).contains("kafka", "ingest", "enrich", "alerts", "kafka-ui", "prometheus", "grafana");
    }

    @Test
    void theValidationRejectsABrokenFile() throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed");
        Path broken = dir.resolve("docker-compose.yml");
        Files.writeString(broken, "services:\n  kafka:\n    image: [unclosed\n");

        assertThat(compose(broken, "config", "-q").exit).isNotZero();
    }

    private record Result(int exit, String output) {
    }

    private static Result compose(Path file, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("docker-compose", "-f", file.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
