package io.mediamonitor.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediamonitor.app.deploy.MonitoringFiles;
import io.mediamonitor.schema.Topics;
import io.mediamonitor.testing.TopicReader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command as a user runs it: the packaged jar in its own process, the bundled
 * demo, the first alert on the console and on the dashboard, Ctrl-C, and a second start on the
 * same data directory that republishes nothing.
 */
class DemoRunIT {

    private static final Path JAR = Path.of("target", "media-monitor.jar");
    /**
     * An alert on the delegation's burst: Russia, the envoy, the alliance or the Russian force, whichever the run's
     * polls and commits bring first. That each of them spikes clearly wherever the start falls is
     * {@link DemoBurstTest}'s, on a replay.
     */
    private static final Pattern ALERT = Pattern.compile("OPEN \\w+ spike (country:RU|actor:(novak|aes|africa-corps))");
    private static final Pattern KAFKA = Pattern.compile("Kafka at (127\\.0\\.0\\.1:\\d+)");
    private static final Pattern DASHBOARD = Pattern.compile("Dashboard: (http://\\S+/)");

    @TempDir
    Path dataDir;

    @Test
    void theDemoAlertsOnTheConsoleAndDashboardAndARestartRepublishesNothing() throws Exception {
        assertThat(JAR).as("the packaged jar (failsafe runs after package)").exists();

        Map<String, String> first = new java.util.HashMap<>();
        int expected = DemoCatalogue.bundled().articles().size();
        int demoPort = freePort(); // the same feed URLs in both runs, as with the default demo.port
        int published;
        Path firstLog;
        try (Run run = Run.start(dataDir, demoPort)) {
            firstLog = run.log;
            String bannerLines = run.awaitLine(line -> line.contains("Dashboard: "), Duration.ofSeconds(90));
            first.put("dashboard", find(DASHBOARD, run.output()));
            first.put("kafka", find(KAFKA, run.output()));
            String alert = run.awaitLine(line -> ALERT.matcher(line).find(), Duration.ofSeconds(120));
            assertThat(alert).contains("stories from");

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> alerts = http.send(HttpRequest.newBuilder(
                    URI.create(first.get("dashboard") + "api/alerts")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(alerts.statusCode()).isEqualTo(200);
            assertThat(alerts.body()).containsAnyOf("country:RU", "actor:novak", "actor:aes", "actor:africa-corps");
            HttpResponse<String> mentions = http.send(HttpRequest.newBuilder(URI.create(first.get("dashboard")
                    + "api/mentions?term=actor:aes")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(mentions.statusCode()).as("windowed counts over HTTP (interactive queries)").isEqualTo(200);
            var points = new com.fasterxml.jackson.databind.ObjectMapper().readTree(mentions.body()).get("points");
            assertThat(points).as(mentions.body()).anySatisfy(point -> assertThat(point.get("stories").asInt()).isPositive());
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create(first.get("dashboard") + "health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(bannerLines).isNotNull();
            // what the shipped Prometheus rules and Grafana dashboard query is exported
            String metrics = http.send(HttpRequest.newBuilder(URI.create(first.get("dashboard") + "metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Set<String> exported = metrics.lines().filter(line -> !line.startsWith("#"))
                    .map(line -> line.split("[{ ]", 2)[0]).collect(java.util.stream.Collectors.toSet());
            assertThat(MonitoringFiles.metricNames()).as("metrics queried in deploy/").isNotEmpty()
                    .allSatisfy(name -> assertThat(exported).as("%s is exported", name).contains(name));
            // at 0 before any dead letter, so the first one is an increase the shipped rule sees
            assertThat(metrics).containsPattern(
                    "media_monitor_records_deadlettered_total\\{[^}]*source=\"media\\.articles\\.raw\"[^}]*} 0\\.0");

            // the demo releases its last articles within the first minute
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            do {
                Thread.sleep(2_000);
                published = distinctRawArticles(first.get("kafka"), true);
            } while (published < expected && System.nanoTime() < deadline);
        }

        assertThat(Files.readString(firstLog)).as("every Kafka metric registered (the run's log)")
                .doesNotContain("registration has failed");

        Instant restartedAt = Instant.now();
        try (Run again = Run.start(dataDir, demoPort)) {
            again.awaitLine(line -> line.contains("Dashboard: "), Duration.ofSeconds(90));
            String kafka = find(KAFKA, again.output());
            assertThat(kafka).as("the banner names the embedded broker").isNotNull();
            // evidence, not a pause: every demo feed polled again after its demo released every article
            Instant allReleased = restartedAt.plus(DemoCatalogue.bundled().articles().stream()
                    .map(DemoCatalogue.DemoArticle::at).max(Duration::compareTo).orElseThrow()).plusSeconds(5);
            await().atMost(Duration.ofSeconds(150)).until(() -> lastPolls(kafka).size() == DemoCatalogue.bundled().feeds().size()
                    && lastPolls(kafka).values().stream().allMatch(t -> t.isAfter(allReleased)));
            assertThat(distinctRawArticles(kafka, true)).as("records on media.articles.raw after the restart")
                    .isEqualTo(published);
        }
        assertThat(published).isEqualTo(expected);
    }

    /** When each feed was last polled, from the compacted media.feeds.status topic. */
    private static Map<String, Instant> lastPolls(String bootstrap) {
        Topics topics = Topics.withDefaultPrefix();
        Map<String, Instant> polls = new java.util.HashMap<>();
        TopicReader.readToEnd(bootstrap, topics.feedsStatus().name(), new StringDeserializer(),
                topics.feedsStatus().valueSerde().deserializer(), Duration.ofSeconds(20)).forEach(r -> {
                    if (r.value() != null) {
                        polls.put(r.key(), r.value().getLastAttemptAt());
                    }
                });
        return polls;
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Counts records and distinct keys on the raw topic; with {@code strict}, they must be equal. */
    private static int distinctRawArticles(String bootstrap, boolean strict) {
        assertThat(bootstrap).as("the banner names the embedded broker").isNotNull();
        List<String> keys = TopicReader.readToEnd(bootstrap, Topics.withDefaultPrefix().articlesRaw().name(),
                new StringDeserializer(), new ByteArrayDeserializer(), Duration.ofSeconds(30))
                .stream().map(r -> r.key()).toList();
        Set<String> distinct = new HashSet<>(keys);
        if (strict) {
            assertThat(keys).as("no article published twice").hasSize(distinct.size());
        }
        return distinct.size();
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** The jar running `run` on random ports, its stdout collected line by line. */
    private static final class Run implements AutoCloseable {
        private final Process process;
        /** Its stderr: the log. */
        private final Path log;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuilder output = new StringBuilder();

        private Run(Process process, Path log) {
            this.process = process;
            this.log = log;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    in.lines().forEach(lines::add);
                } catch (java.io.IOException | java.io.UncheckedIOException ignored) {
                    // the process ended (lines() wraps the read's "Stream closed" when it is destroyed mid-read)
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        static Run start(Path dataDir, int demoPort) throws Exception {
            String java = ProcessHandle.current().info().command().orElse("java");
            Path log = Path.of("target", "demo-run-" + System.currentTimeMillis() + ".log");
            Process process = new ProcessBuilder(java, "-Xmx1g", "-jar", JAR.toString(), "run",
                    "--data-dir", dataDir.toString(), "-D", "broker.port=0", "-D", "demo.port=" + demoPort,
                    "-D", "dashboard.port=0")
                    .redirectError(log.toFile())
                    .start();
            return new Run(process, log);
        }

        String awaitLine(java.util.function.Predicate<String> wanted, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(500, TimeUnit.MILLISECONDS);
                if (line != null) {
                    output.append(line).append('\n');
                    if (wanted.test(line)) {
                        return line;
                    }
                } else if (!process.isAlive()) {
                    break;
                }
            }
            throw new AssertionError("no such line within " + timeout + "; output so far:\n" + output
                    + "(the process's log is under app/target/demo-run-*.log)");
        }

        String output() {
            String line;
            while ((line = lines.poll()) != null) {
                output.append(line).append('\n');
            }
            return output.toString();
        }

        @Override
        public void close() throws Exception {
            process.destroy(); // SIGTERM, as Ctrl-C: the shutdown hook closes everything
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("media-monitor did not stop within 60 s of SIGTERM");
            }
        }
    }
}
