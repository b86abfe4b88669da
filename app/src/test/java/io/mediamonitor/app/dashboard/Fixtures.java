package io.mediamonitor.app.dashboard;

import io.mediamonitor.model.Alert;
import io.mediamonitor.model.AlertArticle;
import io.mediamonitor.model.AlertKind;
import io.mediamonitor.model.AlertStatus;
import io.mediamonitor.model.FeedStatus;
import io.mediamonitor.model.MentionCount;
import io.mediamonitor.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Records as the pipeline writes them, for the dashboard's tests. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2025-03-12T15:05:00Z");

    private Fixtures() {
    }

    static Alert alert(String id, int revision, String term, String label, AlertStatus status, Instant windowStart,
                       int observed, double expected) {
        return Alert.newBuilder()
                .setId(id).setRevision(revision).setKind(AlertKind.SPIKE).setTerm(term).setLabel(label)
                .setStatus(status).setSeverity(Severity.HIGH)
                .setWindowStart(windowStart).setWindowEnd(windowStart.plus(Duration.ofHours(1)))
                .setTriggeredAt(windowStart.plus(Duration.ofMinutes(40)).plusSeconds(revision))
                .setObserved(observed).setExpected(expected).setScore(7.5).setDistinctSources(4)
                .setMethod("poisson-tail p<1e-6")
                .setExplanation("Mentions of " + label + " rose to " + observed + " stories against "
                        + expected + " expected, from 4 sources.")
                .setTopArticles(List.of(
                        AlertArticle.newBuilder().setTitle("L'AES annonce une force unifiée à Niamey")
                                .setUrl("https://sahel-hebdo.example/aes-force-unifiee").setSource("Sahel Hebdo")
                                .setPublishedAt(windowStart.plus(Duration.ofMinutes(12))).build(),
                        AlertArticle.newBuilder().setTitle("Sahel states unveil joint force")
                                .setUrl("https://west-africa-monitor.example/joint-force").setSource("West Africa Monitor")
                                .setPublishedAt(windowStart.plus(Duration.ofMinutes(25))).build()))
                .build();
    }

    static MentionCount count(String term, Instant windowStart, Duration size, int stories, String... sources) {
        return MentionCount.newBuilder()
                .setTerm(term).setWindowStart(windowStart).setWindowEnd(windowStart.plus(size))
                .setArticles(stories + 1).setStories(stories).setSources(sources.length)
                .setSourceNames(List.of(sources)).build();
    }

    static FeedStatus feed(String url, String name, int failures, String error, Instant lastArticleAt) {
        return FeedStatus.newBuilder()
                .setFeedUrl(url).setFeedName(name).setLastAttemptAt(NOW.minusSeconds(120))
                .setLastSuccessAt(failures == 0 ? NOW.minusSeconds(120) : NOW.minusSeconds(7200))
                .setLastErrorAt(error == null ? null : NOW.minusSeconds(120)).setLastError(error)
                .setHttpStatus(error == null ? 200 : 503).setConsecutiveFailures(failures)
                .setLastArticleAt(lastArticleAt).build();
    }
}
