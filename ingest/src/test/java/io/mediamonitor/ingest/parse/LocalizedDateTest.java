package io.mediamonitor.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalizedDateTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "lun., 06 avr. 2026 09:15:00 +0200     | 2026-04-06T07:15:00Z",
        "Lun, 6 Avr 2026 09:15:00 GMT          | 2026-04-06T09:15:00Z",
        "mercredi 8 juillet 2026 18:00 +02:00  | 2026-07-08T16:00:00Z",
        "jeu., 01 janv. 2026 00:30:00 +0100    | 2025-12-31T23:30:00Z",
        "ven., 13 févr. 2026 12:00:00 UTC      | 2026-02-13T12:00:00Z",
        "sam., 15 août 2026 08:05:09 +0000     | 2026-08-15T08:05:09Z",
        "06 sept. 2026 à 09h15                 | 2026-09-06T09:15:00Z",
        "déc. is not a date                    | ",
        "mar, 14 abr 2026 10:00:00 -0300       | 2026-04-14T13:00:00Z",
        "Mi, 8 Okt 2025 07:00 MESZ             | 2025-10-08T05:00:00Z",
        "Do., 3. Dez. 2025 10:00:00 +0100      | 2025-12-03T09:00:00Z",
        "gio, 05 mag 2026 10:00:00 +0200       | 2026-05-05T08:00:00Z",
        "di, 03 mrt 2026 10:00:00 +0100        | 2026-03-03T09:00:00Z",
        "Mon, 03 Nov 2025 08:15:00 GMT         | 2025-11-03T08:15:00Z",
        "Mon, 03 Nov 25 08:15:00 EST           | 2025-11-03T13:15:00Z",
        "31 avr. 2026 10:00:00 +0200           | ",
        "06 avr. 2026 10:00:00 Mars/Olympus    | ",
        "06 Brumaire 2026 10:00:00 +0200       | ",
        "2026-04-06T09:15:00Z                  | 2026-04-06T09:15:00Z",
        "2026-04-01 10:00:00                   | 2026-04-01T10:00:00Z",
        "2026-04-01 10:00:00 +0200             | 2026-04-01T08:00:00Z",
        "2026-4-1 9:05                         | 2026-04-01T09:05:00Z",
        "2026-04-01                            | 2026-04-01T00:00:00Z",
        "2026-02-30 10:00:00                   | ",
        "Mon, 06 Apr 2026 09:15:00 +0200 (CEST) | 2026-04-06T07:15:00Z",
        "lun., 06 avr. 2026 09:15:00 GMT+2     | 2026-04-06T07:15:00Z",
        "Mo, 6 Apr 2026 09:15 Uhr              | 2026-04-06T09:15:00Z",
        "Mo, 6 Apr 2026 09:15 Uhr MESZ         | 2026-04-06T07:15:00Z",
    })
    void reads_month_names_of_other_languages(String text, String expected) {
        assertThat(LocalizedDate.parse(text)).isEqualTo(
                expected == null ? java.util.Optional.empty() : java.util.Optional.of(Instant.parse(expected)));
    }

    @Test
    void every_full_and_abbreviated_month_name_of_every_language_reads_as_its_month() {
        for (Locale language : LocalizedDate.LANGUAGES) {
            for (Month month : Month.values()) {
                for (TextStyle style : new TextStyle[] {TextStyle.FULL, TextStyle.SHORT}) {
                    String text = "12 " + month.getDisplayName(style, language) + " 2026 10:00 +0000";
                    assertThat(LocalizedDate.parse(text)).as(text)
                            .contains(LocalDate.of(2026, month, 12).atTime(10, 0).toInstant(ZoneOffset.UTC));
                }
            }
        }
    }

    @Test
    void nothing_is_not_a_date() {
        assertThat(LocalizedDate.parse(null)).isEmpty();
        assertThat(LocalizedDate.parse("")).isEmpty();
        assertThat(LocalizedDate.parse("hier")).isEmpty();
    }
}
