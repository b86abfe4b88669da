package io.mediamonitor.app.dashboard;

import io.mediamonitor.model.Alert;
import io.mediamonitor.model.AlertAcknowledgement;
import java.time.Instant;
import java.util.List;

/**
 * An alert as the page shows it: plain JSON, enums as names, times as ISO-8601 instants; with who acknowledged it,
 * when and their note (all null while nobody has).
 */
public record AlertView(String id, int revision, String kind, String term, String label, String status,
                        String severity, Instant windowStart, Instant windowEnd, Instant triggeredAt,
                        int observed, double expected, double score, int distinctSources, String method,
                        String explanation, List<ArticleLink> articles, Instant acknowledgedAt,
                        String acknowledgedBy, String acknowledgementNote) {

    /** An article that explains the alert. */
    public record ArticleLink(String title, String url, String source, Instant publishedAt) {
    }

    public static AlertView of(Alert alert) {
        return of(alert, null);
    }

    public static AlertView of(Alert alert, AlertAcknowledgement acknowledgement) {
        return new AlertView(alert.getId(), alert.getRevision(), alert.getKind().name(), alert.getTerm(),
                alert.getLabel(), alert.getStatus().name(), alert.getSeverity().name(), alert.getWindowStart(),
                alert.getWindowEnd(), alert.getTriggeredAt(), alert.getObserved(), alert.getExpected(),
                alert.getScore(), alert.getDistinctSources(), alert.getMethod(), alert.getExplanation(),
                alert.getTopArticles().stream()
                        .map(a -> new ArticleLink(a.getTitle(), a.getUrl(), a.getSource(), a.getPublishedAt()))
                        .toList(),
                acknowledgement == null ? null : acknowledgement.getAcknowledgedAt(),
                acknowledgement == null ? null : acknowledgement.getAcknowledgedBy(),
                acknowledgement == null ? null : acknowledgement.getNote());
    }
}
