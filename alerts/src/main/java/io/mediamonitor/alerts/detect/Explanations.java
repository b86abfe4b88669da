package io.mediamonitor.alerts.detect;

import io.mediamonitor.model.AlertKind;
import io.mediamonitor.model.AlertStatus;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The method line and the one-sentence explanation that travel with every alert change. */
final class Explanations {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Explanations() {
    }

    static String spikeMethod(NegativeBinomial nb, int observed, double cusum, DetectorConfig c) {
        return String.format(Locale.ROOT,
                "negative-binomial tail p=%.1e (mean %.2f, dispersion %.2f) on distinct stories, at most %d per "
                        + "outlet, threshold -log10 p >= %.1f with sources at -log10 p >= %.1f; CUSUM %.1f of %.1f "
                        + "(doubling LLR)",
                nb.upperTail(observed), nb.mean(), nb.dispersion(), c.storiesPerSource(), c.spikeScoreAt(nb.mean()),
                c.breadthScore(), cusum, c.cusumThreshold());
    }

    static String cusumMethod(NegativeBinomial nb, double cusum, DetectorConfig c) {
        return String.format(Locale.ROOT,
                "one-sided CUSUM of the negative-binomial log-likelihood ratio for a %.1fx rise, over hourly "
                        + "windows: %.1f >= %.1f (mean %.2f, dispersion %.2f)",
                c.cusumShift(), cusum, c.cusumThreshold(), nb.mean(), nb.dispersion());
    }

    static String explain(String term, AlertStatus status, AlertKind kind, int observed, int sources,
                          double expected, long windowEnd, double tail) {
        String when = HOUR.format(Instant.ofEpochMilli(windowEnd));
        String counts = String.format(Locale.ROOT, "%d %s from %d %s in the hour to %s, against %s expected",
                observed, observed == 1 ? "story" : "stories", sources, sources == 1 ? "source" : "sources",
                when, Figures.count(expected));
        return switch (status) {
            case RESOLVED -> String.format(Locale.ROOT, "%s is back to normal: %s.", term, counts);
            case ESCALATED -> String.format(Locale.ROOT, "%s keeps rising: %s (chance under the baseline %s).",
                    term, counts, chance(tail));
            case UPDATED -> String.format(Locale.ROOT, "%s is rising again: %s.", term, counts);
            case OPEN -> kind == AlertKind.SUSTAINED_RISE
                    ? String.format(Locale.ROOT, "%s has been running above its usual level for hours: %s.",
                            term, counts)
                    : String.format(Locale.ROOT, "%s jumped: %s (chance under the baseline %s).",
                            term, counts, chance(tail));
        };
    }

    private static String chance(double tail) {
        if (tail >= 1e-3) {
            return String.format(Locale.ROOT, "%.3f", tail);
        }
        return String.format(Locale.ROOT, "about 1 in %s", humanCount(1 / tail));
    }

    private static String humanCount(double n) {
        if (n >= 1e9) {
            return String.format(Locale.ROOT, "%.0e", n);
        }
        if (n >= 1e6) {
            return String.format(Locale.ROOT, "%.0f million", n / 1e6);
        }
        return String.format(Locale.ROOT, "%,.0f", n);
    }
}
