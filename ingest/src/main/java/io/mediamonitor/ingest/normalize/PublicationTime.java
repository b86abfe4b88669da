package io.mediamonitor.ingest.normalize;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * The event time of an entry: its published date, else its updated date, else the fetch time. A
 * date further in the future than the allowed skew (a wrong time zone, a scheduled post) is
 * clamped to the fetch time, so windows downstream never run ahead of the clock; one before 1970
 * (a CMS's zero date) is taken for none.
 */
public final class PublicationTime {

    private PublicationTime() {
    }

    public static Instant of(Date published, Date updated, Instant fetchedAt, Duration futureSkew) {
        Date chosen = dated(published) ? published : dated(updated) ? updated : null;
        if (chosen == null) {
            return fetchedAt.truncatedTo(ChronoUnit.MILLIS);
        }
        Instant when = chosen.toInstant();
        if (when.isAfter(fetchedAt.plus(futureSkew))) {
            return fetchedAt.truncatedTo(ChronoUnit.MILLIS);
        }
        return when.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Before 1970 is no publication date of a feed's entry (a CMS's zero date): none, as if it were missing. */
    private static boolean dated(Date date) {
        return date != null && !date.toInstant().isBefore(Instant.EPOCH);
    }
}
