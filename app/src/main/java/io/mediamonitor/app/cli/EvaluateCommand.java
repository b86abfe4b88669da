package io.mediamonitor.app.cli;

import io.mediamonitor.alerts.evaluation.Evaluation;
import io.mediamonitor.alerts.evaluation.EvaluationConfig;
import io.mediamonitor.alerts.evaluation.Report;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Scores the spike detector and the classic baselines on synthetic news streams with known bursts. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        header = "Score the detector and classic baselines on synthetic streams.",
        description = "Generate synthetic mention streams (negative-binomial baselines, daily and weekly rhythm, injected spikes, steps and ramps, and negative scenarios), tune every detector to the same false-alarm budget on tuning seeds, and report precision, recall, delay and false alarms per term-day on test seeds, as a Markdown table. Progress goes to stderr.")
public final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Override
    public Integer call() {
        Report report = Evaluation.run(EvaluationConfig.defaults(), System.err);
        System.out.println(report.toMarkdownTable());
        return 0;
    }
}
