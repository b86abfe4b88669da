package io.mediamonitor.app.dashboard;

import io.mediamonitor.model.ActorTag;
import io.mediamonitor.model.CountryTag;
import io.mediamonitor.model.EnrichedArticle;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The latest enriched articles, in memory and bounded, searchable by what an analyst types: words of the
 * title, the source, a country's or an actor's name or id, accents and case aside ("niger" finds "Niger" and
 * "nigérien" does not need its accent). Each article once, however often the topic is read.
 */
public final class RecentArticles {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** What the list shows of an article. */
    public record Entry(String id, String title, String url, String source, Instant publishedAt,
                        List<String> countries, List<String> actors, boolean firstOfStory) {
    }

    private record Kept(Entry entry, String text) {
    }

    private final int capacity;
    private final Deque<Kept> newestFirst = new ArrayDeque<>();
    private final Set<String> ids = new HashSet<>();

    public RecentArticles(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    public synchronized void add(EnrichedArticle enriched) {
        String id = enriched.getArticle().getId();
        if (!ids.add(id)) {
            return;
        }
        Entry entry = new Entry(id, enriched.getArticle().getTitle(), enriched.getArticle().getUrl(),
                enriched.getArticle().getSource(), enriched.getArticle().getPublishedAt(),
                enriched.getCountries().stream().map(CountryTag::getName).toList(),
                enriched.getActors().stream().map(ActorTag::getName).toList(), enriched.getFirstOfStory());
        List<String> words = new ArrayList<>(List.of(entry.title(), entry.source()));
        enriched.getCountries().forEach(c -> words.addAll(List.of(c.getName(), c.getCode())));
        enriched.getActors().forEach(a -> words.addAll(List.of(a.getName(), a.getId())));
        newestFirst.addFirst(new Kept(entry, fold(String.join(" ", words))));
        if (newestFirst.size() > capacity) {
            ids.remove(newestFirst.removeLast().entry().id());
        }
    }

    /** Up to {@code limit} articles containing every word of {@code query} (all if blank), latest published first. */
    public synchronized List<Entry> search(String query, int limit) {
        List<String> words = query == null ? List.of()
                : List.of(fold(query).split("\\s+")).stream().filter(w -> !w.isEmpty()).toList();
        return newestFirst.stream().filter(kept -> words.stream().allMatch(kept.text()::contains))
                .map(Kept::entry)
                .sorted(Comparator.comparing(Entry::publishedAt).reversed())
                .limit(limit).toList();
    }

    static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
