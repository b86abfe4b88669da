package io.mediamonitor.tools.bench;

import java.time.Duration;

/**
 * What one pipeline benchmark run does.
 *
 * @param warmup          articles sent first, through raw Kafka and through the pipeline, and not measured: the
 *                        JIT compiles the hot paths, and the detectors get the day of history they need to alert
 * @param articles        articles of the baseline and throughput phases
 * @param rate            articles per second sent in the latency phase
 * @param latencyPhase    how long the latency phase sends
 * @param articlesPerHour simulated pace of the timeline (event time advances 1 h per this many articles)
 * @param soakArticles    articles of the soak phase; 0 for no soak
 * @param seed            generator seed: the same seed, the same articles
 * @param timeout         how long any one wait may take before the progress reached is reported instead
 * @param setup           how the cluster was provided, for the report ("embedded broker", ...)
 */
public record PipelineOptions(int warmup, int articles, int rate, Duration latencyPhase, double articlesPerHour,
                              long soakArticles, long seed, Duration timeout, String setup) {

    public PipelineOptions {
        if (warmup < 0 || articles < 1 || rate < 1 || latencyPhase.isNegative() || soakArticles < 0 || !(articlesPerHour > 0)
                || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("articles, rate and articles per hour must be positive, the "
                    + "warm-up, latency phase and soak not negative, the timeout positive");
        }
    }

    long latencyArticles() {
        return (long) rate * latencyPhase.toSeconds();
    }
}
