package io.mediamonitor.tools.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediamonitor.alerts.detect.DetectorConfig;
import io.mediamonitor.tools.evaluation.ThresholdTuning.Outcome;
import io.mediamonitor.tools.evaluation.ThresholdTuning.Thresholds;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdTuningTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final double BUDGET = 0.01;

    private static Outcome outcome(double share, double h, double falseAlarms, int found) {
        return new Outcome(new Thresholds(share, h), falseAlarms, (int) Math.round(falseAlarms * 1000), found, 100,
                new int[] {10, 5}, new int[] {10, 8});
    }

    @Test
    void theRulePicksTheMostBurstsFoundWithinTheBudgetAndFewerFalseAlarmsOnATie() {
        Outcome overBudget = outcome(0.88, 6, 0.012, 90);
        Outcome most = outcome(0.90, 6.5, 0.009, 80);
        Outcome sameButNoisier = outcome(0.92, 6, 0.010, 80);
        Outcome fewer = outcome(0.94, 7, 0.005, 70);

        assertThat(ThresholdTuning.pick(List.of(overBudget, sameButNoisier, most, fewer), BUDGET)).containsSame(most);
        assertThat(ThresholdTuning.pick(List.of(overBudget), BUDGET)).isEmpty();
    }

    @Test
    void theTableMarksThePickAndTheShippedPair() {
        DetectorConfig shipped = DetectorConfig.defaults();
        Outcome atShipped = outcome(shipped.busyScoreShare(), shipped.cusumThreshold(), 0.009, 80);
        Outcome over = outcome(0.88, 6, 0.012, 90);

        String table = ThresholdTuning.toMarkdown(List.of(over, atShipped), List.of(11L, 13L), BUDGET, shipped);

        assertThat(table).contains("tuning worlds [11, 13] pooled")
                .contains("| 0.88 (4.40) | 6.0 | 0.0120 (12) | 90 of 100 | 5 of 10 | 8 of 10 | no |  |")
                .contains("| 0.92 (4.60) | 6.5 | 0.0090 (9) | 80 of 100 | 5 of 10 | 8 of 10 | yes | "
                        + "**the rule's pick**, shipped |");
        assertThat(ThresholdTuning.toMarkdown(List.of(over), List.of(11L), BUDGET, shipped))
                .contains("No pair is within the budget.");
    }

    @Test
    void testWorldsAreNeverTuningWorlds() {
        EvaluationConfig smoke = EvaluationConfig.smoke();
        List<Long> withATestSeed = List.of(5L, smoke.testSeeds().get(0));

        assertThatThrownBy(() -> ThresholdTuning.run(smoke, withATestSeed, DetectorConfig.defaults(), List.of(0.92),
                List.of(6.5), QUIET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both: [" + smoke.testSeeds().get(0) + "]");
    }

    @Test
    void eachPairIsScoredOnTheSameBurstsOfThePooledWorlds() {
        EvaluationConfig smoke = EvaluationConfig.smoke();
        List<Outcome> outcomes = ThresholdTuning.run(smoke, List.of(5L, 7L), DetectorConfig.defaults(),
                List.of(0.9, 1.0), List.of(6.5), QUIET);

        assertThat(outcomes).extracting(Outcome::thresholds)
                .containsExactly(new Thresholds(0.9, 6.5), new Thresholds(1.0, 6.5));
        Outcome lower = outcomes.get(0);
        Outcome higher = outcomes.get(1);
        // two worlds of the smoke shape hold bursts on busy terms, the same ones for every pair
        assertThat(lower.bursts()).isPositive().isEqualTo(higher.bursts());
        assertThat(lower.busySpikes()[0]).isPositive().isEqualTo(higher.busySpikes()[0]);
        assertThat(lower.busyDoublings()[0]).isPositive().isEqualTo(higher.busyDoublings()[0]);
        for (Outcome o : outcomes) {
            assertThat(o.found()).isBetween(1, o.bursts());
            assertThat(o.busySpikes()[1]).isBetween(0, o.busySpikes()[0]);
            assertThat(o.falseAlarmsPerTermDay()).isGreaterThanOrEqualTo(0);
        }
        // the pool is the sum of its worlds: one world alone holds fewer bursts
        Outcome alone = ThresholdTuning.run(smoke, List.of(5L), DetectorConfig.defaults(), List.of(0.9),
                List.of(6.5), QUIET).get(0);
        assertThat(alone.bursts()).isPositive().isLessThan(lower.bursts());
    }
}
