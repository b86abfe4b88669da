package io.mediamonitor.alerts.detect;

/**
 * What {@link SilenceDetector} remembers of one source: when it last published, when it usually publishes, and
 * the hour and day it is counting now.
 *
 * @param lastSeenAt   publication time of its latest article (epoch ms), {@link Long#MIN_VALUE} if none
 * @param lastEventAt  its latest publication that counted as one (a batch of articles is one publication)
 * @param events       publications seen (capped), to know when the profile is trusted
 * @param hour         the hour being counted (epoch hours)
 * @param hourEvents   publications in that hour so far
 * @param day          the day being counted (epoch days)
 * @param dayEvents    publications on that day so far
 * @param profile      its usual publications per hour of day and day of week
 * @param silentSince  last article before the open silence alert, or {@link Long#MIN_VALUE} when none is open
 * @param silentFrom   when that alert opened: the moment no article had become improbable
 */
public record SourceRhythm(long lastSeenAt, long lastEventAt, int events, long hour, int hourEvents, long day,
                           int dayEvents, PublishingProfile profile, long silentSince, long silentFrom) {

    public static SourceRhythm initial() {
        return new SourceRhythm(Long.MIN_VALUE, Long.MIN_VALUE, 0, Long.MIN_VALUE, 0, Long.MIN_VALUE, 0,
                PublishingProfile.empty(), Long.MIN_VALUE, Long.MIN_VALUE);
    }

    public boolean silent() {
        return silentSince != Long.MIN_VALUE;
    }
}
