package io.mediamonitor.tools.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.alerts.detect.SilenceConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The silence evaluation on one world: the figures are computed, and ours stays within the oracle's reach. */
class SilenceEvaluationTest {

    private static final List<SilenceEvaluation.Result> RESULTS = SilenceEvaluation.run(List.of(23L), 28, 7, 60);

    @Test
    void ours_then_the_previous_rule_on_the_same_outlets() {
        assertThat(RESULTS).extracting(r -> r.detector).hasSize(2);
        assertThat(RESULTS.get(0).detector).contains("ours");
        assertThat(RESULTS.get(0).sourceDays).isEqualTo(RESULTS.get(1).sourceDays).isEqualTo(60 * 21.0);
        for (SilenceEvaluation.Outage kind : List.of(SilenceEvaluation.Outage.DAY, SilenceEvaluation.Outage.NIGHT,
                SilenceEvaluation.Outage.FOR_GOOD)) {
            assertThat(RESULTS.get(0).recall(kind)).isBetween(0.0, 1.0);
        }
    }

    @Test
    void no_detector_beats_the_oracle_by_much_and_ours_keeps_its_false_alarm_budget() {
        SilenceEvaluation.Result ours = RESULTS.get(0);
        // the oracle spends the budget on average; one world's outlets may let a detector find one outage more
        int outagesOfAKind = 10;
        for (SilenceEvaluation.Outage kind : List.of(SilenceEvaluation.Outage.DAY, SilenceEvaluation.Outage.NIGHT)) {
            assertThat(ours.recall(kind)).isLessThanOrEqualTo(ours.oracleRecall(kind) + 1.0 / outagesOfAKind);
        }
        double oneAlarm = 1 / ours.sourceDays;
        assertThat(ours.falseAlertsPerSourceDay())
                .isLessThanOrEqualTo(2 * SilenceConfig.defaults().falseAlarmsPerSourceDay() + oneAlarm);
        assertThat(ours.resolvedBeforeOpened).isZero();
    }

    @Test
    void the_oracle_is_timed_on_every_daytime_outage_it_finds_against_the_goals_delay() {
        SilenceEvaluation.Result ours = RESULTS.get(0);
        int daytimeFound = java.util.Arrays.stream(ours.detectable[SilenceEvaluation.Outage.DAY.ordinal()]).sum();
        assertThat(ours.oracleDelaysH).hasSize(daytimeFound).isNotEmpty();
        assertThat(ours.oracleShareWithinTwoGapsAndAnHour()).isBetween(0.0, 1.0)
                .isEqualTo(ours.oracleWithinTwoGapsAndAnHour / (double) daytimeFound);
        // the goal's delay is at least an hour: every outage the oracle reports within the hour is in time
        assertThat((long) ours.oracleWithinTwoGapsAndAnHour)
                .isGreaterThanOrEqualTo(ours.oracleDelaysH.stream().filter(h -> h <= 1.0).count());
    }

    @Test
    void ours_reports_a_daytime_outage_of_an_outlet_publishing_every_half_hour_or_more_often() {
        assertThat(RESULTS.get(0).recall(SilenceEvaluation.Outage.DAY, SilenceEvaluation.Band.FREQUENT))
                .isGreaterThanOrEqualTo(0.9);
    }
}
