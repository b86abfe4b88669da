package io.mediamonitor.app.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations as people write them in config: 1500 (ms), 90s, 10m, 1h, 2d, or ISO-8601 PT1H. */
public final class Durations {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

    private Durations() {
    }

    /** @throws IllegalArgumentException when the text is no such duration, or one beyond a long of milliseconds */
    public static Duration parse(String text) {
        String trimmed = text.trim();
        try {
            Duration duration = trimmed.startsWith("P") || trimmed.startsWith("p")
                    ? Duration.parse(trimmed.toUpperCase()) : simple(trimmed);
            duration.toMillis(); // every setting is read in milliseconds somewhere: one beyond them is no setting
            return duration;
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(expected(text));
        }
    }

    private static Duration simple(String trimmed) {
        Matcher m = SIMPLE.matcher(trimmed.toLowerCase());
        if (!m.matches()) {
            throw new IllegalArgumentException(expected(trimmed));
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private static String expected(String text) {
        return "expected a duration such as 1500, 90s, 10m, 1h, 2d or PT1H, got '" + text + "'";
    }
}
