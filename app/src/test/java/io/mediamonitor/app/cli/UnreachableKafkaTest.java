package io.mediamonitor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.app.MediaMonitor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Every command that talks to Kafka, given an address where none answers: one line, exit 2, well within 15 s; a bad
 * setting is reported as such before that.
 */
class UnreachableKafkaTest {

    private static String deadAddress;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void findAClosedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadAddress = "127.0.0.1:" + socket.getLocalPort();
        }
    }

    static Stream<String> commands() {
        return Stream.of("run", "ingest", "enrich", "alerts", "topics --create", "watch actor:aes", "alerts tail");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "enrich", "alerts"})
    void aBadWindowSettingIsReportedBeforeTheBrokerIsSought(String command) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = MediaMonitor.commandLine();
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute(command, "--bootstrap-servers", deadAddress, "--data-dir", dataDir.toString(),
                "-D", "dashboard.port=0", "-D", "enrich.repeat.horizon.ms=86400000");

        assertThat(exit).as(command + " exit code").isEqualTo(2);
        assertThat(err.toString().strip()).as(command + " stderr")
                .startsWith("error: enrich.*: the repeat horizon must be at least")
                .doesNotContain("cannot reach Kafka").doesNotContain("\n");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void givesUpAtOnceWithOneLineNamingTheAddress(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--bootstrap-servers", deadAddress, "--data-dir", dataDir.toString(),
                "-D", "dashboard.port=0"));
        StringWriter err = new StringWriter();
        CommandLine commandLine = MediaMonitor.commandLine();
        commandLine.setErr(new PrintWriter(err));
        long start = System.nanoTime();

        int exit = commandLine.execute(args.toArray(String[]::new));

        assertThat(exit).as(command + " exit code").isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        assertThat(err.toString().strip()).as(command + " stderr")
                .startsWith("error: cannot reach Kafka at " + deadAddress)
                .contains("--bootstrap-servers")
                .doesNotContain("\n").doesNotContain("Exception");
    }
}
