package io.mediamonitor.tools.evaluation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

    @Test
    void wilsonIntervalMatchesTheTextbookValues() {
        // 80 of 100: 0.7112-0.8666 (Wilson 1927; Newcombe 1998, table I style).
        assertThat(Report.wilson(new int[] {100, 80})).isEqualTo("0.71–0.87");
        // All hits: the interval stays below 1 at its lower end and reaches 1.
        assertThat(Report.wilson(new int[] {10, 10})).isEqualTo("0.72–1.00");
        assertThat(Report.wilson(new int[] {10, 0})).isEqualTo("0.00–0.28");
        assertThat(Report.wilson(new int[] {0, 0})).isEmpty();
        // 321 of 384 is 0.7956-0.8696: rounded outwards, so the lower end does not print as the 0.80 target.
        assertThat(Report.wilson(new int[] {384, 321})).isEqualTo("0.79–0.87");
    }

    @Test
    void aShareGoalIsMetAtItsThresholdAndCarriesItsInterval() {
        Report.Goal atThreshold = Report.Goal.judged("busy", new int[] {100, 80}, "≥ 0.80", 0.80);
        Report.Goal below = Report.Goal.judged("busy", new int[] {100, 79}, "≥ 0.80", 0.80);
        Report.Goal none = Report.Goal.judged("busy", new int[] {0, 0}, "≥ 0.80", 0.80);
        assertThat(atThreshold.met()).isTrue();
        assertThat(atThreshold.interval()).isEqualTo("0.71–0.87");
        assertThat(below.met()).isFalse();
        assertThat(none.met()).isFalse();
        assertThat(Report.Goal.reported("steps", new int[] {4, 3}).met()).isNull();
    }

    @Test
    void oursIsJudgedAsAShareOfTheOracleAndNotWhereThereIsNothingToFind() {
        int[] none = {0, 0};
        Report.OracleRow row = new Report.OracleRow("2", new int[] {50, 9}, new int[] {50, 10}, new int[] {50, 12},
                new int[] {50, 11}, new int[] {40, 10}, new int[] {40, 20}, new int[] {40, 30});
        assertThat(row.spikeRatio()).isCloseTo(0.9, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(row.spikesMet()).isTrue();
        assertThat(row.doublingRatio()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(row.doublingsMet()).isFalse();
        Report.OracleRow rare = new Report.OracleRow("0.1", new int[] {50, 50}, new int[] {50, 50},
                new int[] {50, 50}, new int[] {50, 50}, none, none, none);
        assertThat(rare.doublingRatio()).isNaN();
        assertThat(rare.doublingsMet()).isTrue();
        // An oracle that finds nothing leaves nothing to be a share of.
        assertThat(Report.OracleRow.ratio(new int[] {10, 0}, new int[] {10, 0})).isNaN();
    }
}
