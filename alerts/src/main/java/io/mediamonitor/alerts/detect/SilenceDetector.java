package io.mediamonitor.alerts.detect;

import io.mediamonitor.model.AlertKind;
import io.mediamonitor.model.AlertStatus;
import io.mediamonitor.model.Severity;
import java.util.Locale;
import java.util.Optional;

/**
 * Operator alerts for sources that stop publishing, judged against the source's own clock. Each source
 * learns how many publications it makes in each hour of the day and on each day of the week
 * ({@link PublishingProfile}); a silence is the moment when seeing nothing since its last article has become
 * improbable: the articles its profile expected since then, E, reach ln(publications a day / budget), so that a
 * healthy source raises about {@code falseAlarmsPerSourceDay} alerts a day (Poisson: P(none) = e^-E, one chance
 * per gap). A night or a Sunday expects little, so it is not an outage; a newsroom publishing every few minutes
 * is reported within the hour. One alert per outage, raised at the moment it became improbable and resolved by
 * the next article, never before it opened. The gap of an outage is not learned.
 */
public final class SilenceDetector {

    /** A step of the silence detector: the source's next state and the alert change, if any. */
    public record Step(SourceRhythm state, Optional<AlertChange> change) {
    }

    private final SilenceConfig config;

    public SilenceDetector(SilenceConfig config) {
        this.config = config;
    }

    /** An article of the source, published at {@code publishedAt}; {@code term} names it, e.g. source:NAME. */
    public Step onArticle(String term, SourceRhythm state, long publishedAt) {
        SourceRhythm s = state == null ? SourceRhythm.initial() : state;
        if (s.lastSeenAt() != Long.MIN_VALUE && publishedAt <= s.lastSeenAt()) {
            return new Step(s, Optional.empty()); // older or duplicate: says nothing about the rhythm
        }
        Optional<AlertChange> change = s.silent()
                ? Optional.of(change(term, s, AlertStatus.RESOLVED, Math.max(publishedAt, s.silentFrom()), 1))
                : Optional.empty();
        boolean newEvent = s.lastEventAt() == Long.MIN_VALUE || publishedAt - s.lastEventAt() >= config.eventSpacingMs();
        SourceRhythm next = newEvent ? learn(s, publishedAt)
                : new SourceRhythm(publishedAt, s.lastEventAt(), s.events(), s.hour(), s.hourEvents(), s.day(),
                        s.dayEvents(), s.profile(), Long.MIN_VALUE, Long.MIN_VALUE);
        return new Step(next, change);
    }

    /** The clock moved to {@code now} (from a punctuator): raises the alert of a source gone silent. */
    public Step check(String term, SourceRhythm state, long now) {
        SourceRhythm s = state == null ? SourceRhythm.initial() : state;
        if (s.silent()) {
            return new Step(s, Optional.empty());
        }
        long at = alarmAt(s);
        if (now < at) {
            return new Step(s, Optional.empty());
        }
        SourceRhythm silent = new SourceRhythm(s.lastSeenAt(), s.lastEventAt(), s.events(), s.hour(), s.hourEvents(),
                s.day(), s.dayEvents(), s.profile(), s.lastSeenAt(), at);
        return new Step(silent, Optional.of(change(term, silent, AlertStatus.OPEN, at, 0)));
    }

    /**
     * When this source becomes silent if nothing more comes: the moment its expected publications since the
     * last article reach the threshold; {@link Long#MAX_VALUE} while it is not judged.
     */
    public long alarmAt(SourceRhythm s) {
        if (!trusted(s)) {
            return Long.MAX_VALUE;
        }
        long reached = s.profile().reaches(s.lastSeenAt(), threshold(s.profile()), config.horizonMs());
        return reached == Long.MAX_VALUE ? reached : Math.max(reached, s.lastSeenAt() + config.minSilenceMs());
    }

    /**
     * Expected publications that must have failed to come. With the rate known, P(none) = e^-E and the budget
     * gives E = ln(publications a day / budget). The rate is learned from k publications only, so the chance of
     * none is negative binomial, (1 + E/k)^-k, and E = k((publications a day / budget)^(1/k) - 1): later for a
     * source seen little (its weekday factors rest on a few weeks of a few articles), the Poisson limit for a busy one.
     */
    double threshold(PublishingProfile profile) {
        double perDay = Math.max(1, profile.publicationsPerDay());
        double odds = perDay / config.falseAlarmsPerSourceDay();
        double poisson = Math.log(odds);
        double inverseK = 1 / (Math.max(1, profile.daysSeen()) * poisson);
        if (profile.weeksSeen() > 0) {
            inverseK += 1 / (profile.weeksSeen() * perDay);
        }
        double k = 1 / inverseK;
        return k * Math.expm1(poisson / k);
    }

