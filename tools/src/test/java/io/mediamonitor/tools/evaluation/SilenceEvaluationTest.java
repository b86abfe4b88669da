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
        assertThat(ours.oracleTimed).hasSize(daytimeFound).isNotEmpty();
        long inTime = ours.oracleTimed.stream().filter(SilenceEvaluation.Timed::inTime).count();
        assertThat(ours.oracleShareWithinTwoGapsAndAnHour()).isBetween(0.0, 1.0)
                .isEqualTo(inTime / (double) daytimeFound);
        // the goal's delay is at least an hour: every outage the oracle reports within the hour is in time
        assertThat(inTime).isGreaterThanOrEqualTo(ours.oracleTimed.stream().filter(t -> t.hours() <= 1.0).count());
    }

    @Test
    void each_bands_delays_are_the_found_outages_of_its_outlets_and_together_make_the_whole() {
        SilenceEvaluation.Result ours = RESULTS.get(0);
        int daytimeFound = java.util.Arrays.stream(ours.found[SilenceEvaluation.Outage.DAY.ordinal()]).sum();
        assertThat(ours.timed).hasSize(daytimeFound);
        double inTimeByBand = 0;
        for (SilenceEvaluation.Band band : SilenceEvaluation.Band.values()) {
            long inBand = ours.timed.stream().filter(t -> t.band() == band).count();
            assertThat(inBand).isEqualTo(ours.found[SilenceEvaluation.Outage.DAY.ordinal()][band.ordinal()]);
            if (inBand > 0) {
                inTimeByBand += ours.shareWithinTwoGapsAndAnHour(band) * inBand;
                assertThat(ours.medianDelayH(band)).isPositive();
            }
        }
        assertThat(inTimeByBand / daytimeFound).isCloseTo(ours.shareWithinTwoGapsAndAnHour(),
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void ours_reports_a_daytime_outage_of_an_outlet_publishing_every_half_hour_or_more_often() {
        assertThat(RESULTS.get(0).recall(SilenceEvaluation.Outage.DAY, SilenceEvaluation.Band.FREQUENT))
                .isGreaterThanOrEqualTo(0.9);
    }
}
