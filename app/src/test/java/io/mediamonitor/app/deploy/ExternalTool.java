package io.mediamonitor.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A program the deployment tests run where CI installs it (docker-compose, promtool): on the PATH or not. */
record ExternalTool(String program) {

    /** What a run printed, stdout and stderr together, and how it ended. */
    record Result(int exit, String output) {
    }

    boolean installed() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(program));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(program + " ends within 60 s").isTrue();
        return new Result(process.exitValue(), output);
    }
}
