package io.mediamonitor.app.dashboard;

import io.mediamonitor.model.MentionCount;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Mention counts held in a list, answering like the enrich job's interactive queries. */
final class ListMentionHistory implements MentionHistory {

    private final List<MentionCount> counts = new CopyOnWriteArrayList<>();

    ListMentionHistory add(MentionCount count) {
        counts.add(count);
        return this;
    }

    @Override
    public List<MentionCount> term(String term, Instant from, Instant to) {
        return all(from, to).stream().filter(c -> c.getTerm().equals(term)).toList();
    }

    @Override
    public List<MentionCount> all(Instant from, Instant to) {
        return counts.stream()
                .filter(c -> !c.getWindowStart().isBefore(from) && !c.getWindowStart().isAfter(to))
                .sorted(Comparator.comparing(MentionCount::getWindowStart))
                .toList();
    }
}
