package io.mediamonitor.alerts.detect;

import io.mediamonitor.model.AlertKind;
import io.mediamonitor.model.AlertStatus;
import io.mediamonitor.model.Severity;

import java.util.Locale;
import java.util.Optional;

/**
 * Operator alerts for sources that stop publishing: silent once the gap since the last article exceeds
 * max(gapMultiple x typical gap, lullMultiple x longest recent normal gap, minSilence); one alert per
 * outage, resolved by the next article. The typical gap alone would flag every quiet night of a feed that
 * publishes in office hours, hence the lull term. The gap of an outage is not learned.
 */
public final class SilenceDetector {

    /** A step of the silence detector: the source's next state and the alert change, if any. */
    public record Step(SourceRhythm state, Optional<AlertChange> change) {
    }

    private final SilenceConfig config;

    public SilenceDetector(SilenceConfig config) {
        this.config = config;
    }

    /** An article of the source, published at {@code publishedAt}; {@code term} names it, e.g. feed:URL. */
    public Step onArticle(String term, SourceRhythm state, long publishedAt) {
        SourceRhythm s = state == null ? SourceRhythm.initial() : state;
        if (s.lastSeenAt() != Long.MIN_VALUE && publishedAt <= s.lastSeenAt()) {
            return new Step(s, Optional.empty()); // older or duplicate: says nothing about the rhythm
        }
        Optional<AlertChange> change = Optional.empty();
        double mean = s.meanGapMs();
        double lull = s.longGapMs();
        if (s.lastSeenAt() != Long.MIN_VALUE) {
            long gap = publishedAt - s.lastSeenAt();
            boolean outage = s.silent() || (trusted(s) && gap > threshold(s));
            if (!outage) {
                double g = Math.min(gap, config.maxGapMs());
                double alpha = 1 - Math.pow(0.5, 1.0 / config.halfLifeGaps());
                mean = Double.isNaN(mean) ? g : mean + alpha * (g - mean);
                lull = Math.max(g, lull * Math.pow(config.lullDecayPerDay(), gap / 86_400_000.0));
            }
            if (s.silent()) {
                change = Optional.of(change(term, s, AlertStatus.RESOLVED, publishedAt, 1));
            }
        }
        return new Step(new SourceRhythm(publishedAt, mean, lull, Math.min(s.articles() + 1, 1_000_000), Long.MIN_VALUE),
                change);
    }

    /** The clock moved to {@code now} (from a punctuator): raises the alert of a source gone silent. */
    public Step check(String term, SourceRhythm state, long now) {
        if (state == null || state.silent() || !trusted(state) || now - state.lastSeenAt() <= threshold(state)) {
            return new Step(state == null ? SourceRhythm.initial() : state, Optional.empty());
        }
        SourceRhythm silent = new SourceRhythm(state.lastSeenAt(), state.meanGapMs(), state.longGapMs(),
                state.articles(),
                state.lastSeenAt());
        return new Step(silent, Optional.of(change(term, silent, AlertStatus.OPEN, now, 0)));
    }

    /** How long this source may stay quiet before it counts as silent. */
    public long threshold(SourceRhythm s) {
        double typical = Double.isNaN(s.meanGapMs()) ? 0 : s.meanGapMs();
        return Math.max(config.minSilenceMs(), Math.round(Math.max(config.gapMultiple() * typical,
                config.lullMultiple() * s.longGapMs())));
    }

    private boolean trusted(SourceRhythm s) {
        return s.articles() >= config.minArticles() && !Double.isNaN(s.meanGapMs());
    }

    private AlertChange change(String term, SourceRhythm s, AlertStatus status, long at, int revision) {
        long silence = at - s.lastSeenAt();
        double expected = silence / Math.max(1.0, s.meanGapMs());
        // With articles arriving at the usual rate, P(no article for this long) = exp(-expected).
        double score = expected / Math.log(10);
        Severity severity = silence > 4 * threshold(s) ? Severity.MEDIUM : Severity.LOW;
        String hours = String.format(Locale.ROOT, "%.1f h", silence / 3_600_000.0);
        String usual = String.format(Locale.ROOT, "%.0f min", s.meanGapMs() / 60_000.0);
        String explanation = status == AlertStatus.RESOLVED
                ? term + " publishes again after " + hours + " of silence."
                : term + " has published nothing for " + hours + ", against an article every " + usual
                        + " usually.";
        String method = String.format(Locale.ROOT,
                "silence: gap %s > max(%.0f x typical gap %s, %.1f x longest recent gap %.1f h, %.0f h); "
                        + "P(no article | usual rate)=%.1e",
                hours, config.gapMultiple(), usual, config.lullMultiple(), s.longGapMs() / 3_600_000.0,
                config.minSilenceMs() / 3_600_000.0,
                Math.pow(10, -Math.min(score, 300)));
        return new AlertChange(AlertIds.of(term, s.silentSince()), revision, term, status, severity,
                AlertKind.SILENCE, s.lastSeenAt(), at, at, 0, expected, score, 1, method, explanation);
    }
}
