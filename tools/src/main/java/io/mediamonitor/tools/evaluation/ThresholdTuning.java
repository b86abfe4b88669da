package io.mediamonitor.tools.evaluation;

import io.mediamonitor.alerts.detect.DetectorConfig;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rule our busy-side thresholds were chosen by, as a run anyone can repeat: our detector alone, at each pair
 * of the shock test's busy share ({@link DetectorConfig#busyScoreShare}) and the rise test's h
 * ({@link DetectorConfig#cusumThreshold}), on tuning worlds pooled; the pick is the pair that finds the most
 * bursts within the false-alarm budget. Tuning worlds are never test worlds, so the pick says nothing the test
 * worlds have taught it. Several tuning worlds instead of one: a world holds 24 terms per level, so one world's
 * false alarms move by one or two between neighbouring pairs, and a rule on one world follows that noise.
 */
public final class ThresholdTuning {

    /** The default tuning worlds: the seed the baselines are tuned on, and the next primes below the test seeds. */
    public static final List<Long> DEFAULT_SEEDS = List.of(11L, 13L, 17L, 19L);
    public static final List<Double> DEFAULT_BUSY_SHARES = List.of(0.88, 0.90, 0.92, 0.94);
    public static final List<Double> DEFAULT_RISE_THRESHOLDS = List.of(6.0, 6.5, 7.0);

    /** One pair of thresholds tried. */
    public record Thresholds(double busyShare, double riseThreshold) {
    }

    /**
     * What one pair did on the tuning worlds pooled.
     *
     * @param busySpikes     spikes of at least 5 outlets on busy terms: {events, found}
     * @param busyDoublings  sustained doublings on busy terms: {events, found}
     */
    public record Outcome(Thresholds thresholds, double falseAlarmsPerTermDay, int falseAlarms, int found,
                          int bursts, int[] busySpikes, int[] busyDoublings) {

        boolean withinBudget(double budget) {
            return falseAlarmsPerTermDay <= budget + 1e-12;
        }
    }

    private ThresholdTuning() {
    }

    /**
     * Runs every pair of {@code busyShares} × {@code riseThresholds} on the worlds of {@code seeds} (the shape of
     * {@code cfg}: levels, terms, days, drift), on as many threads as there are processors.
     */
    public static List<Outcome> run(EvaluationConfig cfg, List<Long> seeds, DetectorConfig detector,
                                    List<Double> busyShares, List<Double> riseThresholds, PrintStream progress) {
        List<Long> clashing = seeds.stream().filter(cfg.testSeeds()::contains).toList();
        if (seeds.isEmpty() || !clashing.isEmpty()) {
            throw new IllegalArgumentException("tuning seeds must be given and differ from the test seeds "
                    + cfg.testSeeds() + (clashing.isEmpty() ? "" : "; both: " + clashing));
        }
        List<Thresholds> pairs = new ArrayList<>();
        List<DetectorConfig> configs = new ArrayList<>();
        for (double share : busyShares) {
            for (double h : riseThresholds) {
                pairs.add(new Thresholds(share, h));
                // built here, so a value the detector refuses is reported before any world runs
                try {
                    configs.add(detector.with(b -> b.busyScoreShare(share).cusumThreshold(h)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "busy share %s with rise threshold %s: %s (a busy share lies between %s and 1)",
                            share, h, e.getMessage(), detector.midRangeShare()), e);
                }
            }
        }
        long began = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < pairs.size(); i++) {
                Thresholds pair = pairs.get(i);
                DetectorConfig config = configs.get(i);
                futures.add(pool.submit(() -> {
                    Outcome o = score(cfg, seeds, config, pair);
                    progress.printf(Locale.ROOT, "tuning: %d of %d pairs done (%.0f s)%n", done.incrementAndGet(),
                            pairs.size(), (System.nanoTime() - began) / 1e9);
                    return o;
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("tuning interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("tuning failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The pair that finds the most bursts within the budget (fewer false alarms on a tie), if any is within it. */
    public static Optional<Outcome> pick(List<Outcome> outcomes, double budget) {
        return outcomes.stream()
                .filter(o -> o.withinBudget(budget))
                .max(Comparator.comparingInt(Outcome::found)
                        .thenComparing(Comparator.comparingDouble(Outcome::falseAlarmsPerTermDay).reversed()));
    }

    /** The outcomes as a Markdown table, the rule's pick and the pair of {@code current} marked. */
    public static String toMarkdown(List<Outcome> outcomes, List<Long> seeds, double budget, DetectorConfig current) {
        Optional<Outcome> pick = pick(outcomes, budget);
        String currentMark = current.equals(DetectorConfig.defaults()) ? "shipped" : "as configured";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Our detector on the tuning worlds %s pooled (never test worlds), at "
                + "each busy-side shock threshold and rise threshold; the rule picks the pair that finds the most "
                + "bursts within %.3f false alarms per term-day.%n%n", seeds, budget));
        out.append("| busy share (threshold) | rise h | false alarms per term-day | bursts found | busy terms: "
                + "5-source spikes found | busy terms: sustained doublings found | within budget | |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (Outcome o : outcomes) {
            Thresholds t = o.thresholds();
            String mark = pick.filter(p -> p == o).isPresent() ? "**the rule's pick**" : "";
            if (t.busyShare() == current.busyScoreShare() && t.riseThreshold() == current.cusumThreshold()) {
                mark = mark.isEmpty() ? currentMark : mark + ", " + currentMark;
            }
            out.append(String.format(Locale.ROOT, "| %.2f (%.2f) | %.1f | %.4f (%d) | %d of %d | %d of %d | %d of %d "
                            + "| %s | %s |%n",
                    t.busyShare(), t.busyShare() * current.spikeScore(), t.riseThreshold(),
                    o.falseAlarmsPerTermDay(), o.falseAlarms(), o.found(), o.bursts(), o.busySpikes()[1],
                    o.busySpikes()[0], o.busyDoublings()[1], o.busyDoublings()[0],
                    o.withinBudget(budget) ? "yes" : "no", mark));
        }
        if (pick.isEmpty()) {
            out.append("\nNo pair is within the budget.\n");
        }
        return out.toString();
    }

    private static Outcome score(EvaluationConfig cfg, List<Long> seeds, DetectorConfig detector, Thresholds pair) {
        long scoredFrom = World.T0 + cfg.warmupDays() * World.DAY;
        long end = World.T0 + cfg.days() * World.DAY;
        OurDetector ours = new OurDetector(Evaluation.OURS, detector);
        Tally all = new Tally();
        for (long seed : seeds) {
            World world = new World(seed, cfg.days(), cfg.sources());
            ScenarioGenerator generator = new ScenarioGenerator(world, cfg.warmupDays(), cfg.drift());
            for (double level : cfg.rateLevels()) {
                for (int i = 0; i < cfg.termsPerLevel(); i++) {
                    TermScenario s = generator.generate(seed, i, level);
                    Tally one = new Tally();
                    one.add(s, new TermFeed(s, world, detector).play(ours.start(s, World.T0)), scoredFrom, end,
                            detector.advanceMs());
                    all.merge(one);
                }
            }
        }
        return new Outcome(pair, all.falseAlarmsPerTermDay(), all.falseAlarms, all.detected, all.positives(),
                all.group(Tally.Band.BUSY, Tally.SPIKES_FOUND).clone(),
                all.group(Tally.Band.BUSY, Tally.DOUBLINGS).clone());
    }
}
