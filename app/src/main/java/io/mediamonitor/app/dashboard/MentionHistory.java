package io.mediamonitor.app.dashboard;

import io.mediamonitor.model.MentionCount;
import java.time.Instant;
import java.util.List;

/**
 * Windowed mention counts. In the running app this is the enrich job's interactive queries
 * ({@code io.mediamonitor.enrich.MentionQueries}), adapted with {@link #of(TermQuery, AllQuery)}:
 * {@code MentionHistory.of(queries::term, queries::all)}.
 */
public interface MentionHistory {

    /** Counts of one term for windows starting in [from, to], oldest first. */
    List<MentionCount> term(String term, Instant from, Instant to);

    /** Every term's counts for windows starting in [from, to]. */
    List<MentionCount> all(Instant from, Instant to);

    @FunctionalInterface
    interface TermQuery {
        List<MentionCount> term(String term, Instant from, Instant to);
    }

    @FunctionalInterface
    interface AllQuery {
        List<MentionCount> all(Instant from, Instant to);
    }

    static MentionHistory of(TermQuery term, AllQuery all) {
        return new MentionHistory() {
            @Override
            public List<MentionCount> term(String t, Instant from, Instant to) {
                return term.term(t, from, to);
            }

            @Override
            public List<MentionCount> all(Instant from, Instant to) {
                return all.all(from, to);
            }
        };
    }

    /**
     * Counts this process does not hold: a dashboard started without the enrich job (the ingest or alerts job's)
     * says where they are, rather than draw every term at zero beside alerts that count stories.
     */
    static MentionHistory elsewhere() {
        return of((t, from, to) -> {
            throw new NotServedHere();
        }, (from, to) -> {
            throw new NotServedHere();
        });
    }

    /** Asked for counts a process without the enrich job does not hold. */
    final class NotServedHere extends RuntimeException {
        NotServedHere() {
            super("mention counts are served by the dashboard of the enrich job (or of run), not by this one");
        }
    }
}
