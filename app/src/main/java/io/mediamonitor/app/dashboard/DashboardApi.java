package io.mediamonitor.app.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.mediamonitor.model.Alert;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON endpoints under /api/. Bad parameters answer 400; a source that cannot answer right now
 * (e.g. the Streams stores during a rebalance) answers 503, and the page retries.
 */
final class DashboardApi implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(DashboardApi.class);

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
        if (!exchange.getRequestMethod().equals("GET")) {
            HttpExchanges.json(exchange, 405, Map.of("error", "GET only"));
            return;
        }
        String path = exchange.getRequestURI().getPath();
        Map<String, String> params = HttpExchanges.query(exchange);
        Object body;
        try {
            body = switch (path) {
                case "/api/alerts" -> alerts();
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

    private List<AlertView> alerts() {
        return knownAlerts().stream().map(AlertView::of).toList();
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
