package io.mediamonitor.ingest.parse;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the RFC-822-like dates that non-English feeds write with their own month and day names,
 * e.g. {@code lun., 06 avr. 2026 09:15:00 +0200} or {@code Mi, 8 Okt 2025 07:00 MESZ}: day, month
 * name, year, time and an optional zone, after an optional weekday; and the numeric ones some
 * CMSs write, {@code 2026-04-01 10:00:00}. Zones may carry a comment ({@code +0200 (CEST)}) or be
 * written {@code GMT+2}. Rome reads only English names and strict formats; without this, such
 * articles would be dated at fetch time and land in the wrong windows.
 *
 * <p>Month names come from the JDK's locale data (full and abbreviated, accents and dots ignored,
 * and any unique prefix of at least three letters), for the languages in {@link #LANGUAGES}. A date
 * without a zone is read as UTC.
 */
public final class LocalizedDate {

    /** Languages whose month names are read; all write day-month-year in their RSS dates. */
    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH, new Locale("es"), new Locale("pt"),
            Locale.ITALIAN, Locale.GERMAN, new Locale("nl"));

    private static final Map<String, Month> MONTHS = monthNames();

    private static final Pattern DATE = Pattern.compile(
            "^(?:\\p{L}[\\p{L}.]*,?\\s+)?"                  // weekday, any language
            + "(\\d{1,2})\\.?\\s+([\\p{L}.]+),?\\s+(\\d{4}|\\d{2})"    // day, month name, year
            + "(?:,?\\s+(?:\\p{L}{1,2}\\s+)?(\\d{1,2})[:h](\\d{2})(?::(\\d{2}))?)?" // time, maybe after "à"/"um"
            + "(?:\\s*(.*))?$");                              // zone

    /** The numeric dates some CMSs write where RFC 822 or ISO 8601 belongs: {@code 2026-04-01 10:00:00}. */
    private static final Pattern NUMERIC = Pattern.compile(
            "^(\\d{4})-(\\d{1,2})-(\\d{1,2})"                               // year, month, day
            + "(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d{1,9})?)?)?"    // time
            + "(?:\\s*(.*))?$");                                          // zone

    private static final Pattern OFFSET = Pattern.compile("^(?:GMT|UTC)?([+-])(\\d{1,2}):?(\\d{2})?$");
    /** An RFC 822 comment after the zone, {@code +0200 (CEST)}, and the German clock's "Uhr". */
    private static final Pattern ZONE_NOISE = Pattern.compile("\\([^)]*\\)|^UHR\\b");

    private static final Map<String, Integer> ZONE_HOURS = Map.ofEntries(
            Map.entry("GMT", 0), Map.entry("UTC", 0), Map.entry("UT", 0), Map.entry("Z", 0),
            Map.entry("WET", 0), Map.entry("WEST", 1), Map.entry("BST", 1),
            Map.entry("CET", 1), Map.entry("MEZ", 1), Map.entry("CEST", 2), Map.entry("MESZ", 2),
            Map.entry("EET", 2), Map.entry("EEST", 3), Map.entry("WAT", 1), Map.entry("CAT", 2),
            Map.entry("EAT", 3), Map.entry("EST", -5), Map.entry("EDT", -4), Map.entry("CST", -6),
            Map.entry("CDT", -5), Map.entry("MST", -7), Map.entry("MDT", -6), Map.entry("PST", -8),
            Map.entry("PDT", -7));

    private LocalizedDate() {
    }

    /** The instant the text names, or empty if it is not such a date. */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String cleaned = text.strip().replace('\u00a0', ' ');
        Matcher numeric = NUMERIC.matcher(cleaned);
        if (numeric.matches()) {
            return at(Integer.parseInt(numeric.group(1)), Integer.parseInt(numeric.group(2)),
                    Integer.parseInt(numeric.group(3)), numeric, 4, zone(numeric.group(7)));
        }
        Matcher m = DATE.matcher(cleaned);
        if (!m.matches()) {
            return Optional.empty();
        }
        Month month = MONTHS.get(fold(m.group(2)));
        Optional<ZoneOffset> zone = zone(m.group(7));
        if (month == null || zone.isEmpty()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) {
            year += year < 70 ? 2000 : 1900; // RFC 822's two-digit years
        }
        return at(year, month.getValue(), Integer.parseInt(m.group(1)), m, 4, zone);
    }

    /** The instant of the date, the time in the matcher's groups from {@code hour} on (hour, minute, second). */
    private static Optional<Instant> at(int year, int month, int day, Matcher time, int hour,
                                        Optional<ZoneOffset> zone) {
        if (zone.isEmpty()) {
            return Optional.empty();
        }
        try {
            LocalDateTime local = LocalDateTime.of(year, month, day,
                    time.group(hour) == null ? 0 : Integer.parseInt(time.group(hour)),
                    time.group(hour + 1) == null ? 0 : Integer.parseInt(time.group(hour + 1)),
                    time.group(hour + 2) == null ? 0 : Integer.parseInt(time.group(hour + 2)));
            return Optional.of(local.toInstant(zone.get()));
        } catch (DateTimeException e) {
            return Optional.empty(); // 31 avr.
        }
    }

    private static Optional<ZoneOffset> zone(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(ZoneOffset.UTC);
        }
        String z = ZONE_NOISE.matcher(text.strip().toUpperCase(Locale.ROOT)).replaceAll("").strip();
        if (z.isEmpty()) {
            return Optional.of(ZoneOffset.UTC);
        }
        Integer hours = ZONE_HOURS.get(z);
        if (hours != null) {
            return Optional.of(ZoneOffset.ofHours(hours));
        }
        Matcher m = OFFSET.matcher(z);
        if (!m.matches()) {
            return Optional.empty();
        }
        int sign = m.group(1).equals("-") ? -1 : 1;
        int h = Integer.parseInt(m.group(2));
        int min = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        try {
            return Optional.of(ZoneOffset.ofHoursMinutes(sign * h, sign * min));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Lower case, no accents, no dots: "Févr." and "fevr" are one key. */
    static String fold(String word) {
        String decomposed = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("[\\p{M}.]", "");
    }

    /**
     * Every full and abbreviated month name of every language, and every prefix of three letters or
     * more of a full name that names only one month across all of them ("sept", "juil", "okt").
     */
    private static Map<String, Month> monthNames() {
        Map<String, Month> exact = new HashMap<>();
        Map<String, Month> prefixes = new HashMap<>();
        Map<String, Boolean> ambiguous = new HashMap<>();
        for (Locale language : LANGUAGES) {
            for (Month month : Month.values()) {
                for (TextStyle style : new TextStyle[] {TextStyle.FULL, TextStyle.SHORT, TextStyle.FULL_STANDALONE,
                        TextStyle.SHORT_STANDALONE}) {
                    exact.put(fold(month.getDisplayName(style, language)), month);
                }
                String full = fold(month.getDisplayName(TextStyle.FULL, language));
                for (int n = 3; n < full.length(); n++) {
                    String prefix = full.substring(0, n);
                    Month seen = prefixes.putIfAbsent(prefix, month);
                    if (seen != null && seen != month) {
                        ambiguous.put(prefix, true);
                    }
                }
            }
        }
        Map<String, Month> names = new HashMap<>();
        prefixes.forEach((prefix, month) -> {
            if (!ambiguous.containsKey(prefix)) {
                names.put(prefix, month);
            }
        });
        names.putAll(exact);
        return Map.copyOf(names);
    }
}
