package io.mediamonitor.tools.evaluation;

import io.mediamonitor.alerts.detect.DetectorConfig;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The backtest behind {@code media-monitor evaluate}: simulated terms at rate levels from rare to busy,
 * bursts of known start, size and shape, traps that must not alert, fed window update by window update
 * through the same API the topology uses; our detector as configured against four baselines tuned to the
 * same false-alarm budget on a separate tuning world, scored on several test worlds pooled.
 */
public final class Evaluation {

    public static final String OURS = "ours (NB tail + CUSUM)";

    private Evaluation() {
    }

    public static Report run(EvaluationConfig cfg, PrintStream progress) {
        return run(cfg, DetectorConfig.defaults(), progress);
    }

    /** The same with another detector configuration (window sizes and scored count apply to all). */
    public static Report run(EvaluationConfig cfg, DetectorConfig detector, PrintStream progress) {
        long began = System.nanoTime();
        long origin = World.T0;
        long scoredFrom = World.T0 + cfg.warmupDays() * World.DAY;
        long end = World.T0 + cfg.days() * World.DAY;

        // 1. Tune the baselines on the tuning world.
        World tuningWorld = new World(cfg.tuningSeed(), cfg.days(), cfg.sources());
        ScenarioGenerator tuningGenerator = new ScenarioGenerator(tuningWorld, cfg.warmupDays(), cfg.drift());
        List<ScoredBaseline> baselines = new ArrayList<>(BaselineModels.all(detector));
        baselines.addAll(Oracles.all(detector, new ScoredCounts(tuningWorld, detector)));
        List<Calibration> calibrations = new ArrayList<>();
        for (ScoredBaseline b : baselines) {
            calibrations.add(new Calibration(b, origin, scoredFrom, end, detector.advanceMs()));
        }
        int buckets = (int) ((end - origin) / detector.advanceMs());
        for (double level : cfg.rateLevels()) {
            for (int i = 0; i < cfg.termsPerLevel(); i++) {
                TermScenario s = tuningGenerator.generate(cfg.tuningSeed(), i, level);
                TermFeed feed = new TermFeed(s, tuningWorld, detector);
                for (int b = 0; b < baselines.size(); b++) {
                    double[] trace = new double[buckets];
                    feed.play(baselines.get(b).tracing(s, origin, trace, origin));
                    calibrations.get(b).add(s, trace);
                }
            }
            progress.printf(Locale.ROOT, "tuning world: level %s done%n", level);
        }
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(new OurDetector(OURS, detector));
        List<String> thresholds = new ArrayList<>();
        thresholds.add(String.format(Locale.ROOT, "%s: -log10 p >= %.1f (%.2f for windows expecting %.1f stories, "
                        + "back to %.1f %.1f decades below and to %.1f as far above), CUSUM h = %.1f over %d "
                        + "windows, on distinct stories at most %d per outlet, with the term's daily rhythm "
                        + "(%s, not tuned in this run)", OURS,
                detector.spikeScore(), detector.spikeScoreAt(detector.midRangeMean()), detector.midRangeMean(),
                detector.spikeScore(), detector.midRangeDecades(), detector.spikeScore() * detector.busyScoreShare(),
                detector.cusumThreshold(), detector.cusumHorizon(), detector.storiesPerSource(),
                detector.equals(DetectorConfig.defaults()) ? "the shipped defaults" : "as configured"));
        for (int b = 0; b < baselines.size(); b++) {
            double t = calibrations.get(b).tune(cfg.falseAlarmBudget());
            ScoredBaseline tuned = baselines.get(b).withThreshold(t);
            candidates.add(tuned);
            thresholds.add(Oracles.isOracle(tuned.name())
                    ? String.format(Locale.ROOT, "%s: %.2f", tuned.name(), t)
                    : String.format(Locale.ROOT, "%s: %.2f (default %.0f)", tuned.name(), t,
                    baselines.get(b).threshold()));
        }
        progress.println("tuned: " + String.join("; ", thresholds));

        // 2. Score every detector on the test worlds, term by term, on identical feeds; pool the worlds.
        Map<String, Map<Double, Tally>> tallies = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            tallies.put(c.name(), new LinkedHashMap<>());
        }
        List<Report.SeedResult> perSeed = new ArrayList<>();
        for (long seed : cfg.testSeeds()) {
            World testWorld = new World(seed, cfg.days(), cfg.sources());
            ScenarioGenerator testGenerator = new ScenarioGenerator(testWorld, cfg.warmupDays(), cfg.drift());
            Tally oursInThisWorld = new Tally();
            for (double level : cfg.rateLevels()) {
                for (int i = 0; i < cfg.termsPerLevel(); i++) {
                    TermScenario s = testGenerator.generate(seed, i, level);
                    TermFeed feed = new TermFeed(s, testWorld, detector);
                    for (Candidate c : candidates) {
                        List<Candidate.Opened> opened = feed.play(c.start(s, origin));
                        Tally one = new Tally();
                        one.add(s, opened, scoredFrom, end, detector.advanceMs());
                        tallies.get(c.name()).computeIfAbsent(level, l -> new Tally()).merge(one);
                        if (c.name().equals(OURS)) {
                            oursInThisWorld.merge(one);
                        }
                    }
                }
            }
            perSeed.add(Report.SeedResult.of(seed, oursInThisWorld));
            progress.printf(Locale.ROOT, "test world %d done (%.0f s)%n", seed, (System.nanoTime() - began) / 1e9);
        }

