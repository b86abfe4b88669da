package io.mediamonitor.enrich;

import java.time.Duration;

/**
 * Tunables of the enrich topology. Windows are hopping, on event time (publishedAt).
 *
 * @param windowSize    length of a mention-count window (default 1 h)
 * @param windowAdvance how far consecutive windows are apart (default 10 min)
 * @param windowGrace   how late an article may arrive and still be counted (default 30 min)
 * @param storyHorizon  how long copies with the same normalized title and text join one story (default 48 h)
 * @param idHorizon     how long an article id is remembered to drop exact repeats (default 7 d)
 * @param countPairs    whether to count actor×country pairs such as pair:wagner|ML
 */
public record EnrichSettings(Duration windowSize, Duration windowAdvance, Duration windowGrace,
                             Duration storyHorizon, Duration idHorizon, boolean countPairs) {

    public static EnrichSettings defaults() {
        return new EnrichSettings(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMinutes(30),
                Duration.ofHours(48), Duration.ofDays(7), true);
    }

    public EnrichSettings {
        if (windowAdvance.compareTo(windowSize) > 0 || windowAdvance.isZero() || windowAdvance.isNegative()) {
            throw new IllegalArgumentException("window advance must be positive and at most the window size, got "
                    + windowAdvance + " for a " + windowSize + " window");
        }
    }
}
