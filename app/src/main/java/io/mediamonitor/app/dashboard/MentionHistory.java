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

    /** No counts at all: for a dashboard started without the enrich job. */
    static MentionHistory none() {
        return of((t, from, to) -> List.of(), (from, to) -> List.of());
    }
}
