package io.mediamonitor.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.model.Alert;
import io.mediamonitor.model.AlertKind;
import io.mediamonitor.model.AlertStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertFormatterTest {

    @Test
    void subjectReadsAsSeverityTermCountsAndExpectation() {
        assertThat(AlertFormatter.subject(TestAlerts.aesSpike()))
                .isEqualTo("[media-monitor] HIGH actor:aes — 6 stories from 5 sources (expected 0.4)");
    }

    @Test
    void laterStatusesLeadTheHeadline() {
        Alert resolved = TestAlerts.revision(TestAlerts.aesSpike(), 3, AlertStatus.RESOLVED);
        assertThat(AlertFormatter.headline(resolved))
                .isEqualTo("RESOLVED HIGH actor:aes — 6 stories from 5 sources (expected 0.4)");
    }

    @Test
    void oneStoryAndOneSourceAreSingular() {
        Alert single = Alert.newBuilder(TestAlerts.aesSpike()).setObserved(1).setDistinctSources(1).build();
        assertThat(AlertFormatter.counts(single)).isEqualTo("1 story from 1 source");
    }

    @Test
    void numbersKeepTwoSignificantDigitsBelowTenAndNoneAbove() {
        assertThat(AlertFormatter.number(0.4)).isEqualTo("0.4");
        assertThat(AlertFormatter.number(0.0349)).isEqualTo("0.035");
        assertThat(AlertFormatter.number(2.0)).isEqualTo("2");
        assertThat(AlertFormatter.number(5.23)).isEqualTo("5.2");
        assertThat(AlertFormatter.number(12.6)).isEqualTo("13");
        assertThat(AlertFormatter.number(0)).isEqualTo("0");
        assertThat(AlertFormatter.number(Double.POSITIVE_INFINITY)).isEqualTo("∞");
        assertThat(AlertFormatter.number(Double.NaN)).isEqualTo("n/a");
    }

    @Test
    void oneLineCarriesTimeStatusKindLabelAndScore() {
        assertThat(AlertFormatter.oneLine(TestAlerts.aesSpike())).isEqualTo(
                "2026-03-01T13:47:12Z OPEN HIGH spike actor:aes \"Alliance des États du Sahel\" — 6 stories from 5 "
                        + "sources (expected 0.4, score 5.2)");
    }

    @Test
    void summaryListsTopArticlesUnderTheLine() {
        List<String> lines = AlertFormatter.summary(TestAlerts.aesSpike()).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).isEqualTo("  • Les chefs d'État de l'AES réunis à Niamey — RFI <https://example.org/a1>");
        assertThat(lines.get(2)).isEqualTo("  • Sahel alliance announces joint force — Reuters <https://example.org/a2?x=1&y=2>");
    }

    @Test
    void titlesWithLineBreaksStayOnOneLine() {
        Alert messy = Alert.newBuilder(TestAlerts.aesSpike()).setTopArticles(List.of(
                TestAlerts.article("  Coup\n d'état\t au   Niger ", "https://example.org/n", "AFP", "2026-03-01T13:00:00Z")))
                .build();
        assertThat(AlertFormatter.summary(messy).lines().toList().get(1))
                .isEqualTo("  • Coup d'état au Niger — AFP <https://example.org/n>");
    }

    @Test
    void bodyHasExplanationWindowReferenceAndArticles() {
        String text = AlertFormatter.text(TestAlerts.aesSpike());
        assertThat(text).startsWith("HIGH spike on actor:aes \"Alliance des États du Sahel\" — OPEN\n\n"
                + "6 stories from 5 sources, expected 0.4 (score 5.2).\n"
                + "6 stories about the AES from 5 sources in one hour, against 0.4 expected.\n");
        assertThat(text)
                .contains("Window:     2026-03-01T13:00:00Z – 2026-03-01T14:00:00Z\n")
                .contains("Alert:      3f1c9a7e0b2d4c6e8f1a2b3c4d5e6f70, revision 0\n")
                .contains("1. Les chefs d'État de l'AES réunis à Niamey\n   RFI · 2026-03-01T13:05:00Z\n"
                        + "   https://example.org/a1\n")
                .contains("2. Sahel alliance announces joint force\n");
    }

    @Test
    void silenceWithoutArticlesOrExplanationStillReads() {
        Alert silence = Alert.newBuilder(TestAlerts.aesSpike()).setKind(AlertKind.SILENCE)
                .setTerm("source:Le Sahel").setLabel("Le Sahel (source)")
                .setObserved(0).setDistinctSources(0).setExpected(12.2).setExplanation("")
                .setTopArticles(List.of()).build();
        assertThat(AlertFormatter.oneLine(silence)).isEqualTo("2026-03-01T13:47:12Z OPEN HIGH silence "
                + "source:Le Sahel \"Le Sahel (source)\" — no article (expected 12, score 5.2)");
        assertThat(AlertFormatter.text(silence)).doesNotContain("Top articles").contains("expected 12 (score 5.2).\n\n");
    }
}
