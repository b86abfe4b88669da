package io.mediamonitor.tools.evaluation;

import java.util.List;
import java.util.Set;

/**
 * Size, seeds and news volatility of an evaluation run.
 *
 * @param world          name of the world, for the report
 * @param rateLevels     usual stories per hourly window of the simulated terms, one group per level
 * @param termsPerLevel  terms simulated per level (each in the tuning world and in every test world)
 * @param days           simulated days per term
 * @param warmupDays     first days only teach the detectors; nothing is scored in them
 * @param tuningSeed     seed of the world the baselines are tuned on
 * @param testSeeds      seeds of the worlds every detector is scored on; results are pooled over them, so a
 *                       goal is judged on more events than one world holds
 * @param falseAlarmBudget false alarms per term-day the baselines are tuned to (on the tuning world)
 * @param sources        outlets in the simulated world
 * @param drift          how far news intensity drifts around each term's rhythm
 */
public record EvaluationConfig(String world, List<Double> rateLevels, int termsPerLevel, int days, int warmupDays,
                               long tuningSeed, List<Long> testSeeds, double falseAlarmBudget, int sources,
                               Drift drift) {

    /**
     * The drift of a term's news intensity: a log-normal AR(1) factor with mean 1 whose variance is drawn per
     * term from [{@code minVariance}, {@code maxVariance}], with the given correlation time. Hourly counts are
     * then close to negative binomial with a dispersion a little under that variance.
     */
    public record Drift(double minVariance, double maxVariance, double correlationMinutes) {
        public Drift {
            if (minVariance < 0 || maxVariance < minVariance || correlationMinutes <= 0) {
                throw new IllegalArgumentException("invalid drift");
            }
        }

        /** Moderate: hourly counts of a 50-an-hour term vary about 2 to 7 times as much as Poisson. */
        public static Drift steady() {
            return new Drift(0.02, 0.12, 60);
        }

        /** Volatile: up to 16 times Poisson at 50 an hour; busy terms swing by up to 55 % (sd) within hours. */
        public static Drift volatileNews() {
            return new Drift(0.05, 0.3, 60);
        }
    }

    public EvaluationConfig {
        rateLevels = List.copyOf(rateLevels);
        testSeeds = List.copyOf(java.util.Objects.requireNonNull(testSeeds, "testSeeds"));
        if (rateLevels.isEmpty() || termsPerLevel < 1 || days <= warmupDays + 2 || sources < 40) {
            throw new IllegalArgumentException("invalid evaluation configuration");
        }
        if (testSeeds.isEmpty() || testSeeds.contains(tuningSeed) || Set.copyOf(testSeeds).size() != testSeeds.size()) {
            throw new IllegalArgumentException("test seeds must be distinct, and differ from the tuning seed");
        }
    }

    /** The test seeds of the default runs: 23 and the next three primes. */
    static final List<Long> TEST_SEEDS = List.of(23L, 29L, 31L, 37L);

    /**
     * The default run, on which the goals are judged: six rate levels from 0.02 to 50 stories an hour, 24
     * terms each, 4 weeks, steady drift, one tuning world and four test worlds (about 40 s).
     */
    public static EvaluationConfig defaults() {
        return new EvaluationConfig("steady", List.of(0.02, 0.1, 0.5, 2.0, 10.0, 50.0), 24, 28, 7, 11, TEST_SEEDS,
                0.01, 150, Drift.steady());
    }

    /** The same world with volatile news: the stress test. */
    public static EvaluationConfig volatileNews() {
        return new EvaluationConfig("volatile", defaults().rateLevels(), 24, 28, 7, 11, TEST_SEEDS, 0.01,
                150, Drift.volatileNews());
    }

    /** A few seconds: two levels, a few terms, two weeks. */
    public static EvaluationConfig smoke() {
        return new EvaluationConfig("smoke", List.of(0.1, 10.0), 4, 16, 5, 5, List.of(6L), 0.01, 120,
                Drift.steady());
    }
}
