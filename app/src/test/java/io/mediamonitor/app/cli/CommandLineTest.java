package io.mediamonitor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.app.MediaMonitor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTest {

    @Test
    void everySubcommandHasItsOwnHelp() {
        CommandLine root = MediaMonitor.commandLine();
        List<String> names = root.getSubcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
        assertThat(names).contains("broker", "enrich", "topics");

        for (String name : names) {
            assertHelp(name);
            for (String nested : root.getSubcommands().get(name).getSubcommands().keySet()) {
                assertHelp(name, nested);
            }
        }
        assertThat(root.getSubcommands().get("evaluate").getSubcommands()).containsKey("tune");
    }

    private static void assertHelp(String... command) {
        String name = String.join(" ", command);
        StringWriter out = new StringWriter();
        CommandLine commandLine = MediaMonitor.commandLine();
        commandLine.setOut(new PrintWriter(out));
        String[] args = java.util.Arrays.copyOf(command, command.length + 1);
        args[command.length] = "--help";
        int exit = commandLine.execute(args);

        assertThat(exit).as(name + " --help exit code").isZero();
        assertThat(out.toString()).as(name + " --help").contains("Usage: media-monitor " + name)
                .contains("--bootstrap-servers").contains("--config").contains("--data-dir");
    }

    @Test
    void evaluateTuneRefusesATestWorldAsATuningWorldBeforeAnyWorldRuns() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = MediaMonitor.commandLine();
        commandLine.setErr(new PrintWriter(err));

        assertThat(commandLine.execute("evaluate", "tune", "--seeds", "11,23")).isEqualTo(2);
        assertThat(err.toString()).contains("tuning seeds must be given and differ from the test seeds")
                .contains("both: [23]");
    }

    @Test
    void evaluateTuneRefusesABusyShareTheDetectorCannotTake() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = MediaMonitor.commandLine();
        commandLine.setErr(new PrintWriter(err));

        assertThat(commandLine.execute("evaluate", "tune", "--busy-shares", "1.5", "--rise-thresholds", "6.5"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("busy share 1.5 with rise threshold 6.5")
                .contains("a busy share lies between 0.7 and 1");
    }

    @Test
    void rootHelpListsTheSubcommands() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = MediaMonitor.commandLine();
        commandLine.setOut(new PrintWriter(out));

        assertThat(commandLine.execute("--help")).isZero();
        assertThat(out.toString()).contains("broker").contains("enrich").contains("topics");
    }

    @Test
    void reportsABadConfigFileWithItsNameAndExitCode2() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = MediaMonitor.commandLine();
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute("topics", "--config", "/nonexistent/media.yaml");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("/nonexistent/media.yaml");
    }

    @Test
    void alertsTailRefusesABadMaxOrTimeoutBeforeItReachesKafka() {
        for (String[] bad : new String[][] {{"--max", "-3", "error: --max: expected at least 1 alert, got -3"},
                {"--timeout", "PT2X", "error: --timeout: expected a duration such as"},
                // a bare number would be milliseconds, as in the *.ms keys: "--timeout 30" meant 30 ms
                {"--timeout", "30", "error: --timeout: give a unit, e.g. 30s or 5m"}}) {
            StringWriter err = new StringWriter();
            CommandLine commandLine = MediaMonitor.commandLine();
            commandLine.setErr(new PrintWriter(err));

            int exit = commandLine.execute("alerts", "tail", bad[0], bad[1], "--bootstrap-servers", "127.0.0.1:1");

            assertThat(exit).as(bad[0]).isEqualTo(2);
            assertThat(err.toString()).startsWith(bad[2]);
        }
    }

    @Test
    void aMistypedKeyStopsTheCommandWithExitCode2AndTheKeyItMeant() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = MediaMonitor.commandLine();
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute("topics", "-D", "dashbord.port=9000");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown configuration key 'dashbord.port'")
                .contains("did you mean 'dashboard.port'?");
    }

    @Test
    void runRefusesATakenDashboardPortBeforeItStartsAnything(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data)
            throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            StringWriter err = new StringWriter();
            CommandLine commandLine = MediaMonitor.commandLine();
            commandLine.setErr(new PrintWriter(err));

            int exit = commandLine.execute("run", "--data-dir", data.toString(), "-D",
                    "dashboard.port=" + taken.getLocalPort(), "-D", "broker.port=0");

            assertThat(exit).isEqualTo(2);
            assertThat(err.toString()).contains("port " + taken.getLocalPort() + " is in use, so the dashboard cannot start")
                    .contains("-D dashboard.port=PORT");
            assertThat(data.resolve("kafka")).as("no broker was started").doesNotExist();
        }
    }

    @Test
    void topicsShowsThePartitionsTheStreamsTopicsWillBeCreatedWith() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = MediaMonitor.commandLine();
        commandLine.setOut(new PrintWriter(out));
        java.io.PrintStream stdout = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(commandLine.execute("topics", "--markdown", "-D", "topics.partitions=2")).isZero();
        } finally {
            System.setOut(stdout);
        }

        assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("| `media.articles.raw` | 2 |", "| `media.articles.enriched` | 2 |", "| `media.mentions` | 2 |",
                        "| `media.feeds` | 2 |", "| `media.alerts` | 3 |");
    }

    @Test
    void runRefusesFewerThanOnePartitionBeforeItStartsAnything(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = MediaMonitor.commandLine();
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute("run", "--data-dir", data.toString(), "-D", "topics.partitions=0",
                "-D", "broker.port=0", "-D", "dashboard.port=0");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("topics.partitions must be at least 1, got 0");
        assertThat(data.resolve("kafka")).as("no broker was started").doesNotExist();
    }

    @Test
    void tagWithJsonLinesRefusesATextArgumentItWouldIgnore() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = MediaMonitor.commandLine();
        commandLine.setErr(new PrintWriter(err));

        assertThat(commandLine.execute("tag", "--jsonl", "Mali")).isEqualTo(2);
        assertThat(err.toString()).contains("--jsonl reads JSON lines from stdin and takes no TEXT argument");
    }

    @Test
    void watchingATermNothingIsCountedUnderIsRefusedBeforeAnythingIsWritten() {
        // (an actor is looked up on media.dictionary too, so an unknown one is told once Kafka answers: WatchCommandIT)
        for (String[] refused : new String[][] {{"country:XX", "unknown country code 'XX'"},
                {"pair:wagner|XX", "unknown country code"}, {"pair:wagner", "a pair is pair:ACTOR|CODE"}}) {
            StringWriter err = new StringWriter();
            CommandLine commandLine = MediaMonitor.commandLine();
            commandLine.setErr(new PrintWriter(err));

            // the address is never tried: the term is checked first
            int exit = commandLine.execute("watch", refused[0], "--bootstrap-servers", "127.0.0.1:1");

            assertThat(exit).as(refused[0]).isEqualTo(2);
            assertThat(err.toString()).as(refused[0]).contains(refused[1]);
        }
    }

    @Test
    void removingAWatchedTermTakesNoOtherOption() {
        // before, `--disable --remove` removed the entry and the term alerted by the default rules again, exit 0
        StringWriter err = new StringWriter();
        CommandLine commandLine = MediaMonitor.commandLine();
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute("watch", "actor:wagner", "--disable", "--remove", "--bootstrap-servers",
                "127.0.0.1:1");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--remove takes no other option");
    }

    @Test
    void aThresholdNoDetectorTakesIsRefusedBeforeAnythingIsWritten() {
        for (String[] refused : new String[][] {{"--min-stories", "0", "--min-stories must be at least 1, not 0"},
                {"--min-sources", "0", "--min-sources must be at least 1"},
                {"--min-score", "-1", "--min-score must be a number above 0"}}) {
            StringWriter err = new StringWriter();
            CommandLine commandLine = MediaMonitor.commandLine();
            commandLine.setErr(new PrintWriter(err));

            int exit = commandLine.execute("watch", "actor:aes", refused[0], refused[1], "--bootstrap-servers",
                    "127.0.0.1:1");

            assertThat(exit).as(refused[0]).isEqualTo(2);
            assertThat(err.toString()).as(refused[0]).contains(refused[2]);
        }
    }

    @Test
    void everyCommandPrintsTheVersion() {
        for (String[] command : new String[][] {{"-V"}, {"run", "-V"}, {"alerts", "tail", "--version"}}) {
            StringWriter out = new StringWriter();
            CommandLine commandLine = MediaMonitor.commandLine();
            commandLine.setOut(new PrintWriter(out));

            assertThat(commandLine.execute(command)).isZero();
            assertThat(out.toString()).as(String.join(" ", command)).startsWith("media-monitor ");
        }
    }
}
