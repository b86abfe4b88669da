package io.mediamonitor.app.dashboard;

import static io.mediamonitor.app.dashboard.Fixtures.NOW;
import static io.mediamonitor.app.dashboard.Fixtures.alert;
import static io.mediamonitor.app.dashboard.Fixtures.count;
import static io.mediamonitor.app.dashboard.Fixtures.feed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediamonitor.app.dashboard.HealthChecks.Status;
import io.mediamonitor.model.AlertStatus;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The HTTP endpoints over in-memory sources, through a real HTTP client. */
class DashboardServerTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Instant SPIKE = Instant.parse("2025-03-12T14:00:00Z");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final AlertBoard alerts = new AlertBoard(100);
    private final FeedBoard feeds = new FeedBoard();
    private final ListMentionHistory mentions = new ListMentionHistory();
    private final HealthChecks health = new HealthChecks();
    private MonitorMetrics metrics;
    private DashboardServer server;

    @BeforeEach
    void start() {
        for (int h = 1; h <= 30; h++) {
            mentions.add(count("actor:aes", SPIKE.minus(HOUR.multipliedBy(h)), HOUR, h % 2 == 0 ? 2 : 0, "RFI"));
        }
        mentions.add(count("actor:aes", SPIKE, HOUR, 12, "RFI", "Sahel Hebdo", "Ouaga Info"));
        mentions.add(count("country:ML", SPIKE, HOUR, 7, "Le Courrier de Bamako"));
        mentions.add(count("country:CI", SPIKE, HOUR, 3, "Abidjan Matin"));
        alerts.offer(alert("aes-1", 0, "actor:aes", "Alliance des États du Sahel", AlertStatus.OPEN, SPIKE, 12, 1.2));
        feeds.update("https://ouaga.example/rss", feed("https://ouaga.example/rss", "Ouaga Info", 4, "HTTP 503",
                NOW.minus(Duration.ofDays(2))));
        feeds.update("https://bamako.example/rss", feed("https://bamako.example/rss", "Le Courrier de Bamako", 0, null,
                NOW.minus(HOUR)));
        TopicStats topics = () -> new TopicStats.Report(NOW,
                List.of(new TopicStats.Throughput("media.alerts", 3, 42, 0.5)),
                List.of(new TopicStats.GroupLag("media-monitor-notify", "STABLE", 7, Map.of("media.alerts", 7L))),
                null);
        metrics = new MonitorMetrics();
        DashboardConfig config = DashboardConfig.defaults().withPort(0).withWindowSize(HOUR).withWindowStep(HOUR);
        server = DashboardServer.start(config, new DashboardSources(alerts,
                        new AcknowledgementBoard(Clock.fixed(NOW, ZoneOffset.UTC)), feeds, mentions, topics, new TermLabels(),
                new RecentArticles(10)),
                metrics, health, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        server.close();
        metrics.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.url().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        return json.readTree(response.body());
    }

    @Test
    void listensOnLoopbackOnTheGivenPort() {
        assertThat(server.url().toString()).startsWith("http://127.0.0.1:").endsWith("/");
        assertThat(server.port()).isPositive();
    }

    @Test
    void alertsComeWithTheirNumbersExplanationAndArticlesInUtf8() throws Exception {
        JsonNode list = getJson("api/alerts");
        assertThat(list).hasSize(1);
        JsonNode alert = list.get(0);
        assertThat(alert.get("label").asText()).isEqualTo("Alliance des États du Sahel");
        assertThat(alert.get("status").asText()).isEqualTo("OPEN");
        assertThat(alert.get("severity").asText()).isEqualTo("HIGH");
        assertThat(alert.get("observed").asInt()).isEqualTo(12);
        assertThat(alert.get("expected").asDouble()).isEqualTo(1.2);
        assertThat(alert.get("windowStart").asText()).isEqualTo("2025-03-12T14:00:00Z");
        assertThat(alert.get("articles").get(0).get("title").asText())
                .isEqualTo("L'AES annonce une force unifiée à Niamey");
        assertThat(alert.get("articles").get(0).get("url").asText())
                .isEqualTo("https://sahel-hebdo.example/aes-force-unifiee");
    }

    @Test
    void mentionsOfATermWithTheBaselineBesideThem() throws Exception {
        JsonNode chart = getJson("api/mentions?term=" + "actor%3Aaes"
                + "&from=2025-03-12T11:00:00Z&to=" + SPIKE.plus(HOUR).toEpochMilli());
        assertThat(chart.get("term").asText()).isEqualTo("actor:aes");
        assertThat(chart.get("label").asText()).isEqualTo("Alliance des États du Sahel");
        assertThat(chart.get("baseline").asText()).contains("mean of the previous 24 h");
        JsonNode points = chart.get("points");
        assertThat(points).hasSize(5); // 11:00, 12:00, 13:00, 14:00, 15:00
        assertThat(points.get(3).get("windowStart").asText()).isEqualTo("2025-03-12T14:00:00Z");
        assertThat(points.get(3).get("stories").asInt()).isEqualTo(12);
        assertThat(points.get(3).get("expected").asDouble()).isEqualTo(1.2);
        assertThat(points.get(3).get("expectedFrom").asText()).isEqualTo("alert");
        // 11:00: the 24 windows 10:00 back to 11:00 the day before alternate 2 and 0
        assertThat(points.get(0).get("expected").asDouble()).isEqualTo(1.0);
        assertThat(points.get(4).get("stories").asInt()).isZero();
        assertThat(chart.get("alerts")).hasSize(1);
    }

    @Test
    void anAlertIsAcknowledgedWithANameAndANoteThenWithdrawn() throws Exception {
        HttpResponse<String> acknowledged = send("POST", "api/alerts/aes-1/acknowledgement", "application/json",
                "{\"by\": \"Aïcha\", \"note\": \"calling the Niamey desk\"}");
        assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
        JsonNode view = json.readTree(acknowledged.body());
        assertThat(view.get("acknowledgedBy").asText()).isEqualTo("Aïcha");
        assertThat(view.get("acknowledgementNote").asText()).isEqualTo("calling the Niamey desk");
        assertThat(view.get("acknowledgedAt").asText()).isEqualTo(NOW.toString());
        assertThat(getJson("api/alerts?acknowledged=true")).hasSize(1);
        assertThat(getJson("api/alerts?acknowledged=false")).isEmpty();

        assertThat(send("DELETE", "api/alerts/aes-1/acknowledgement", null, null).statusCode()).isEqualTo(200);
        assertThat(getJson("api/alerts?acknowledged=true")).isEmpty();
        assertThat(getJson("api/alerts").get(0).get("acknowledgedBy").isNull()).isTrue();
    }

    @Test
    void anAcknowledgementIsJsonForAKnownAlert() throws Exception {
        // a form another site could post is refused: only JSON, which browsers send cross-site only if allowed
        assertThat(send("POST", "api/alerts/aes-1/acknowledgement", "application/x-www-form-urlencoded", "by=x")
                .statusCode()).isEqualTo(415);
        assertThat(send("POST", "api/alerts/nope/acknowledgement", "application/json", "{}").statusCode())
                .isEqualTo(404);
        assertThat(send("POST", "api/alerts/aes-1/acknowledgement", "application/json", "[1]").statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "api/alerts/aes-1/acknowledgement", "application/json", "{by").statusCode())
                .isEqualTo(400);
        assertThat(get("api/alerts/aes-1/acknowledgement").statusCode()).isEqualTo(405);
        assertThat(getJson("api/alerts?acknowledged=true")).isEmpty();
    }

    @Test
    void theAlertHistoryFiltersByTermSeverityStatusAndTime() throws Exception {
        alerts.offer(alert("ml-1", 2, "country:ML", "Mali", AlertStatus.RESOLVED, SPIKE.minus(Duration.ofDays(2)), 9,
                3));

        assertThat(getJson("api/alerts")).hasSize(2);
        assertThat(getJson("api/alerts?term=country%3AML&status=resolved")).hasSize(1);
        assertThat(getJson("api/alerts?status=open,escalated").get(0).get("id").asText()).isEqualTo("aes-1");
        assertThat(getJson("api/alerts?from=" + SPIKE.minus(HOUR))).hasSize(1);
        assertThat(get("api/alerts?severity=urgent").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url().resolve(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void badParametersAnswer400AndUnknownEndpoints404() throws Exception {
        assertThat(get("api/mentions").statusCode()).isEqualTo(400);
        assertThat(get("api/mentions?term=actor:aes&from=yesterday").statusCode()).isEqualTo(400);
        assertThat(get("api/top?limit=0").statusCode()).isEqualTo(400);
        assertThat(get("api/nothing").statusCode()).isEqualTo(404);
        assertThat(get("api/alerts/streamXYZ").statusCode()).as("a prefix of the stream is not it").isEqualTo(404);
        // beyond a long of epoch milliseconds, or before them: a bad request, not a failure to retry
        assertThat(get("api/mentions?term=actor:aes&to=%2B1000000000-01-01T00:00:00Z").statusCode()).isEqualTo(400);
        assertThat(get("api/top?to=%2B1000000000-01-01T00:00:00Z").statusCode()).isEqualTo(400);
        assertThat(get("api/mentions?term=actor:aes&from=1969-12-31T00:00:00Z").statusCode()).isEqualTo(400);
    }

    @Test
    void aDashboardWithoutTheEnrichJobSaysWhereTheCountsAreRatherThanDrawZeros() throws Exception {
        // the alerts job's dashboard (published on 8080 in docker-compose): before, every chart was flat at zero
        // beside an alert counting stories, and the top terms read "none yet"
        DashboardServer alertsOnly = DashboardServer.start(DashboardConfig.defaults().withPort(0)
                        .withWindowSize(HOUR).withWindowStep(HOUR), new DashboardSources(alerts,
                        new AcknowledgementBoard(Clock.fixed(NOW, ZoneOffset.UTC)), feeds, MentionHistory.elsewhere(),
                        () -> null, new TermLabels(), new RecentArticles(10)),
                metrics, health, Clock.fixed(NOW, ZoneOffset.UTC));
        try {
            for (String path : List.of("api/mentions?term=actor%3Aaes", "api/top", "api/terms")) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(alertsOnly.url().resolve(path)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertThat(answer.statusCode()).as(path).isEqualTo(503);
                assertThat(json.readTree(answer.body()).get("error").asText()).as(path)
                        .isEqualTo("mention counts are served by the dashboard of the enrich job (or of run), not by this one");
            }
            HttpResponse<String> alertList = http.send(HttpRequest.newBuilder(alertsOnly.url().resolve("api/alerts"))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(alertList.statusCode()).isEqualTo(200);
        } finally {
            alertsOnly.close();
        }
    }

    @Test
    void topCountriesAndActorsOverTheRecentPeriod() throws Exception {
        JsonNode top = getJson("api/top?limit=5");
        assertThat(top.get("countries")).extracting(n -> n.get("label").asText())
                .containsExactly("Mali", "Côte d’Ivoire");
        assertThat(top.get("actors").get(0).get("term").asText()).isEqualTo("actor:aes");
        assertThat(top.get("actors").get(0).get("label").asText()).isEqualTo("Alliance des États du Sahel");
        assertThat(top.get("actors").get(0).get("sources").asInt()).isEqualTo(3);

        JsonNode terms = getJson("api/terms");
        assertThat(terms.get(0).get("term").asText()).isEqualTo("actor:aes");
    }

    @Test
    void feedHealthFailingFirst() throws Exception {
        JsonNode body = getJson("api/feeds");
        JsonNode rows = body.get("feeds");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("name").asText()).isEqualTo("Ouaga Info");
        assertThat(rows.get(0).get("state").asText()).isEqualTo("failing");
        assertThat(rows.get(0).get("lastError").asText()).isEqualTo("HTTP 503");
        assertThat(rows.get(0).get("consecutiveFailures").asInt()).isEqualTo(4);
        assertThat(rows.get(1).get("state").asText()).isEqualTo("ok");
        assertThat(rows.get(1).get("silentSeconds").asLong()).isEqualTo(3600);
    }

    @Test
    void topicsThroughputAndLag() throws Exception {
        JsonNode report = getJson("api/topics");
        assertThat(report.get("topics").get(0).get("endOffsets").asLong()).isEqualTo(42);
        assertThat(report.get("topics").get(0).get("perSecond").asDouble()).isEqualTo(0.5);
        assertThat(report.get("groups").get(0).get("lag").asLong()).isEqualTo(7);
    }

    @Test
    void healthIs200WhenEveryCheckIsUpElse503() throws Exception {
        health.register("kafka", () -> Status.up("1 broker(s)"));
        HttpResponse<String> up = get("health");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(json.readTree(up.body()).get("checks").get("kafka").get("up").asBoolean()).isTrue();

        health.register("enrich", () -> Status.down("PENDING_ERROR"));
        HttpResponse<String> down = get("health");
        assertThat(down.statusCode()).isEqualTo(503);
        JsonNode report = json.readTree(down.body());
        assertThat(report.get("up").asBoolean()).isFalse();
        assertThat(report.get("checks").get("enrich").get("detail").asText()).isEqualTo("PENDING_ERROR");
    }

    @Test
    void metricsInPrometheusTextFormat() throws Exception {
        metrics.articlesPublished().increment(3);
        metrics.alertsRaised("OPEN", "HIGH").increment();
        HttpResponse<String> response = get("metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(response.body())
                .contains("media_monitor_articles_published_total 3.0")
                .contains("media_monitor_alerts_raised_total{severity=\"HIGH\",status=\"OPEN\"} 1.0")
                .contains("jvm_memory_used_bytes")
                .contains("media_monitor_dashboard_streams");
    }

    @Test
    void thePageAndTheChartLibraryComeFromTheJar() throws Exception {
        HttpResponse<String> page = get("");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("Live alerts").doesNotContain("https://");

        HttpResponse<String> uplot = get("webjars/uplot/1.6.30/dist/uPlot.iife.min.js");
        assertThat(uplot.statusCode()).isEqualTo(200);
        assertThat(uplot.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(uplot.body()).contains("uPlot");
        assertThat(get("dashboard.js").statusCode()).isEqualTo(200);
        assertThat(get("dashboard.css").statusCode()).isEqualTo(200);

        // every script and stylesheet the page names is served (a WebJar version bump must touch index.html)
        java.util.regex.Matcher linked = java.util.regex.Pattern.compile("(?:src|href)=\"([^\"]+)\"")
                .matcher(page.body());
        int assets = 0;
        while (linked.find()) {
            assertThat(get(linked.group(1)).statusCode()).as(linked.group(1)).isEqualTo(200);
            assets++;
        }
        assertThat(assets).isEqualTo(4);

        assertThat(get("webjars/uplot/..%2F..%2F..%2Fdashboard/index.html").statusCode()).isEqualTo(404);
        assertThat(get("missing.js").statusCode()).isEqualTo(404);
    }

    @Test
    @Timeout(20)
    void alertStreamSendsWhatIsKnownThenEachNewRevision() throws Exception {
        HttpResponse<InputStream> response = http.send(
                HttpRequest.newBuilder(server.url().resolve("api/alerts/stream")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            JsonNode first = nextEvent(lines);
            assertThat(first.get("id").asText()).isEqualTo("aes-1");
            assertThat(first.get("label").asText()).isEqualTo("Alliance des États du Sahel");

            alerts.offer(alert("aes-1", 1, "actor:aes", "Alliance des États du Sahel", AlertStatus.ESCALATED,
                    SPIKE, 20, 1.2));
            JsonNode second = nextEvent(lines);
            assertThat(second.get("revision").asInt()).isEqualTo(1);
            assertThat(second.get("status").asText()).isEqualTo("ESCALATED");
            assertThat(second.get("observed").asInt()).isEqualTo(20);
        }
    }

    private JsonNode nextEvent(BufferedReader lines) throws Exception {
        String event = null;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith("event: ")) {
                event = line.substring(7);
            } else if (line.startsWith("data: ") && "alert".equals(event)) {
                return json.readTree(line.substring(6));
            }
        }
        throw new AssertionError("stream ended");
    }
}