    private boolean trusted(SourceRhythm s) {
        return s.events() >= config.minEvents() && s.profile().everyHourSeen(config.minTimesEveryHourSeen());
    }

    /**
     * Counts a publication at {@code t} into its hour and day; the hours and days it closes are learned, and
     * the empty ones between them too, unless the gap was an outage or longer than any normal quiet spell.
     * Counting starts with the first full hour and day after the source's first article.
     */
    private SourceRhythm learn(SourceRhythm s, long t) {
        long hour = Math.floorDiv(t, PublishingProfile.HOUR_MS);
        long day = Math.floorDiv(t, PublishingProfile.DAY_MS);
        int events = Math.min(s.events() + 1, 1_000_000);
        if (s.lastSeenAt() == Long.MIN_VALUE) {
            return new SourceRhythm(t, t, events, hour + 1, 0, day + 1, 0, s.profile(), Long.MIN_VALUE, Long.MIN_VALUE);
        }
        boolean learnGap = !s.silent() && t - s.lastSeenAt() <= config.maxLearnedGapMs();
        PublishingProfile profile = s.profile();
        long countedHour = s.hour();
        int hourEvents = s.hourEvents();
        if (hour == countedHour) {
            hourEvents++;
        } else if (hour > countedHour) {
            profile = profile.withHour(PublishingProfile.hourOfDay(countedHour * PublishingProfile.HOUR_MS), hourEvents,
                    config.hourAlpha());
            for (long h = countedHour + 1; learnGap && h < hour; h++) {
                profile = profile.withHour(PublishingProfile.hourOfDay(h * PublishingProfile.HOUR_MS), 0, config.hourAlpha());
            }
            countedHour = hour;
            hourEvents = 1;
        }
        long countedDay = s.day();
        int dayEvents = s.dayEvents();
        if (day == countedDay) {
            dayEvents++;
        } else if (day > countedDay) {
            profile = profile.withDay(PublishingProfile.dayOfWeek(countedDay * PublishingProfile.DAY_MS), dayEvents,
                    config.dayAlpha());
            for (long d = countedDay + 1; learnGap && d < day; d++) {
                profile = profile.withDay(PublishingProfile.dayOfWeek(d * PublishingProfile.DAY_MS), 0, config.dayAlpha());
            }
            countedDay = day;
            dayEvents = 1;
        }
        return new SourceRhythm(t, t, events, countedHour, hourEvents, countedDay, dayEvents, profile, Long.MIN_VALUE,
                Long.MIN_VALUE);
    }

    private AlertChange change(String term, SourceRhythm s, AlertStatus status, long at, int revision) {
        long silence = at - s.silentSince();
        PublishingProfile profile = s.profile();
        double expected = profile.expected(s.silentSince(), at);
        double threshold = threshold(profile);
        // P(no publication | its usual rhythm) = exp(-expected)
        double score = expected / Math.log(10);
        Severity severity = expected >= 3 * threshold ? Severity.MEDIUM : Severity.LOW;
        String hours = String.format(Locale.ROOT, "%.1f h", silence / 3_600_000.0);
        String explanation = status == AlertStatus.RESOLVED
                ? term + " publishes again after " + hours + " of silence."
                : term + " has published nothing for " + hours + ", when its usual rhythm at these hours brings "
                        + String.format(Locale.ROOT, "about %.0f", expected) + " articles.";
        String method = String.format(Locale.ROOT,
                "silence: no article in %s where its hour-of-day and weekday profile expects %.1f; "
                        + "P(none)=%.1e, alert below %.1e (%.3f false alarms a day over its %.1f publications a day)",
                hours, expected, Math.exp(-Math.min(expected, 700)), Math.exp(-threshold),
                config.falseAlarmsPerSourceDay(), profile.publicationsPerDay());
        return new AlertChange(AlertIds.of(term, s.silentSince()), revision, term, status, severity,
                AlertKind.SILENCE, s.silentSince(), at, at, 0, expected, score, 1, method, explanation);
    }
}