        List<Report.Row> rows = new ArrayList<>();
        Map<String, Tally> totals = new LinkedHashMap<>();
        for (Map.Entry<String, Map<Double, Tally>> e : tallies.entrySet()) {
            if (Oracles.isOracle(e.getKey())) {
                continue; // in the table of their own
            }
            Tally all = new Tally();
            for (Map.Entry<Double, Tally> l : e.getValue().entrySet()) {
                rows.add(Report.Row.of(e.getKey(), levelName(l.getKey()), l.getValue()));
                all.merge(l.getValue());
            }
            rows.add(Report.Row.of(e.getKey(), "all", all));
            totals.put(e.getKey(), all);
        }
        List<Report.Goal> goals = goals(totals.get(OURS), cfg);
        List<SilenceEvaluation.Result> silence = SilenceEvaluation.run(cfg.testSeeds(), cfg.days(), cfg.warmupDays(),
                60);
        List<Report.OracleRow> againstOracles = new ArrayList<>();
        for (double level : cfg.rateLevels()) {
            againstOracles.add(Report.OracleRow.of(levelName(level), Tally.Band.of(level),
                    tallies.get(OURS).get(level), tallies.get(Oracles.SPIKE).get(level),
                    tallies.get(Oracles.SPIKE_DRIFT).get(level), tallies.get(Oracles.SPIKE_FOLLOWING).get(level),
                    tallies.get(Oracles.RISE).get(level), tallies.get(Oracles.RISE_DRIFT).get(level)));
        }
        Map<String, Double> oracleFalseAlarms = new LinkedHashMap<>();
        for (String oracle : Oracles.NAMES) {
            Tally all = new Tally();
            tallies.get(oracle).values().forEach(all::merge);
            oracleFalseAlarms.put(oracle, all.falseAlarmsPerTermDay());
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        progress.printf(Locale.ROOT, "evaluation done in %.0f s%n", seconds);
        return new Report(cfg, rows, goals, perSeed, thresholds, againstOracles, oracleFalseAlarms, silence,
                seconds);
    }

    private static List<Report.Goal> goals(Tally ours, EvaluationConfig cfg) {
        List<Report.Goal> goals = new ArrayList<>();
        double fa = ours.falseAlarmsPerTermDay();
        goals.add(Report.Goal.judged("false alarms per term-day", fa, "≤ " + cfg.falseAlarmBudget(),
                fa <= cfg.falseAlarmBudget()));
        goals.add(Report.Goal.judged("rare terms (≤ 0.1 stories/h): spikes of ≥ 5 sources found within one advance "
                + "of being detectable", ours.group(Tally.Band.RARE, Tally.WIDE_SPIKES), "≥ 0.95", 0.95));
        goals.add(Report.Goal.judged("busy terms (≥ 10 stories/h): sustained doublings (6-12 h and permanent) found",
                ours.group(Tally.Band.BUSY, Tally.DOUBLINGS), "≥ 0.80", 0.80));
        goals.add(Report.Goal.judged("precision", new int[] {ours.alerts, ours.matchedAlerts}, "≥ 0.90", 0.90));
        goals.add(Report.Goal.judged("alerts per burst", ours.alertsPerBurst(), "≤ 1.2",
                ours.alertsPerBurst() <= 1.2));
        int single = ours.trapAlerts(InjectedEvent.Kind.SINGLE_OUTLET);
        goals.add(Report.Goal.judged("alerts on single-outlet repetition", single, "0", single == 0));
        goals.add(Report.Goal.reported("busy terms: 6-12 h doublings found", ours.group(Tally.Band.BUSY, Tally.STEPS)));
        goals.add(Report.Goal.reported("busy terms: permanent doublings found (one alert within 2 days)",
                ours.group(Tally.Band.BUSY, Tally.PERMANENT)));
        goals.add(Report.Goal.reported("terms between rare and busy: spikes of ≥ 5 sources found within one advance",
                ours.group(Tally.Band.MEDIUM, Tally.WIDE_SPIKES)));
        goals.add(Report.Goal.reported("terms between rare and busy: sustained doublings found",
                ours.group(Tally.Band.MEDIUM, Tally.DOUBLINGS)));
        return goals;
    }

    private static String levelName(double level) {
        return level == Math.rint(level) ? String.format(Locale.ROOT, "%.0f", level) : String.valueOf(level);
    }
}
