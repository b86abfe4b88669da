package io.mediamonitor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediamonitor.app.MediaMonitor;
import io.mediamonitor.testing.DistinctWords;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `media-monitor backtest` over a file written here: alerts on stdout, bad lines and a summary on stderr. */
class BacktestCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OUTLETS = List.of("RFI", "Le Monde", "Jeune Afrique", "AFP", "Studio Tamani");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void aFileWithNoArticleInItIsAFailureNotAnEmptySuccess() throws Exception {
        Path rss = dir.resolve("feed.xml");
        Files.writeString(rss, "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>\n<title>RFI</title>\n</channel></rss>\n");
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");

        assertThat(MediaMonitor.commandLine().execute("backtest", "--input", rss.toString())).isEqualTo(1);
        assertThat(MediaMonitor.commandLine().execute("backtest", "--input", empty.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: no article in " + rss + " (4 lines read)")
                .contains("error: no article in " + empty);
    }

    @Test
    void printsAlertsAsJsonAndReportsBadLinesByNumber() throws Exception {
        Path input = history(true);

        int exit = MediaMonitor.commandLine().execute("backtest", "--input", input.toString(), "--json");

        assertThat(exit).isZero();
        List<JsonNode> alerts = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                alerts.add(JSON.readTree(line));
            }
        }
        assertThat(alerts).anySatisfy(alert -> {
            assertThat(alert.get("term").asText()).isEqualTo("actor:africa-corps");
            assertThat(alert.get("status").asText()).isEqualTo("OPEN");
            assertThat(alert.get("triggeredAt").asText()).endsWith("Z");
            assertThat(alert.get("topArticles")).isNotEmpty();
        });
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(stderr).contains("line 3: not JSON").contains("1 lines skipped").contains("actor:africa-corps");
    }

    @Test
    void aLineDatedYearsAheadIsSkippedAndTheBurstAfterItStillAlerts() throws Exception {
        Path input = history(false);
        List<String> lines = new ArrayList<>(Files.readAllLines(input, StandardCharsets.UTF_8));
        // a routine article misdated ten years ahead, in the middle of the file
        lines.add(40, line("future", "RFI", "Chronique du marché, date erronée", "Une date dans dix ans.",
                Instant.parse("2034-11-19T00:00:00Z")));
        Files.write(input, lines, StandardCharsets.UTF_8);

        int exit = MediaMonitor.commandLine().execute("backtest", "--input", input.toString(), "--json");

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"term\":\"actor:africa-corps\"");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("line 41: publishedAt 2034-11-19T00:00:00Z is 3652 days after the newest article before it")
                .contains("1 lines skipped");
    }

    @Test
    void anArticleOverTheSizeEnrichTakesIsABadLineAndABomIsNotOne() throws Exception {
        // before: a Kafka stack trace, the article vanished uncounted, --strict went on and the run exited 0
        Path input = dir.resolve("big.jsonl");
        Files.writeString(input, "\uFEFF" + line("first", "RFI", "Le Mali", "Bamako.", Instant.parse(
                "2024-11-19T08:00:00Z")) + "\r\n" + line("huge", "RFI", "Le Mali", "x".repeat(600_000),
                Instant.parse("2024-11-19T09:00:00Z")) + "\r\n", StandardCharsets.UTF_8);

        assertThat(MediaMonitor.commandLine().execute("backtest", "--input", input.toString())).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("line 2: article of ").contains("bytes, over enrich.max.article.bytes (524,288)")
                .contains("1 articles").contains("1 lines skipped").doesNotContain("Exception");
        assertThat(MediaMonitor.commandLine().execute("backtest", "--input", input.toString(), "--strict"))
                .isEqualTo(1);
    }

    @Test
    void strictStopsAtTheFirstBadLine() throws Exception {
        Path input = history(true);

        int exit = MediaMonitor.commandLine().execute("backtest", "--input", input.toString(), "--strict");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 3: not JSON");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void sameFileSameAlerts() throws Exception {
        Path input = history(false);

        MediaMonitor.commandLine().execute("backtest", "--input", input.toString(), "--json");
        String first = out.toString(StandardCharsets.UTF_8);
        out.reset();
        MediaMonitor.commandLine().execute("backtest", "--input", input.toString(), "--json");

        assertThat(first).isNotBlank();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(first);
    }

    /** Three days of routine articles, then an Africa Corps burst across five outlets. */
    private Path history(boolean withBadLine) throws Exception {
        List<String> lines = new ArrayList<>();
        // words of each article's own: distinct stories stay distinct (story dedup joins near-duplicates)
        DistinctWords words = new DistinctWords(3);
        Instant start = Instant.parse("2024-11-18T00:00:00Z");
        int n = 0;
        for (Instant t = start; t.isBefore(start.plus(Duration.ofDays(3))); t = t.plus(Duration.ofMinutes(30))) {
            lines.add(line("r" + n, OUTLETS.get(n % 5), "Chronique du marché au Mali numéro " + n,
                    "Les prix des céréales, relevé " + n + ". " + words.sentence(), t));
            if (withBadLine && n == 1) {
                lines.add("{this is not json");
            }
            n++;
        }
        Instant burst = start.plus(Duration.ofDays(3)).plusSeconds(600);
        for (int i = 0; i < 6; i++) {
            lines.add(line("b" + i, OUTLETS.get(i % 5), "L'Africa Corps arrive à Bamako, épisode " + i,
                    "Un contingent de l'Africa Corps est attendu, selon la source " + i + ". " + words.sentence(),
                    burst.plusSeconds(300L * i)));
        }
        Path file = dir.resolve("history.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static String line(String id, String source, String title, String summary, Instant at) {
        return JSON.createObjectNode().put("id", id).put("url", "https://example.org/" + id).put("title", title)
                .put("summary", summary).put("source", source).put("language", "fr").put("publishedAt", at.toString())
                .toString();
    }
}
