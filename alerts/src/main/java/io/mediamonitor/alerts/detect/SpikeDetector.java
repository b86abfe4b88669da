package io.mediamonitor.alerts.detect;

import io.mediamonitor.model.AlertKind;
import io.mediamonitor.model.AlertStatus;
import io.mediamonitor.model.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * Explainable burst detection per term, as a pure function over a small state:
 * {@code evaluate(state, observation) -> (state', alert changes)}.
 *
 * <ul>
 *   <li>Scores distinct stories, the source with the most stories of its own counting for at most
 *       {@code storiesPerSource} of them and all sources for at most that many each on average
 *       ({@link DetectorConfig#scoredCount}), so one outlet repeating itself, one outlet writing a live blog
 *       or one wire story carried by twenty outlets is not a burst.</li>
 *   <li>Shock test on every update of a window: negative-binomial upper tail of the count against the
 *       term's baseline ({@link Baseline}), scaled by the window's total volume when known.</li>
 *   <li>Sustained-rise test: a one-sided CUSUM of the negative-binomial likelihood ratio for a doubling,
 *       over closed hourly windows that do not overlap.</li>
 *   <li>The baseline learns each window slot once, after it closed (end + grace); while the term is
 *       elevated it learns a clipped count, so the burst it alerts on does not become its normal. A closed
 *       window is final for alerting: later articles (up to enrich's lateness) only add to what the baseline
 *       learned from it ({@link LearnedWindow}).</li>
 *   <li>One burst, one alert id: OPEN, then ESCALATED when severity rises, UPDATED on a much larger count
 *       or a re-trigger within the cooldown, RESOLVED after consecutive closed windows back near normal.</li>
 * </ul>
 *
 * Windows with no record for the term count as zero: the enrich topology emits nothing for them.
 */
public final class SpikeDetector {

    private final DetectorConfig config;

    public SpikeDetector(DetectorConfig config) {
        this.config = config;
    }

    public DetectorConfig config() {
        return config;
    }

    /**
     * A term with no known history: the prior only, and no alert before {@code warmupWindows} of history
     * (what {@code evaluate(null, ...)} uses). Right for a cold start of the whole system.
     */
    public TermState initialState() {
        return TermState.initial(config);
    }

    /**
     * A term first seen now but watched since {@code watchedSince} (epoch ms), e.g. since the detector's
     * store was created: the windows since then had no mention and count as history, so a rare actor that
     * appears for the first time weeks after start-up can alert at once.
     */
    public TermState initialState(long watchedSince) {
        TermState s = TermState.initial(config);
        WorkingState w = new WorkingState(s);
        w.foldedUpTo = floorToAdvance(watchedSince) - config.advanceMs();
        w.streamTime = watchedSince;
        return w.freeze();
    }

    /**
     * One update of one window of one term. {@code state} may be null for a term never seen.
     */
    public Decision evaluate(TermState state, WindowObservation obs) {
        return evaluate(state, obs, null);
    }

    /**
     * One update of one window of one term, with what the baseline learned from that window when it closed
     * ({@code learned}, null when it has not closed or was not kept): a late update of a closed window brings
     * the baseline what the window gained since.
     */
    public Decision evaluate(TermState state, WindowObservation obs, LearnedWindow learned) {
        WorkingState w = new WorkingState(state == null ? initialState() : state);
        List<AlertChange> changes = new ArrayList<>(1);
        if (!w.seen()) {
            // History starts with the oldest window that can contain this article.
            w.foldedUpTo = floorToAdvance(obs.windowStart()) - config.windowSizeMs();
        }
        w.streamTime = Math.max(w.streamTime, obs.eventTime());
        long ringCapacityLimit = floorToAdvance(obs.windowStart()) - (long) config.ringSlots() * config.advanceMs();
        closeUpTo(obs.term(), w, Math.max(lastClosedSlot(w.streamTime), ringCapacityLimit), changes);
        int counted = config.scoredCount(obs.stories(), obs.sources(), obs.topSourceStories());
        if (floorToAdvance(obs.windowStart()) <= w.foldedUpTo) {
            // Past its grace the window is final for alerting: what it gains now only fills the baseline. Tested
            // now, it would be judged against a baseline whose other windows may still be waiting for the same
            // late articles (a feed's history read at start-up), which reads ordinary coverage as a burst.
            if (learned != null) {
                backfill(w, obs, counted, learned);
            }
        } else {
            record(w, obs, counted);
            test(w, obs, counted, changes);
        }
        return new Decision(w.freeze(), changes, w.learned);
    }

    /**
     * Advances a term's clock without a new record: closes windows, learns from them, and resolves an alert
     * whose burst has passed. The topology calls it from a punctuator, since a rare term that went quiet
     * sends no records that could resolve its alert.
     */
    public Decision tick(String term, TermState state, long streamTime) {
        if (state == null || !state.seen()) {
            return new Decision(state == null ? initialState() : state, List.of());
        }
        WorkingState w = new WorkingState(state);
        w.streamTime = Math.max(w.streamTime, streamTime);
        List<AlertChange> changes = new ArrayList<>(1);
        closeUpTo(term, w, lastClosedSlot(w.streamTime), changes);
        return new Decision(w.freeze(), changes, w.learned);
    }

    /** Expected count of a window at the given total volume (NaN: unknown), for display and tests. */
    public NegativeBinomial expected(TermState state, double totalVolume) {
        WorkingState w = new WorkingState(state == null ? initialState() : state);
        return Baseline.predictive(w, Baseline.volumeOrUsual(w, totalVolume),
                Baseline.rhythm(w, w.streamTime - config.windowSizeMs(), config), config);
    }

    /**
     * The breadth test: are this many distinct sources surprising too? Stops one outlet writing many stories
     * (stories rise, sources do not); the scored count already stops one story carried by many outlets.
     */
    private boolean broad(WorkingState w, double volume, double rhythm, int sources) {
        return Baseline.predictiveSources(w, volume, rhythm, config).score(sources) >= config.breadthScore();
    }

    private boolean warmedUp(WorkingState w) {
        return Baseline.historyWindows(w, config) >= config.warmupWindows();
    }

    private long floorToAdvance(long t) {
        return Math.floorDiv(t, config.advanceMs()) * config.advanceMs();
    }

    /** Start of the newest slot whose window has ended and whose grace has passed at {@code t}. */
    private long lastClosedSlot(long t) {
        return floorToAdvance(t - config.windowSizeMs() - config.graceMs());
    }

    /** Records the update of a window not learned yet. */
    private void record(WorkingState w, WindowObservation obs, int counted) {
        long slot = floorToAdvance(obs.windowStart());
        int i = (int) ((slot - w.foldedUpTo) / config.advanceMs()) - 1;
        if (i < 0 || i >= w.ringCounts.length) {
            return; // beyond the ring: tested, not learned
        }
        // Counts of a window only grow; updates may arrive out of order.
        w.ringCounts[i] = Math.max(w.ringCounts[i], counted);
        w.ringSources[i] = Math.max(w.ringSources[i], obs.sources());
        double covered = obs.volumeCoverage(w.streamTime);
        if (obs.hasVolume() && covered >= config.minVolumeCoverage()) {
            // Full-window volume estimated from the volume so far; the rhythm is smooth within an hour.
            w.ringVolumes[i] = (float) (obs.totalVolume() / covered);
        }
    }

    /**
     * A late update of a window the baseline learned already: the baseline takes in what the window gained
     * since (counts only grow), weighted as the window is weighted now, as if those articles had arrived in
     * time. The sums of counts, sources and volume are linear in each window, so this is what learning them in
     * order would have given; the dispersion keeps what it learned then. A window learned while the term was
     * elevated keeps its clipped counts.
     */
    private void backfill(WorkingState w, WindowObservation obs, int counted, LearnedWindow before) {
        long slot = floorToAdvance(obs.windowStart());
        if (before.windowStart() != slot || slot > w.foldedUpTo) {
            return;
        }
        double weight = Math.pow(config.discount(), (double) (w.foldedUpTo - slot) / config.advanceMs());
        int count = before.elevated() ? before.count() : Math.max(before.count(), counted);
        int sources = before.elevated() ? before.sources() : Math.max(before.sources(), obs.sources());
        double volume = before.volume();
        if (!Double.isNaN(volume) && obs.hasVolume() && obs.totalVolume() > volume) {
            double gained = obs.totalVolume() - volume; // the window has ended: its volume so far is its volume
            w.exposure += weight * before.exposurePerVolume() * gained;
            w.volumeMean += weight * before.meanPerVolume() * gained;
            volume = obs.totalVolume();
        }
        w.stories += weight * (count - before.count());
        w.sources += weight * (sources - before.sources());
        if (count != before.count() || sources != before.sources() || Double.compare(volume, before.volume()) != 0) {
            w.learned.add(before.grown(count, sources, volume));
        }
    }

    private void closeUpTo(String term, WorkingState w, long lastSlot, List<AlertChange> changes) {
        long pending = (lastSlot - w.foldedUpTo) / config.advanceMs();
        if (pending <= 0) {
            return;
        }
        long memory = (long) (config.forgetAfterHalfLives() * config.halfLifeMs() / config.advanceMs());
        if (pending > memory + w.ringCounts.length && w.ringEmpty()) {
            // A long silence: the oldest empty windows weigh less than 2^-14 by now; learn them in one step.
            long skipped = pending - memory;
            Baseline.learnEmpty(w, skipped, config);
            w.foldedUpTo += skipped * config.advanceMs();
            pending = memory;
        }
        for (long n = 0; n < pending; n++) {
            foldNext(term, w, changes);
        }
        expireCooldown(w);
    }

    private void foldNext(String term, WorkingState w, List<AlertChange> changes) {
        long slot = w.foldedUpTo + config.advanceMs();
        int count = Math.max(0, w.ringCounts[0]);
        int sources = w.ringSources[0];
        double fullVolume = w.ringVolumes[0];
        for (int i = 1; Double.isNaN(fullVolume) && i < w.ringVolumes.length; i++) {
            fullVolume = w.ringVolumes[i]; // the next windows overlap this one by most of their length
        }
        w.shiftRing();
        w.foldedUpTo = slot;

        double volume = Baseline.volumeOrUsual(w, fullVolume);
        double rhythm = Baseline.rhythm(w, slot, config);
        NegativeBinomial expected = Baseline.predictive(w, volume, rhythm, config);
        NegativeBinomial expectedSources = Baseline.predictiveSources(w, volume, rhythm, config);
        double mean = expected.mean();
        double sd = expected.sd();
        boolean warm = warmedUp(w);
        boolean elevated = warm && (w.alertActive()
                || expected.score(count) >= config.elevatedShare() * config.spikeScore());
        double learned = elevated ? Math.min(count, mean + config.clipSigmas() * sd) : count;
        double learnedSources = elevated
                ? Math.min(sources, expectedSources.mean() + config.clipSigmas() * expectedSources.sd()) : sources;
        // Until the mean is known, residuals measure the prior's error, not the term's dispersion.
        boolean firstVolume = Double.isNaN(w.volumeMean) && !Double.isNaN(fullVolume) && fullVolume > 0;
        double historyExposure = w.exposure;
        Baseline.learn(w, slot, learned, learnedSources, fullVolume, rhythm, expected, expectedSources, warm,
                config);
        // how exposure and the usual volume depend on this window's volume, should late articles add to it
        w.learned.add(new LearnedWindow(slot, count, sources, fullVolume, elevated,
                firstVolume ? config.discount() * historyExposure + 1 : 1,
                firstVolume ? 1 : 1 - config.discount()));

        if (!warm) {
            w.cusum = 0;
        } else if (Math.floorMod(slot, config.windowSizeMs()) == 0) {
            // News intensity drifts over hours: consecutive hours are correlated, which a CUSUM built for
            // independent windows would mistake for a rise. Inflate its variance by how much an AR(1), with
            // the lag-1 autocorrelation learned from the term's hourly residuals, inflates the variance of a
            // sum over the hours the CUSUM decides on. (Not learned while a rise builds up: a sustained rise
            // is itself a positive correlation.)
            double z = Baseline.clip((count - mean) / sd, config.robustSigmas());
            if (w.cusum < config.lagLearningShare() * config.cusumThreshold() && !w.alertActive()) {
                w.residualLag += (1 - config.discount()) * config.overlap() * (z * w.lastResidual - w.residualLag);
            }
            w.lastResidual = z;
            double inflate = varianceRatio(Math.max(0, Math.min(config.maxResidualLag(), w.residualLag)),
                    config.cusumHorizon());
            NegativeBinomial hourly = new NegativeBinomial(mean,
                    expected.dispersion() * inflate + (inflate - 1) / mean);
            w.cusum = Math.max(0, w.cusum + hourly.logLikelihoodRatio(count, config.cusumShift()));
            if (w.cusum >= config.cusumThreshold()) {
                // A rise carried by more outlets than usual, not by one outlet writing more.
                boolean broad = sources > expectedSources.mean();
                if (!w.alertActive() && broad && count >= config.minStories() && sources >= config.minSources()) {
                    String method = Explanations.cusumMethod(expected, w.cusum, config);
                    double score = w.cusum / Math.log(10);
                    w.cusum = 0;
                    trigger(term, w, AlertKind.SUSTAINED_RISE, slot, slot + config.windowSizeMs(),
                            slot + config.windowSizeMs(), count, sources, expected, score, method, changes);
                }
                // An open alert already covers the rise; keep the sum bounded.
                w.cusum = Math.min(w.cusum, config.cusumThreshold());
            }
        }

        if (w.alertActive()) {
            boolean recovered = true;
            if (w.alertKind == AlertKind.SUSTAINED_RISE) {
                // A rise is over when the hourly windows say "normal" more than "raised", sequentially.
                if (Math.floorMod(slot, config.windowSizeMs()) == 0) {
                    w.recovery = Math.max(0, w.recovery - expected.logLikelihoodRatio(count, config.cusumShift()));
                }
                recovered = w.recovery >= config.recoveryShare() * config.cusumThreshold();
            }
            if (count > mean + config.resolveSigmas() * sd) {
                w.quietWindows = 0;
            } else if (slot >= w.lastElevatedAt) {
                w.quietWindows++;
                if (recovered && w.quietWindows >= config.resolveQuietWindows()) {
                    long end = slot + config.windowSizeMs();
                    w.phase = TermState.AlertPhase.COOLING;
                    w.cusum = 0; // a rise is judged afresh after a resolution
                    w.resolvedAt = Math.max(end, w.streamTime);
                    w.revision++;
                    changes.add(change(term, w, AlertStatus.RESOLVED, slot, end, w.resolvedAt, count, sources,
                            expected, expected.score(count), Explanations.spikeMethod(expected, count, w.cusum,
                                    config)));
                }
            }
        }
    }

    private void test(WorkingState w, WindowObservation obs, int counted, List<AlertChange> changes) {
        // A window still filling has a partial volume, which scales its expected count down with it.
        double elapsed = obs.elapsedFraction(w.streamTime);
        if (elapsed < config.minElapsed()) {
            return; // too young to judge: the older windows that hold the same articles will be
        }
        double volume = Baseline.volumeOrUsual(w, obs.volumeAtCount(w.streamTime));
        double rhythm = Baseline.rhythm(w, obs.windowStart(), config);
        NegativeBinomial expected = Baseline.predictive(w, volume, rhythm, config);
        double score = expected.score(counted);
        double threshold = config.spikeScoreAt(expected.mean());
        boolean guarded = obs.stories() >= config.minStories() && obs.sources() >= config.minSources()
                && (score < threshold || broad(w, volume, rhythm, obs.sources()));
        if (w.alertActive()) {
            if (score >= config.elevatedShare() * config.spikeScore()) {
                w.lastElevatedAt = Math.max(w.lastElevatedAt, obs.eventTime());
                w.quietWindows = 0;
            }
            if (!guarded || score < threshold) {
                return;
            }
            Severity severity = SeverityPolicy.of(score, obs.sources(), config);
            AlertStatus status = null;
            if (severity.compareTo(w.severity) > 0) {
                status = AlertStatus.ESCALATED;
                w.severity = severity;
            } else if (counted >= config.updateAt(w.peakObserved)) {
                status = AlertStatus.UPDATED;
            }
            w.peakObserved = Math.max(w.peakObserved, counted);
            if (status != null) {
                w.revision++;
                changes.add(change(obs.term(), w, status, obs.windowStart(), obs.windowEnd(), obs.eventTime(),
                        counted, obs.sources(), expected, score,
                        Explanations.spikeMethod(expected, counted, w.cusum, config)));
            }
            return;
        }
        if (guarded && score >= threshold && warmedUp(w)) {
            trigger(obs.term(), w, AlertKind.SPIKE, obs.windowStart(), obs.windowEnd(), obs.eventTime(), counted,
                    obs.sources(), expected, score, Explanations.spikeMethod(expected, counted, w.cusum, config),
                    changes);
        }
    }

    /**
     * Variance of a sum of {@code hours} consecutive hourly counts whose residuals are AR(1) with lag-1
     * correlation {@code rho}, relative to independent hours: 1 + 2 sum_k (1 - k/hours) rho^k.
     */
    static double varianceRatio(double rho, int hours) {
        double ratio = 1;
        double power = 1;
        for (int k = 1; k < hours; k++) {
            power *= rho;
            ratio += 2 * (1 - (double) k / hours) * power;
        }
        return ratio;
    }

    /** Opens an alert, or reopens the one resolved within the cooldown. */
    private void trigger(String term, WorkingState w, AlertKind kind, long windowStart, long windowEnd, long at,
                         int observed, int sources, NegativeBinomial expected, double score, String method,
                         List<AlertChange> changes) {
        expireCooldown(w);
        AlertStatus status;
        if (w.phase == TermState.AlertPhase.COOLING) {
            status = AlertStatus.UPDATED;
            w.revision++;
        } else {
            status = AlertStatus.OPEN;
            w.alertWindowStart = windowStart;
            w.alertKind = kind;
            w.revision = 0;
        }
        w.phase = TermState.AlertPhase.ACTIVE;
        w.recovery = 0;
        w.severity = SeverityPolicy.of(score, sources, config);
        w.peakObserved = observed;
        w.lastElevatedAt = Math.max(at, windowStart);
        w.quietWindows = 0;
        changes.add(change(term, w, status, windowStart, windowEnd, at, observed, sources, expected, score, method));
    }

    private void expireCooldown(WorkingState w) {
        if (w.phase == TermState.AlertPhase.COOLING && w.streamTime - w.resolvedAt > config.cooldownMs()) {
            w.phase = TermState.AlertPhase.NONE;
        }
    }

    private AlertChange change(String term, WorkingState w, AlertStatus status, long windowStart, long windowEnd,
                               long at, int observed, int sources, NegativeBinomial expected, double score,
                               String method) {
        String explanation = Explanations.explain(term, status, w.alertKind, observed, sources, expected.mean(),
                windowEnd, expected.upperTail(observed));
        return new AlertChange(AlertIds.of(term, w.alertWindowStart), w.revision, term, status, w.severity,
                w.alertKind, windowStart, windowEnd, at, observed, expected.mean(), score, sources, method,
                explanation);
    }
}
