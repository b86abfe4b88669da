package io.mediamonitor.tools.evaluation;

import io.mediamonitor.tools.evaluation.InjectedEvent.Kind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Outcomes of one detector on one group of terms: which injected bursts it found and how fast, and what
 * else it alerted on. Alerts are matched to an event when raised between its first article and 90 minutes
 * after its last (window plus grace); alerts in the warm-up are not scored.
 */
public final class Tally {

    static final long MATCH_SLACK = 90 * World.MINUTE;

    final Map<Kind, int[]> events = new EnumMap<>(Kind.class); // kind -> {count, detected, fast}
    final List<Double> delaysMinutes = new ArrayList<>();
    final List<Double> lagsMinutes = new ArrayList<>();
    final Map<Kind, Integer> trapAlerts = new EnumMap<>(Kind.class);
    int alerts;
    int matchedAlerts;
    int detected;
    int falseAlarms;
    double termDays;
    /** Goal-specific groups of events: name -> {events, hits}. */
    final Map<String, int[]> groups = new java.util.TreeMap<>();

    /** Spikes of at least 5 outlets, found within one advance of being detectable. */
    static final String WIDE_SPIKES = "spikes";
    /** Spikes of at least 5 outlets, at any rate level, found at all (what the oracle comparison counts). */
    static final String SPIKES_FOUND = "spikes found";
    /** Doublings that last: 6-12 h steps and permanent ones, found at all. */
    static final String DOUBLINGS = "doublings";
    static final String STEPS = "steps";
    static final String PERMANENT = "permanent";

    /**
     * How busy a term is, for the goals: rare is "about 0" (at most 0.1 stories an hour, under 3 a day),
     * busy is at least 10 an hour; the levels between are reported, not judged.
     */
    enum Band {
        RARE, MEDIUM, BUSY;

        static Band of(double level) {
            return level <= 0.1 ? RARE : level >= 10 ? BUSY : MEDIUM;
        }
    }

    /** Events and hits of one group in one band. */
    int[] group(Band band, String name) {
        return groups.getOrDefault(band + "/" + name, new int[2]);
    }

    private void count(Band band, String name, boolean hit) {
        int[] g = groups.computeIfAbsent(band + "/" + name, k -> new int[2]);
        g[0]++;
        g[1] += hit ? 1 : 0;
    }

    /** Scores one term's alert openings against its injected events. */
    void add(TermScenario s, List<Candidate.Opened> opened, long scoredFrom, long end, long advanceMs) {
        termDays += (double) (end - scoredFrom) / World.DAY;
        List<InjectedEvent> scored = s.events().stream().filter(e -> e.start() >= scoredFrom).toList();
        int[] alertsPerEvent = new int[scored.size()];
        long[] firstAlert = new long[scored.size()];
        java.util.Arrays.fill(firstAlert, Long.MAX_VALUE);
        for (Candidate.Opened o : opened) {
            if (o.at() < scoredFrom) {
                continue;
            }
            alerts++;
            int match = -1;
            for (int i = 0; i < scored.size(); i++) {
                InjectedEvent e = scored.get(i);
                if (o.at() >= e.start() && o.at() <= e.end() + MATCH_SLACK
                        && (match < 0 || e.kind().positive() && !scored.get(match).kind().positive())) {
                    match = i;
                }
            }
            if (match >= 0 && scored.get(match).kind().positive()) {
                matchedAlerts++;
                alertsPerEvent[match]++;
                firstAlert[match] = Math.min(firstAlert[match], o.at());
            } else {
                falseAlarms++;
                if (match >= 0) {
                    trapAlerts.merge(scored.get(match).kind(), 1, Integer::sum);
                }
            }
        }
        Band band = Band.of(s.level());
        for (int i = 0; i < scored.size(); i++) {
            InjectedEvent e = scored.get(i);
            int[] c = events.computeIfAbsent(e.kind(), k -> new int[3]);
            c[0]++;
            if (!e.kind().positive()) {
                continue;
            }
            boolean found = firstAlert[i] != Long.MAX_VALUE;
            long lag = found && e.detectableAt() != Long.MAX_VALUE ? Math.max(0, firstAlert[i] - e.detectableAt()) : -1;
            boolean fast = found && lag >= 0 && lag <= advanceMs;
            if (found) {
                c[1]++;
                detected++;
                delaysMinutes.add((firstAlert[i] - e.start()) / (double) World.MINUTE);
                if (lag >= 0) {
                    lagsMinutes.add(lag / (double) World.MINUTE);
                }
            }
            if (fast) {
                c[2]++;
            }
            if (e.kind() == Kind.SPIKE && e.sources() >= 5 && ScenarioGenerator.rare(s.level())) {
                count(band, WIDE_SPIKES, fast);
            }
            if (e.kind() == Kind.SPIKE && e.sources() >= 5) {
                count(band, SPIKES_FOUND, found);
            }
            boolean doubling = e.kind() == Kind.STEP || e.kind() == Kind.PERMANENT_DOUBLING;
            if (doubling && !ScenarioGenerator.rare(s.level())) {
                count(band, DOUBLINGS, found);
                count(band, e.kind() == Kind.STEP ? STEPS : PERMANENT, found);
            }
        }
    }

    void merge(Tally o) {
        o.events.forEach((k, v) -> {
            int[] c = events.computeIfAbsent(k, x -> new int[3]);
            for (int i = 0; i < 3; i++) {
                c[i] += v[i];
            }
        });
        delaysMinutes.addAll(o.delaysMinutes);
        lagsMinutes.addAll(o.lagsMinutes);
        o.trapAlerts.forEach((k, v) -> trapAlerts.merge(k, v, Integer::sum));
        alerts += o.alerts;
        matchedAlerts += o.matchedAlerts;
        detected += o.detected;
        falseAlarms += o.falseAlarms;
        termDays += o.termDays;
        o.groups.forEach((k, v) -> {
            int[] g = groups.computeIfAbsent(k, x -> new int[2]);
            g[0] += v[0];
            g[1] += v[1];
        });
    }

    int positives() {
        int n = 0;
        for (Map.Entry<Kind, int[]> e : events.entrySet()) {
            if (e.getKey().positive()) {
                n += e.getValue()[0];
            }
        }
        return n;
    }

    double recall() {
        return positives() == 0 ? Double.NaN : (double) detected / positives();
    }

    double precision() {
        return alerts == 0 ? Double.NaN : (double) matchedAlerts / alerts;
    }

    double falseAlarmsPerTermDay() {
        return termDays == 0 ? Double.NaN : falseAlarms / termDays;
    }

    double alertsPerBurst() {
        return detected == 0 ? Double.NaN : (double) matchedAlerts / detected;
    }

    int trapAlerts(Kind kind) {
        return trapAlerts.getOrDefault(kind, 0);
    }

    static double quantile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
