package io.mediamonitor.alerts.evaluation;

import java.util.List;

/**
 * Size and seeds of an evaluation run.
 *
 * @param rateLevels     usual stories per hourly window of the simulated terms, one group per level
 * @param termsPerLevel  terms simulated per level (each in the tuning and in the test world)
 * @param days           simulated days per term
 * @param warmupDays     first days only teach the detectors; nothing is scored in them
 * @param tuningSeed     seed of the world the baselines are tuned on
 * @param testSeed       seed of the world every detector is scored on
 * @param falseAlarmBudget false alarms per term-day the baselines are tuned to (on the tuning world)
 * @param sources        outlets in the simulated world
 */
public record EvaluationConfig(List<Double> rateLevels, int termsPerLevel, int days, int warmupDays,
                               long tuningSeed, long testSeed, double falseAlarmBudget, int sources) {

    public EvaluationConfig {
        rateLevels = List.copyOf(rateLevels);
        if (rateLevels.isEmpty() || termsPerLevel < 1 || days <= warmupDays + 2 || sources < 40) {
            throw new IllegalArgumentException("invalid evaluation configuration");
        }
        if (tuningSeed == testSeed) {
            throw new IllegalArgumentException("tuning and test seeds must differ");
        }
    }

    /** The default run: six rate levels from 0.02 to 50 stories an hour, 24 terms each, 4 weeks (about 30 s). */
    public static EvaluationConfig defaults() {
        return new EvaluationConfig(List.of(0.02, 0.1, 0.5, 2.0, 10.0, 50.0), 24, 28, 7, 11, 23, 0.01, 150);
    }

    /** A few seconds: two levels, a few terms, two weeks. */
    public static EvaluationConfig smoke() {
        return new EvaluationConfig(List.of(0.1, 10.0), 4, 16, 5, 5, 6, 0.01, 120);
    }
}
