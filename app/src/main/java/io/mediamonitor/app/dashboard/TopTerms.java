package io.mediamonitor.app.dashboard;

import io.mediamonitor.model.MentionCount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The most mentioned countries and actors over a recent period. Windows hop, so one story sits in
 * several overlapping windows: only the windows that tile the period (starts on multiples of the
 * window size) are summed, and distinct sources are the union of the windows' source names.
 */
public final class TopTerms {

    /** One ranked term. */
    public record Entry(String term, String label, int stories, int articles, int sources) {
    }

    /** Top countries and actors over [from, to]. */
    public record Ranking(Instant from, Instant to, List<Entry> countries, List<Entry> actors) {
    }

    static final Comparator<Entry> RANK = Comparator.comparingInt(Entry::stories).reversed()
            .thenComparing(Comparator.comparingInt(Entry::articles).reversed())
            .thenComparing(Entry::term);

    private final Duration windowSize;

    public TopTerms(Duration windowSize) {
        this.windowSize = windowSize;
    }

    /** The window starts to query so that the tiling windows cover [from, to]. */
    public Instant queryFrom(Instant from) {
        long size = windowSize.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(from.toEpochMilli(), size) * size);
    }

    /** Every term's totals over [from, to], most mentioned first. */
    public List<Entry> totals(Instant from, Instant to, List<MentionCount> counts, Function<String, String> labels) {
        long size = windowSize.toMillis();
        Map<String, Totals> byTerm = new HashMap<>();
        for (MentionCount count : counts) {
            Instant start = count.getWindowStart();
            // only the windows tiling the period: starts on multiples of the size, overlapping [from, to]
            if (start.toEpochMilli() % size != 0 || start.isAfter(to) || !count.getWindowEnd().isAfter(from)) {
                continue;
            }
            byTerm.computeIfAbsent(count.getTerm(), t -> new Totals()).add(count);
        }
        List<Entry> entries = new ArrayList<>();
        byTerm.forEach((term, totals) -> entries.add(new Entry(term, labels.apply(term), totals.stories,
                totals.articles, totals.sources.size())));
        entries.sort(RANK);
        return entries;
    }

    public Ranking rank(Instant from, Instant to, List<MentionCount> counts, int limit,
                        Function<String, String> labels) {
        List<Entry> entries = totals(from, to, counts, labels);
        return new Ranking(from, to, top(entries, "country:", limit), top(entries, "actor:", limit));
    }

    private static List<Entry> top(List<Entry> ranked, String type, int limit) {
        return ranked.stream().filter(e -> e.term().startsWith(type)).limit(limit).toList();
    }

    private static final class Totals {
        int stories;
        int articles;
        final TreeSet<String> sources = new TreeSet<>();

        void add(MentionCount count) {
            stories += count.getStories();
            articles += count.getArticles();
            sources.addAll(count.getSourceNames());
        }
    }
}
