package io.mediamonitor.alerts.evaluation;

import io.mediamonitor.alerts.evaluation.InjectedEvent.Kind;

import java.util.List;
import java.util.Locale;

/**
 * What {@link Evaluation#run} measured on the test world: one row per detector and rate level (plus one
 * over all levels), the goals checked for our detector, the tuned thresholds of the baselines and the
 * silence detector's results.
 *
 * @param config     the run
 * @param rows       detector x level
 * @param goals      our detector against the targets
 * @param thresholds "name = threshold" of every detector as run
 * @param silence    silence detector on simulated feeds
 * @param seconds    wall-clock seconds of the run
 */
public record Report(EvaluationConfig config, List<Row> rows, List<Goal> goals, List<String> thresholds,
                     SilenceEvaluation.Result silence, double seconds) {

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
     * A target and whether our detector met it on the test world; {@code met} is null for a figure reported
     * beside the goals without a target of its own.
     */
    public record Goal(String name, double value, String target, Boolean met) {

        static Goal judged(String name, double value, String target, boolean met) {
            return new Goal(name, value, target, met);
        }

        static Goal reported(String name, double value) {
            return new Goal(name, value, "–", null);
        }
    }

    /** Whether every judged goal was met. */
    public boolean goalsMet() {
        return goals.stream().allMatch(g -> g.met() == null || g.met());
    }

    public Row row(String detector, String level) {
        return rows.stream().filter(r -> r.detector().equals(detector) && r.level().equals(level)).findFirst()
                .orElseThrow();
    }

    public String toMarkdownTable() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT,
                "World \"%s\" (news drift of variance %.2f-%.2f per term, correlation time %.0f min): %d terms per "
                        + "level x %d days (%d warm-up days not scored), seeds tuning=%d test=%d, %d outlets; baselines "
                        + "tuned to %.3f false alarms per term-day on the tuning world; run took %.0f s.%n%n",
                config.world(), config.drift().minVariance(), config.drift().maxVariance(),
                config.drift().correlationMinutes(), config.termsPerLevel(), config.days(), config.warmupDays(),
                config.tuningSeed(), config.testSeed(), config.sources(), config.falseAlarmBudget(), seconds));
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
        b.append("| goal (our detector, test world) | measured | target | met |\n|---|---:|---|---|\n");
        for (Goal g : goals) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", g.name(), f3(g.value()), g.target(),
                    g.met() == null ? "(reported)" : g.met() ? "yes" : "**no**"));
        }
        if (silence != null) {
            b.append(String.format(Locale.ROOT,
                    "%nSilence: %d simulated feeds, %d outages, %d alerted during the outage (recall %s), "
                            + "%d false silence alerts in %.0f feed-days, median %.1f h from the last article to "
                            + "the alert, %d resolved on resumption.%n",
                    silence.sources(), silence.outages(), silence.found(),
                    f2(silence.outages() == 0 ? Double.NaN : (double) silence.found() / silence.outages()),
                    silence.falseAlerts(), silence.sourceDays(), silence.medianDelayH(), silence.resolved()));
        }
        return b.toString();
    }

    private static String f0(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.0f", v);
    }

    private static String f2(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String f3(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }
}
