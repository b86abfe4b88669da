package io.mediamonitor.alerts.notify;

import io.mediamonitor.model.Alert;
import io.mediamonitor.model.AlertArticle;
import io.mediamonitor.model.AlertKind;
import io.mediamonitor.model.AlertStatus;
import io.mediamonitor.model.Severity;
import java.time.Instant;
import java.util.List;

/** Alerts shaped like the detector's, for the notify tests. */
final class TestAlerts {

    static final Instant WINDOW_START = Instant.parse("2026-03-01T13:00:00Z");

    private TestAlerts() {
    }

    /** An OPEN HIGH spike on actor:aes: 6 stories from 5 sources against 0.4 expected. */
    static Alert aesSpike() {
        return Alert.newBuilder()
                .setId("3f1c9a7e0b2d4c6e8f1a2b3c4d5e6f70")
                .setRevision(0)
                .setKind(AlertKind.SPIKE)
                .setTerm("actor:aes")
                .setLabel("Alliance des États du Sahel")
                .setStatus(AlertStatus.OPEN)
                .setSeverity(Severity.HIGH)
                .setWindowStart(WINDOW_START)
                .setWindowEnd(WINDOW_START.plusSeconds(3600))
                .setTriggeredAt(Instant.parse("2026-03-01T13:47:12Z"))
                .setObserved(6)
                .setExpected(0.4)
                .setScore(5.23)
                .setDistinctSources(5)
                .setMethod("negative-binomial tail, 28-day baseline, p<1e-4")
                .setExplanation("6 stories about the AES from 5 sources in one hour, against 0.4 expected.")
                .setTopArticles(List.of(
                        article("Les chefs d'État de l'AES réunis à Niamey", "https://example.org/a1", "RFI",
                                "2026-03-01T13:05:00Z"),
                        article("Sahel alliance announces joint force", "https://example.org/a2?x=1&y=2", "Reuters",
                                "2026-03-01T13:20:00Z")))
                .build();
    }

    /** The same burst at a later revision and status. */
    static Alert revision(Alert alert, int revision, AlertStatus status) {
        return Alert.newBuilder(alert).setRevision(revision).setStatus(status).build();
    }

    /** A distinct alert number {@code n} (own id and term), for stream tests. */
    static Alert numbered(int n) {
        return Alert.newBuilder(aesSpike())
                .setId(String.format("alert-%04d", n))
                .setTerm("keyword:test-" + n)
                .setLabel("test " + n)
                .build();
    }

    static AlertArticle article(String title, String url, String source, String publishedAt) {
        return AlertArticle.newBuilder().setTitle(title).setUrl(url).setSource(source)
                .setPublishedAt(Instant.parse(publishedAt)).build();
    }
}
