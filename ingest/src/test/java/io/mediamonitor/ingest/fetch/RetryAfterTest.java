package io.mediamonitor.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2025-11-03T12:00:00Z");

    @Test
    void readsSecondsAndHttpDates() {
        assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Mon, 03 Nov 2025 12:30:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void pastDatesMeanNowAndHugeValuesAreBounded() {
        assertThat(RetryAfter.parse("Mon, 03 Nov 2025 11:00:00 GMT", NOW)).isZero();
        assertThat(RetryAfter.parse("99999999999999999999", NOW)).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void garbageIsIgnored() {
        assertThat(RetryAfter.parse(null, NOW)).isNull();
        assertThat(RetryAfter.parse("soon", NOW)).isNull();
    }
}
