package io.mediamonitor.alerts.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediamonitor.model.Alert;
import io.mediamonitor.model.AlertArticle;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * An alert as a JSON object with the Avro schema's field names, enums as their names and times as
 * ISO-8601 UTC strings ({@code 2026-03-01T14:05:00Z}): the webhook body, {@code alerts tail --json}
 * and {@code backtest --json}. Non-finite numbers (a score of +∞ when the tail probability
 * underflows) become {@code null}, since JSON has no infinity. Pure.
 */
public final class AlertJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertJson() {
    }

    public static ObjectNode toJson(Alert alert) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("id", alert.getId());
        json.put("revision", alert.getRevision());
        json.put("kind", alert.getKind().name());
        json.put("term", alert.getTerm());
        json.put("label", alert.getLabel());
        json.put("status", alert.getStatus().name());
        json.put("severity", alert.getSeverity().name());
        json.put("windowStart", time(alert.getWindowStart()));
        json.put("windowEnd", time(alert.getWindowEnd()));
        json.put("triggeredAt", time(alert.getTriggeredAt()));
        json.put("observed", alert.getObserved());
        putNumber(json, "expected", alert.getExpected());
        putNumber(json, "score", alert.getScore());
        json.put("distinctSources", alert.getDistinctSources());
        json.put("method", alert.getMethod());
        json.put("explanation", alert.getExplanation());
        ArrayNode articles = json.putArray("topArticles");
        if (alert.getTopArticles() != null) {
            for (AlertArticle article : alert.getTopArticles()) {
                ObjectNode a = articles.addObject();
                a.put("title", article.getTitle());
                a.put("url", article.getUrl());
                a.put("source", article.getSource());
                a.put("publishedAt", time(article.getPublishedAt()));
            }
        }
        return json;
    }

    /** The alert as one line of compact JSON (JSON Lines for the CLI). */
    public static String toJsonString(Alert alert) {
        return write(toJson(alert));
    }

    /** Compact JSON text of any tree (package use: the Slack payload). */
    static String write(JsonNode json) {
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    private static String time(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static void putNumber(ObjectNode json, String field, double value) {
        if (Double.isFinite(value)) {
            json.put(field, value);
        } else {
            json.putNull(field);
        }
    }
}
