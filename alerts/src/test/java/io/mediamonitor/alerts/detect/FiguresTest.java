package io.mediamonitor.alerts.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.model.AlertKind;
import io.mediamonitor.model.AlertStatus;
import io.mediamonitor.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void an_expected_count_keeps_the_precision_it_has() {
        assertThat(Figures.count(0.0213)).isEqualTo("0.021");
        assertThat(Figures.count(0.02)).isEqualTo("0.02");
        assertThat(Figures.count(0.4)).isEqualTo("0.4");
        assertThat(Figures.count(3.14)).isEqualTo("3.1");
        assertThat(Figures.count(12.6)).isEqualTo("13");
        assertThat(Figures.count(0)).isEqualTo("0");
        assertThat(Figures.count(Double.NaN)).isEqualTo("n/a");
    }

    @Test
    void the_sentence_names_the_term_by_its_label_and_says_the_expectation_it_had() {
        String sentence = Explanations.explain("actor:africa-corps", AlertStatus.OPEN, AlertKind.SPIKE, 6, 5, 0.02,
                1_700_000_000_000L, 1e-7);
        assertThat(sentence).startsWith("actor:africa-corps jumped:").contains("against 0.02 expected");

        AlertChange change = new AlertChange("id", 0, "actor:africa-corps", AlertStatus.OPEN, Severity.LOW,
                AlertKind.SPIKE, 0, 3_600_000, 3_600_000, 6, 0.02, 7, 5, "method", sentence);
        assertThat(change.toAlert("Africa Corps", List.of()).getExplanation())
                .startsWith("Africa Corps jumped:").contains("against 0.02 expected");
        assertThat(change.toAlert("", List.of()).getExplanation()).startsWith("actor:africa-corps jumped:");
    }
}
