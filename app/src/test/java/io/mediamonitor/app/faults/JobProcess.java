package io.mediamonitor.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One media-monitor command run from the packaged jar in its own JVM, as an operator runs a job. */
final class JobProcess {

    private static final Path JAR = Path.of("target", "media-monitor.jar");

    private final Process process;
    private final Path log;

    private JobProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** @param log where its console output goes (stdout and stderr) */
    static JobProcess start(String maxHeap, Path log, String... args) throws IOException {
        assertThat(JAR).as("the packaged jar (failsafe runs after package)").exists();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + maxHeap, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Files.createDirectories(log.getParent());
        return new JobProcess(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .start(), log);
    }

    /** SIGKILL: no shutdown hook, no leaving the group, an open transaction left behind. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
