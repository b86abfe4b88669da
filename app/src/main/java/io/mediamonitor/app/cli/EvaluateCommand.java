package io.mediamonitor.app.cli;

import io.mediamonitor.tools.evaluation.Evaluation;
import io.mediamonitor.tools.evaluation.EvaluationConfig;
import io.mediamonitor.alerts.detect.DetectorConfig;
import io.mediamonitor.tools.evaluation.Report;
import io.mediamonitor.tools.evaluation.ThresholdTuning;
import io.mediamonitor.app.jobs.AlertJob;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Scores the spike detector and the classic baselines on synthetic news streams with known bursts. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        header = "Score the detector and classic baselines on synthetic streams.",
        description = {"Generate synthetic mention streams (negative-binomial baselines, daily and weekly rhythm, "
                + "injected spikes, steps and ramps, and negative scenarios), tune every baseline to the same "
                + "false-alarm budget on a tuning seed, and report precision, recall, delay and false alarms per "
                + "term-day on four test seeds, pooled and per seed, as Markdown tables. Progress goes to stderr.",
                "The goals are judged on the steady world; the volatile world, where news intensity drifts "
                        + "more, is the stress test. Exit status 0, or 3 when a goal of the steady world is not met.",
                "'evaluate tune' repeats the rule the busy-side thresholds were chosen by, on tuning worlds only."},
        subcommands = EvaluateCommand.Tune.class)
public final class EvaluateCommand implements Callable<Integer> {

    /** Exit status when the steady world misses a goal. */
    static final int GOAL_MISSED = 3;

    @Mixin
    GlobalOptions global;

    /** Which simulated worlds to run. */
    enum Worlds {
        STEADY, VOLATILE, BOTH
    }

    @Option(names = "--world", defaultValue = "both", paramLabel = "WORLD",
            description = "steady, volatile or both (default: ${DEFAULT-VALUE}).")
    Worlds world;

    @Override
    public Integer call() {
        List<EvaluationConfig> worlds = switch (world) {
            case STEADY -> List.of(EvaluationConfig.defaults());
            case VOLATILE -> List.of(EvaluationConfig.volatileNews());
            case BOTH -> List.of(EvaluationConfig.defaults(), EvaluationConfig.volatileNews());
        };
        // The detector as configured (alerts.spike.score, alerts.rise.threshold, windows), so thresholds can be
        // tried here before they go live.
        DetectorConfig detector = AlertJob.settings(global.config()).detector();
        boolean missed = false;
        for (EvaluationConfig cfg : worlds) {
            Report report = Evaluation.run(cfg, detector, System.err);
            System.out.println("## World: " + cfg.world() + "\n");
            System.out.println(report.toMarkdownTable());
            missed |= cfg.equals(EvaluationConfig.defaults()) && !report.goalsMet();
        }
        return missed ? GOAL_MISSED : 0;
    }

    /** The tuning rule as a run: our detector alone on tuning worlds, over a grid of busy-side thresholds. */
    @Command(name = "tune", mixinStandardHelpOptions = true, sortOptions = false,
            header = "Repeat the rule the busy-side thresholds were chosen by, on tuning worlds.",
            description = {"Run our detector alone on the steady world's tuning seeds (never its test seeds), at "
                    + "each pair of the shock test's threshold on busy terms' windows (a share of "
                    + "alerts.spike.score) and the rise test's threshold (alerts.rise.threshold), and print a "
                    + "Markdown table: false alarms per term-day, bursts found, busy terms' 5-source spikes and "
                    + "sustained doublings found, pooled over the worlds. The rule's pick is the pair that finds "
                    + "the most bursts within the false-alarm budget. Progress goes to stderr; the default grid "
                    + "takes about 6 minutes on 2 cores.",
                    "Exit status 0, or 3 when no pair is within the budget."})
    static final class Tune implements Callable<Integer> {

        @Mixin
        GlobalOptions global;

        @Option(names = "--seeds", split = ",", paramLabel = "SEED",
                description = "Tuning worlds, pooled (default: 11,13,17,19; never the test seeds 23,29,31,37).")
        List<Long> seeds = ThresholdTuning.DEFAULT_SEEDS;

        @Option(names = "--busy-shares", split = ",", paramLabel = "SHARE",
                description = "Busy-side shock thresholds to try, as shares of alerts.spike.score (default: "
                        + "0.88,0.90,0.92,0.94).")
        List<Double> busyShares = ThresholdTuning.DEFAULT_BUSY_SHARES;

        @Option(names = "--rise-thresholds", split = ",", paramLabel = "H",
                description = "Rise-test thresholds h to try (default: 6,6.5,7).")
        List<Double> riseThresholds = ThresholdTuning.DEFAULT_RISE_THRESHOLDS;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            EvaluationConfig world = EvaluationConfig.defaults();
            DetectorConfig detector = AlertJob.settings(global.config()).detector();
            List<ThresholdTuning.Outcome> outcomes;
            try {
                outcomes = ThresholdTuning.run(world, seeds, detector, busyShares, riseThresholds, System.err);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            System.out.println(ThresholdTuning.toMarkdown(outcomes, seeds, world.falseAlarmBudget(), detector));
            return ThresholdTuning.pick(outcomes, world.falseAlarmBudget()).isPresent() ? 0 : GOAL_MISSED;
        }
    }
}
