package io.mediamonitor.app.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.mediamonitor.model.Alert;
import io.mediamonitor.model.AlertAcknowledgement;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON endpoints under /api/. Bad parameters answer 400; a source that cannot answer right now
 * (e.g. the Streams stores during a rebalance) answers 503, and the page retries.
 */
final class DashboardApi implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(DashboardApi.class);
    private static final Pattern ACKNOWLEDGEMENT = Pattern.compile("/api/alerts/([^/]{1,200})/acknowledgement");
    private static final int MAX_BODY = 4096;

    private final DashboardConfig config;
    private final DashboardSources sources;
    private final Clock clock;
    private final MentionSeries series;
    private final TopTerms top;
    private final TermLabels labels;

    DashboardApi(DashboardConfig config, DashboardSources sources, Clock clock) {
        this.config = config;
        this.sources = sources;
        this.labels = sources.labels();
        this.clock = clock;
        this.series = new MentionSeries(config.windowSize(), config.windowStep(), config.trailingSpan());
        this.top = new TopTerms(config.windowSize());
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Matcher acknowledgement = ACKNOWLEDGEMENT.matcher(path);
        if (acknowledgement.matches()) {
            acknowledgement(exchange, acknowledgement.group(1));
            return;
        }
        if (!exchange.getRequestMethod().equals("GET")) {
            HttpExchanges.json(exchange, 405, Map.of("error", "GET only"));
            return;
        }
        Map<String, String> params = HttpExchanges.query(exchange);
        Object body;
        try {
            body = switch (path) {
                case "/api/alerts" -> alerts(AlertQuery.from(params));
                case "/api/mentions" -> mentions(params);
                case "/api/top" -> top(params);
                case "/api/terms" -> terms(params);
                case "/api/articles" -> sources.articles().search(params.get("q"),
                        HttpExchanges.integer(params, "limit", 50, 1, 500));
                case "/api/feeds" -> feeds();
                case "/api/topics" -> sources.topics().report();
                default -> null;
            };
        } catch (IllegalArgumentException e) {
            HttpExchanges.json(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
            return;
        } catch (MentionHistory.NotServedHere e) {
            HttpExchanges.json(exchange, 503, Map.of("error", e.getMessage()));
            return;
        } catch (RuntimeException e) {
            log.debug("{} failed", path, e);
            HttpExchanges.json(exchange, 503, Map.of("error", e.getClass().getSimpleName() + ": " + e.getMessage()));
            return;
        }
        if (body == null) {
            HttpExchanges.json(exchange, 404, Map.of("error", "no such endpoint: " + path));
        } else {
            HttpExchanges.json(exchange, 200, body);
        }
    }

    private List<AlertView> alerts(AlertQuery query) {
        Map<String, AlertAcknowledgement> acknowledged = sources.acknowledgements().all();
        return query.select(knownAlerts(), acknowledged).stream()
                .map(alert -> AlertView.of(alert, acknowledged.get(alert.getId()))).toList();
    }

    /**
     * POST acknowledges the alert ({@code {"by": "…", "note": "…"}}, both optional), DELETE withdraws it; both
     * answer the alert as it now reads. POST takes JSON only: a browser sends that cross-site only after asking
     * (CORS preflight, which this server never grants), so another page cannot acknowledge behind a user's back.
     */
    private void acknowledgement(HttpExchange exchange, String alertId) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("POST") && !method.equals("DELETE")) {
            HttpExchanges.json(exchange, 405, Map.of("error", "POST to acknowledge, DELETE to withdraw"));
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (method.equals("POST") && (contentType == null || !contentType.startsWith("application/json"))) {
            HttpExchanges.json(exchange, 415, Map.of("error", "send the acknowledgement as application/json"));
            return;
        }
        Alert alert = sources.alerts().latest().stream().filter(a -> a.getId().equals(alertId)).findFirst()
                .orElse(null);
        if (alert == null) {
            HttpExchanges.json(exchange, 404, Map.of("error", "no such alert: " + alertId));
            return;
        }
        try {
            AlertAcknowledgement stored = null;
            if (method.equals("POST")) {
                JsonNode body = readJson(exchange);
                stored = sources.acknowledgements().acknowledge(alertId, text(body, "by"), text(body, "note"));
            } else {
                sources.acknowledgements().withdraw(alertId);
            }
            HttpExchanges.json(exchange, 200, AlertView.of(alert, stored));
        } catch (IllegalArgumentException e) {
            HttpExchanges.json(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            log.warn("Acknowledgement of {} not stored: {}", alertId, e.getMessage());
            HttpExchanges.json(exchange, 503, Map.of("error", "not stored: " + e.getMessage()));
        }
    }

    private static JsonNode readJson(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new IllegalArgumentException("an acknowledgement is at most " + MAX_BODY + " bytes");
        }
        if (bytes.length == 0) {
            return HttpExchanges.JSON.createObjectNode();
        }
        try {
            JsonNode body = HttpExchanges.JSON.readTree(bytes);
            if (body == null || !body.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object: {\"by\": …, \"note\": …}");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Alerts also teach the labels of their terms. */
    private List<Alert> knownAlerts() {
        List<Alert> alerts = sources.alerts().latest();
        alerts.forEach(a -> labels.learn(a.getTerm(), a.getLabel()));
        return alerts;
    }

    private Map<String, Object> mentions(Map<String, String> params) {
        String term = params.get("term");
        if (term == null || term.isBlank()) {
            throw new IllegalArgumentException("term is required, e.g. term=actor:aes");
        }
        Instant to = HttpExchanges.instant(params, "to", clock.instant());
        Instant from = HttpExchanges.instant(params, "from", to.minus(config.chartSpan()));
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        List<Alert> alerts = knownAlerts().stream().filter(a -> a.getTerm().equals(term)).toList();
        MentionSeries.Series chart = series.build(term, from, to,
                sources.mentions().term(term, series.historyStart(from), to), alerts);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("term", chart.term());
        body.put("label", labels.label(term));
        body.put("from", chart.from());
        body.put("to", chart.to());
        body.put("windowSeconds", chart.windowSeconds());
        body.put("stepSeconds", chart.stepSeconds());
        body.put("baseline", chart.baseline());
        body.put("points", chart.points());
        body.put("alerts", alerts.stream().map(AlertView::of).toList());
        return body;
    }

    private TopTerms.Ranking top(Map<String, String> params) {
        int limit = HttpExchanges.integer(params, "limit", 8, 1, 100);
        int hours = HttpExchanges.integer(params, "hours", (int) config.topPeriod().toHours(), 1, 24 * 90);
        Instant to = HttpExchanges.instant(params, "to", clock.instant());
        Instant from = to.minusSeconds(hours * 3600L);
        knownAlerts();
        return top.rank(from, to, sources.mentions().all(top.queryFrom(from), to), limit, labels::label);
    }

    private List<TopTerms.Entry> terms(Map<String, String> params) {
        Instant to = HttpExchanges.instant(params, "to", clock.instant());
        Instant from = HttpExchanges.instant(params, "from", to.minus(config.chartSpan()));
        knownAlerts();
        return top.totals(from, to, sources.mentions().all(top.queryFrom(from), to), labels::label);
    }

    private Map<String, Object> feeds() {
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("now", now);
        body.put("silenceAfterSeconds", config.silenceAfter().toSeconds());
        body.put("feeds", sources.feeds().feeds().stream()
                .map(f -> FeedView.of(f, now, config.silenceAfter())).toList());
        return body;
    }
}
