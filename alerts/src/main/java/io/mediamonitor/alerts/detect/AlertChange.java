package io.mediamonitor.alerts.detect;

import io.mediamonitor.model.Alert;
import io.mediamonitor.model.AlertArticle;
import io.mediamonitor.model.AlertKind;
import io.mediamonitor.model.AlertStatus;
import io.mediamonitor.model.Severity;

import java.time.Instant;
import java.util.List;

/**
 * A change in a term's alert, ready to become an {@link Alert} record: what fired, against what, and why.
 *
 * @param alertId     stable id of the burst ({@link AlertIds#of})
 * @param revision    0 for OPEN, +1 for every later change of the same id
 * @param term        typed term, or {@code source:NAME} for silence
 * @param status      OPEN, ESCALATED, UPDATED or RESOLVED
 * @param severity    LOW to CRITICAL
 * @param kind        SPIKE, SUSTAINED_RISE or SILENCE
 * @param windowStart start of the window this change is about (epoch ms)
 * @param windowEnd   end of that window (epoch ms)
 * @param triggeredAt event time that produced the change (epoch ms)
 * @param observed    scored stories in the window
 * @param expected    expected count from the baseline
 * @param score       -log10 of the tail probability (for a CUSUM: log10 likelihood ratio)
 * @param sources     distinct sources in the window
 * @param method      the test that fired, with its parameters
 * @param explanation one sentence a person can read
 */
public record AlertChange(String alertId, int revision, String term, AlertStatus status, Severity severity,
                          AlertKind kind, long windowStart, long windowEnd, long triggeredAt, int observed,
                          double expected, double score, int sources, String method, String explanation) {

    /**
     * The Avro record for {@code media.alerts}; the caller adds a label and the articles that explain it. The
     * sentence names the term by its label, as the alert's card and subject do ("Africa Corps jumped", not
     * "actor:africa-corps jumped").
     */
    public Alert toAlert(String label, List<AlertArticle> topArticles) {
        String sentence = label != null && !label.isBlank() && explanation.startsWith(term + " ")
                ? label + explanation.substring(term.length()) : explanation;
        return Alert.newBuilder()
                .setId(alertId)
                .setRevision(revision)
                .setKind(kind)
                .setTerm(term)
                .setLabel(label)
                .setStatus(status)
                .setSeverity(severity)
                .setWindowStart(Instant.ofEpochMilli(windowStart))
                .setWindowEnd(Instant.ofEpochMilli(windowEnd))
                .setTriggeredAt(Instant.ofEpochMilli(triggeredAt))
                .setObserved(observed)
                .setExpected(expected)
                .setScore(score)
                .setDistinctSources(sources)
                .setMethod(method)
                .setExplanation(sentence)
                .setTopArticles(List.copyOf(topArticles))
                .build();
    }
}
