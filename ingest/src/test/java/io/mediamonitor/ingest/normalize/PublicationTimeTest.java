package io.mediamonitor.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

class PublicationTimeTest {

    private static final Instant FETCH = Instant.parse("2025-11-03T12:00:00.123456Z");
    private static final Duration SKEW = Duration.ofMinutes(10);

    @Test
    void prefersPublishedThenUpdatedThenFetchTime() {
        Date published = Date.from(Instant.parse("2025-11-03T08:00:00Z"));
        Date updated = Date.from(Instant.parse("2025-11-03T09:00:00Z"));
        assertThat(PublicationTime.of(published, updated, FETCH, SKEW)).isEqualTo("2025-11-03T08:00:00Z");
        assertThat(PublicationTime.of(null, updated, FETCH, SKEW)).isEqualTo("2025-11-03T09:00:00Z");
        assertThat(PublicationTime.of(null, null, FETCH, SKEW)).isEqualTo("2025-11-03T12:00:00.123Z");
    }

    @Test
    void clampsFutureDatesBeyondTheSkewOnly() {
        Date slightlyAhead = Date.from(FETCH.plus(Duration.ofMinutes(5)));
        Date farAhead = Date.from(FETCH.plus(Duration.ofHours(2)));
        assertThat(PublicationTime.of(slightlyAhead, null, FETCH, SKEW)).isEqualTo(slightlyAhead.toInstant());
        assertThat(PublicationTime.of(farAhead, null, FETCH, SKEW)).isEqualTo("2025-11-03T12:00:00.123Z");
    }

    @Test
    void aDateBefore1970IsNoDate() {
        Date zero = Date.from(Instant.parse("1900-01-01T10:00:00Z"));
        Date updated = Date.from(Instant.parse("2025-11-03T09:00:00Z"));
        assertThat(PublicationTime.of(zero, updated, FETCH, SKEW)).isEqualTo("2025-11-03T09:00:00Z");
        assertThat(PublicationTime.of(zero, null, FETCH, SKEW)).isEqualTo("2025-11-03T12:00:00.123Z");
    }
}
