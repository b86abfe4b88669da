package io.mediamonitor.tools.evaluation;

import io.mediamonitor.alerts.detect.DetectorConfig;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.io.OutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A small evaluation run end to end: the report is computed and our detector holds its own. */
class EvaluationSmokeTest {

    private static final Report REPORT =
            Evaluation.run(EvaluationConfig.smoke(), new PrintStream(OutputStream.nullOutputStream()));

    @Test
    void reportsEveryDetectorAtEveryLevelAndOverall() {
        int detectors = 5;
        assertThat(REPORT.rows()).hasSize(detectors * (EvaluationConfig.smoke().rateLevels().size() + 1));
        Report.Row ours = REPORT.row(Evaluation.OURS, "all");
        assertThat(ours.bursts()).isPositive();
        assertThat(ours.termDays()).isPositive();
        assertThat(REPORT.goals()).isNotEmpty();
        String table = REPORT.toMarkdownTable();
        assertThat(table).contains("| detector |", Evaluation.OURS, "Huginn mean+3σ", "SigniTrend",
                "EWMA z-score", "fixed threshold", "Silence, on simulated outlets", "| oracle: knows each outlet",
                "Our detector against the oracles", "| oracle, follows the drift |", Oracles.SPIKE, Oracles.RISE_DRIFT);
        assertThat(REPORT.againstOracles()).extracting(Report.OracleRow::level).containsExactly("0.1", "10");
        assertThat(REPORT.oracleFalseAlarms()).containsOnlyKeys(Oracles.NAMES);
    }

    @Test
    void theOraclesFindTheRareSpikesThatOursFinds() {
        // At 0.1 stories an hour a spike of five outlets is a near-certain signal for whoever knows the rate.
        Report.OracleRow rare = REPORT.againstOracles().get(0);
        assertThat(rare.spikesOurs()[0]).isPositive();
        assertThat(Report.share(rare.spikesOracle())).isGreaterThanOrEqualTo(Report.share(rare.spikesOurs()));
    }

    @Test
    void ourDetectorFindsAtLeastAsManyBurstsAsTunedMeanPlusThreeSigmaWithinTheSameFalseAlarmBudget() {
        Report.Row ours = REPORT.row(Evaluation.OURS, "all");
        Report.Row huginn = REPORT.row("Huginn mean+3σ", "all");
        // Huginn is tuned to the false-alarm budget on the tuning world; we run at our defaults. On a world
        // this small one false alarm is worth 1/termDays, so that is the tolerance.
        double oneAlarm = 1.0 / ours.termDays();
        double budget = Math.max(huginn.falseAlarmsPerTermDay(), EvaluationConfig.smoke().falseAlarmBudget());
        assertThat(ours.recall()).isGreaterThanOrEqualTo(huginn.recall());
        assertThat(ours.falseAlarmsPerTermDay()).isLessThanOrEqualTo(budget + oneAlarm + 1e-9);
    }

    @Test
    void noAlertOnOneOutletRepeatingAStoryAndOneAlertPerBurst() {
        Report.Row ours = REPORT.row(Evaluation.OURS, "all");
        assertThat(ours.singleOutlet()).isZero();
        assertThat(ours.alertsPerBurst()).isLessThanOrEqualTo(1.2);
    }

    @Test
    void perSeedFiguresOfASingleTestWorldAreThePooledOnes() {
        assertThat(REPORT.perSeed()).singleElement().satisfies(r -> {
            assertThat(r.seed()).isEqualTo(EvaluationConfig.smoke().testSeeds().get(0));
            assertThat(r.falseAlarmsPerTermDay()).isEqualTo(REPORT.row(Evaluation.OURS, "all").falseAlarmsPerTermDay());
            assertThat(r.precision()).isEqualTo(REPORT.row(Evaluation.OURS, "all").precision());
        });
    }

    @Test
    void defaultsAreWhatTheReportSaysItRan() {
        assertThat(REPORT.thresholds().get(0)).contains(
                String.format(java.util.Locale.ROOT, "%.1f", DetectorConfig.defaults().spikeScore()));
    }
}
