package io.mediamonitor.tools.evaluation;

import io.mediamonitor.alerts.detect.SilenceConfig;

import io.mediamonitor.tools.evaluation.InjectedEvent.Kind;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@link Evaluation#run} measured on the test worlds, pooled: one row per detector and rate level (plus
 * one over all levels), the goals checked for our detector, its main figures per test world (how much they
 * vary between worlds), the tuned thresholds of the baselines and the silence detector's results.
 *
 * @param config     the run
 * @param rows       detector x level
 * @param goals      our detector against the targets, on the pooled test worlds
 * @param perSeed    our detector's goal figures in each test world alone
 * @param thresholds "name = threshold" of every detector as run
 * @param againstOracles our detector against the oracles, level by level
 * @param oracleFalseAlarms each oracle's false alarms per term-day on the test worlds
 * @param silence    the silence detectors on simulated outlets of every test seed, ours first
 * @param seconds    wall-clock seconds of the run
 */
public record Report(EvaluationConfig config, List<Row> rows, List<Goal> goals, List<SeedResult> perSeed,
                     List<String> thresholds, List<OracleRow> againstOracles, Map<String, Double> oracleFalseAlarms,
                     List<SilenceEvaluation.Result> silence, double seconds) {

    /** Ours against the oracle's recall, for spikes of ≥ 5 sources and for sustained doublings. */
    static final double SPIKES_OF_ORACLE = 0.9;
    static final double DOUBLINGS_OF_ORACLE = 0.8;

    /**
     * One rate level: {events, hits} of spikes of at least 5 sources found, and of sustained doublings found
     * (none at the rare levels, whose rises are additive), for ours, the oracle that knows the rate, the one that
     * knows the drift too and (spikes) the one that follows the drift.
     */
    public record OracleRow(String level, int[] spikesOurs, int[] spikesOracle, int[] spikesOracleKnowingDrift,
                            int[] spikesOracleFollowingDrift, int[] doublingsOurs, int[] doublingsOracle,
                            int[] doublingsOracleKnowingDrift) {

        static OracleRow of(String level, Tally.Band band, Tally ours, Tally spikeOracle, Tally spikeOracleDrift,
                            Tally spikeOracleFollowing, Tally riseOracle, Tally riseOracleDrift) {
            return new OracleRow(level, ours.group(band, Tally.SPIKES_FOUND),
                    spikeOracle.group(band, Tally.SPIKES_FOUND), spikeOracleDrift.group(band, Tally.SPIKES_FOUND),
                    spikeOracleFollowing.group(band, Tally.SPIKES_FOUND),
                    ours.group(band, Tally.DOUBLINGS), riseOracle.group(band, Tally.DOUBLINGS),
                    riseOracleDrift.group(band, Tally.DOUBLINGS));
        }

        /** Our recall as a share of the oracle's; NaN when there was nothing to find or it found nothing. */
        static double ratio(int[] ours, int[] oracle) {
            double o = share(oracle);
            return o > 0 ? share(ours) / o : Double.NaN;
        }

        double spikeRatio() {
            return ratio(spikesOurs, spikesOracle);
        }

        double doublingRatio() {
            return ratio(doublingsOurs, doublingsOracle);
        }

        /** Met, or nothing to judge (no such bursts at this level, or the oracle itself found none). */
        boolean spikesMet() {
            return Double.isNaN(spikeRatio()) || spikeRatio() >= SPIKES_OF_ORACLE - 1e-9;
        }

        boolean doublingsMet() {
            return Double.isNaN(doublingRatio()) || doublingRatio() >= DOUBLINGS_OF_ORACLE - 1e-9;
        }
    }

    /**
     * Our detector's goal figures in one test world.
     *
     * @param seed           the world's seed
     * @param falseAlarmsPerTermDay alerts that matched no burst
     * @param rareWideSpikes rare-term spikes of at least 5 sources found within one advance
     * @param busyDoublings  busy-term sustained doublings found
     * @param precision      alerts that matched a burst
     * @param alertsPerBurst alerts per detected burst
     */
    public record SeedResult(long seed, double falseAlarmsPerTermDay, double rareWideSpikes, double busyDoublings,
                             double precision, double alertsPerBurst) {

        static SeedResult of(long seed, Tally t) {
            return new SeedResult(seed, t.falseAlarmsPerTermDay(),
                    share(t.group(Tally.Band.RARE, Tally.WIDE_SPIKES)),
                    share(t.group(Tally.Band.BUSY, Tally.DOUBLINGS)), t.precision(), t.alertsPerBurst());
        }
    }

    /**
     * @param detector        name
     * @param level           stories per hour, or "all"
     * @param termDays        term-days scored
     * @param bursts          injected positive bursts
     * @param recall          bursts alerted on
     * @param fastRecall      bursts alerted on within one window advance of becoming detectable (3 stories, 3 sources)
     * @param precision       alerts that matched a burst
     * @param falseAlarmsPerTermDay alerts that matched none
     * @param medianDelayMin  minutes from burst start to its first alert
     * @param p90DelayMin     90th percentile of that
     * @param alertsPerBurst  alerts per detected burst
     * @param singleOutlet    alerts on one outlet repeating a story
     * @param liveBlog        alerts on one outlet writing many stories alone
     * @param wire            alerts on one syndicated wire story
     * @param late            alerts on a batch of late articles
     */
    public record Row(String detector, String level, double termDays, int bursts, double recall, double fastRecall,
                      double precision, double falseAlarmsPerTermDay, double medianDelayMin, double p90DelayMin,
                      double alertsPerBurst, int singleOutlet, int liveBlog, int wire, int late) {

        static Row of(String detector, String level, Tally t) {
            int fast = t.events.entrySet().stream().filter(e -> e.getKey().positive())
                    .mapToInt(e -> e.getValue()[2]).sum();
            int bursts = t.positives();
            return new Row(detector, level, t.termDays, bursts, t.recall(),
                    bursts == 0 ? Double.NaN : (double) fast / bursts, t.precision(), t.falseAlarmsPerTermDay(),
                    Tally.quantile(t.delaysMinutes, 0.5), Tally.quantile(t.delaysMinutes, 0.9), t.alertsPerBurst(),
                    t.trapAlerts(Kind.SINGLE_OUTLET), t.trapAlerts(Kind.LIVE_BLOG), t.trapAlerts(Kind.WIRE),
                    t.trapAlerts(Kind.LATE_BATCH));
        }
    }

    /**
     * A target and whether our detector met it on the test worlds; {@code met} is null for a figure reported
     * beside the goals without a target of its own. {@code interval} is the 95 % Wilson interval of a share
     * ("0.80–0.87"), or empty for figures that are not shares.
     */
    public record Goal(String name, double value, String interval, String target, Boolean met) {

        static Goal judged(String name, double value, String target, boolean met) {
            return new Goal(name, value, "", target, met);
        }

        static Goal judged(String name, int[] hitsOf, String target, double atLeast) {
            double share = share(hitsOf);
            return new Goal(name, share, wilson(hitsOf), target, share >= atLeast);
        }

        static Goal reported(String name, int[] hitsOf) {
            return new Goal(name, share(hitsOf), wilson(hitsOf), "–", null);
        }
    }

    /** {events, hits} as a share, NaN when there were no events. */
    static double share(int[] hitsOf) {
        return hitsOf[0] == 0 ? Double.NaN : (double) hitsOf[1] / hitsOf[0];
    }

    /**
     * 95 % Wilson score interval of {hits} out of {events}, its ends rounded outwards so that a bound printed
     * at a target does not pass for one that reaches it. Events of one term are not quite independent, so read
     * it as a little narrow.
     */
    static String wilson(int[] hitsOf) {
        int n = hitsOf[0];
        if (n == 0) {
            return "";
        }
        double z = 1.96;
        double p = (double) hitsOf[1] / n;
        double denominator = 1 + z * z / n;
        double centre = (p + z * z / (2.0 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denominator;
        double low = Math.floor(Math.max(0, centre - half) * 100) / 100;
        double high = Math.ceil(Math.min(1, centre + half) * 100) / 100;
        return String.format(Locale.ROOT, "%.2f–%.2f", low, high);
    }

    /** Whether every judged goal was met. */
    public boolean goalsMet() {
        return goals.stream().allMatch(g -> g.met() == null || g.met())
                && againstOracles.stream().allMatch(r -> r.spikesMet() && r.doublingsMet());
    }

    public Row row(String detector, String level) {
        return rows.stream().filter(r -> r.detector().equals(detector) && r.level().equals(level)).findFirst()
                .orElseThrow();
    }

    public String toMarkdownTable() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT,
                "World \"%s\" (news drift of variance %.2f-%.2f per term, correlation time %.0f min): %d terms per "
                        + "level x %d days (%d warm-up days not scored), seeds tuning=%d test=%s (pooled), %d outlets; "
                        + "baselines tuned to %.3f false alarms per term-day on the tuning world; run took %.0f s.%n%n",
                config.world(), config.drift().minVariance(), config.drift().maxVariance(),
                config.drift().correlationMinutes(), config.termsPerLevel(), config.days(), config.warmupDays(),
                config.tuningSeed(), config.testSeeds().stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(",")), config.sources(),
                config.falseAlarmBudget(), seconds));
        b.append("| detector | stories/h | bursts | recall | recall ≤1 advance | precision | false alarms/term-day "
                + "| median delay (min) | p90 delay (min) | alerts/burst | single-outlet | live blog | wire | late |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %d | %d | %d | %d |%n",
                    r.level().equals("all") ? "**" + r.detector() + "**" : r.detector(),
                    r.level().equals("all") ? "**all**" : r.level(), r.bursts(), f2(r.recall()), f2(r.fastRecall()),
                    f2(r.precision()), f3(r.falseAlarmsPerTermDay()), f0(r.medianDelayMin()), f0(r.p90DelayMin()),
                    f2(r.alertsPerBurst()), r.singleOutlet(), r.liveBlog(), r.wire(), r.late()));
        }
        b.append("\nThresholds as run: ").append(String.join("; ", thresholds)).append(".\n\n");
        b.append("| goal (our detector, test worlds pooled) | measured | 95 % interval | target | met |\n"
                + "|---|---:|---:|---|---|\n");
        for (Goal g : goals) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", g.name(), f3(g.value()), g.interval(),
                    g.target(),
                    g.met() == null ? "(reported)" : g.met() ? "yes" : "**no**"));
        }
        if (!againstOracles.isEmpty()) {
            b.append(String.format(Locale.ROOT, "%nOur detector against the oracles (test worlds pooled; goals: spikes "
                    + "≥ %.1f × and sustained doublings ≥ %.1f × the oracle that knows the rate):%n%n",
                    SPIKES_OF_ORACLE, DOUBLINGS_OF_ORACLE));
            b.append("| stories/h | spikes ≥ 5 sources | found: ours | oracle, knows the rate | ours / oracle | met "
                    + "| oracle, follows the drift | oracle, knows the drift too | sustained doublings | found: ours "
                    + "| oracle, knows the rate | ours / oracle | met | oracle, knows the drift too |\n"
                    + "|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---|---:|\n");
            for (OracleRow r : againstOracles) {
                b.append(String.format(Locale.ROOT,
                        "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                        r.level(), r.spikesOurs()[0], f2(share(r.spikesOurs())), f2(share(r.spikesOracle())),
                        f2(r.spikeRatio()), met(r.spikesOurs(), r.spikesMet()),
                        f2(share(r.spikesOracleFollowingDrift())), f2(share(r.spikesOracleKnowingDrift())),
                        r.doublingsOurs()[0] == 0 ? "–" : String.valueOf(r.doublingsOurs()[0]),
                        f2(share(r.doublingsOurs())), f2(share(r.doublingsOracle())), f2(r.doublingRatio()),
                        met(r.doublingsOurs(), r.doublingsMet()), f2(share(r.doublingsOracleKnowingDrift()))));
            }
            b.append("\nThe oracles' false alarms per term-day on the test worlds: ");
            b.append(oracleFalseAlarms.entrySet().stream()
                    .map(e -> e.getKey() + " " + f3(e.getValue()))
                    .collect(java.util.stream.Collectors.joining("; "))).append(".\n");
        }
        if (perSeed.size() > 1) {
            b.append("\n| our detector, each test world alone | false alarms/term-day | rare spikes ≤1 advance "
                    + "| busy doublings | precision | alerts/burst |\n|---|---:|---:|---:|---:|---:|\n");
            for (SeedResult r : perSeed) {
                b.append(String.format(Locale.ROOT, "| seed %d | %s | %s | %s | %s | %s |%n", r.seed(),
                        f3(r.falseAlarmsPerTermDay()), f2(r.rareWideSpikes()), f2(r.busyDoublings()),
                        f2(r.precision()), f2(r.alertsPerBurst())));
            }
        }
        if (silence != null && !silence.isEmpty()) {
            b.append(String.format(Locale.ROOT, "%nSilence, on simulated outlets with a day and a night (test seeds %s, "
                    + "%.0f outlet-days scored):%n%n", config.testSeeds(), silence.get(0).sourceDays));
            b.append("| silence detector | daytime outages found: outlets publishing every ≤ 30 min | 30 min–2 h | > 2 h "
                    + "| all daytime | night outages | stopped for good | false alerts per outlet-day "
                    + "| daytime: median delay | within 2 × the gap at that hour + 1 h | resolved before opened |\n"
                    + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (SilenceEvaluation.Result r : silence) {
                b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s h | %s | %d |%n",
                        r.detector,
                        f2(r.recall(SilenceEvaluation.Outage.DAY, SilenceEvaluation.Band.FREQUENT)),
                        f2(r.recall(SilenceEvaluation.Outage.DAY, SilenceEvaluation.Band.HOURLY)),
                        f2(r.recall(SilenceEvaluation.Outage.DAY, SilenceEvaluation.Band.SPARSE)),
                        f2(r.recall(SilenceEvaluation.Outage.DAY)), f2(r.recall(SilenceEvaluation.Outage.NIGHT)), f2(r.recall(SilenceEvaluation.Outage.FOR_GOOD)),
                        f4(r.falseAlertsPerSourceDay()), f2(r.medianDelayH()), f2(r.shareWithinTwoGapsAndAnHour()),
                        r.resolvedBeforeOpened));
            }
            SilenceEvaluation.Result any = silence.get(0);
            b.append(String.format(Locale.ROOT, "| oracle: knows each outlet's true rate, same budget | %s | %s | %s "
                            + "| %s | %s | %s | %s | %s h | %s | |%n",
                    f2(any.oracleRecall(SilenceEvaluation.Outage.DAY, SilenceEvaluation.Band.FREQUENT)),
                    f2(any.oracleRecall(SilenceEvaluation.Outage.DAY, SilenceEvaluation.Band.HOURLY)),
                    f2(any.oracleRecall(SilenceEvaluation.Outage.DAY, SilenceEvaluation.Band.SPARSE)),
                    f2(any.oracleRecall(SilenceEvaluation.Outage.DAY)), f2(any.oracleRecall(SilenceEvaluation.Outage.NIGHT)),
                    f2(any.oracleRecall(SilenceEvaluation.Outage.FOR_GOOD)),
                    f4(SilenceConfig.defaults().falseAlarmsPerSourceDay()), f2(any.oracleMedianDelayH(null)),
                    f2(any.oracleShareWithinTwoGapsAndAnHour())));
            b.append(String.format(Locale.ROOT, "%nDaytime outages found, by how often the outlet publishes: median "
                    + "delay, and the share reported within twice the expected gap at that hour plus an hour (the "
                    + "goal asks it of the median):%n%n"));
            b.append("| silence detector | every ≤ 30 min: median delay | within the goal's delay "
                    + "| 30 min–2 h: median delay | within | > 2 h: median delay | within |\n"
                    + "|---|---:|---:|---:|---:|---:|---:|\n");
            for (SilenceEvaluation.Result r : silence) {
                b.append("| ").append(r.detector);
                for (SilenceEvaluation.Band band : SilenceEvaluation.Band.values()) {
                    b.append(String.format(Locale.ROOT, " | %s h | %s", f2(r.medianDelayH(band)),
                            f2(r.shareWithinTwoGapsAndAnHour(band))));
                }
                b.append(" |\n");
            }
            b.append("| oracle: knows each outlet's true rate, same budget");
            for (SilenceEvaluation.Band band : SilenceEvaluation.Band.values()) {
                b.append(String.format(Locale.ROOT, " | %s h | %s", f2(any.oracleMedianDelayH(band)),
                        f2(any.oracleShareWithinTwoGapsAndAnHour(band))));
            }
            b.append(" |\n");
        }
        return b.toString();
    }

    private static String met(int[] events, boolean met) {
        return events[0] == 0 ? "" : met ? "yes" : "**no**";
    }

    private static String f0(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.0f", v);
    }

    private static String f2(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String f4(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String f3(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }
}
