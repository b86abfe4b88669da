package io.mediamonitor.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.model.ActorTag;
import io.mediamonitor.model.Article;
import io.mediamonitor.model.CountryTag;
import io.mediamonitor.model.EnrichedArticle;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentArticlesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void findsArticlesByEveryWordAccentsAndCaseAsideLatestPublishedFirst() {
        RecentArticles recent = new RecentArticles(10);
        recent.add(enriched("a1", "Coup d'État déjoué à Niamey", "RFI", 0, List.of("NE"), List.of()));
        recent.add(enriched("a2", "Wagner quitte le Mali", "Le Monde", 5, List.of("ML"), List.of("wagner")));
        recent.add(enriched("a3", "L'AES et le Niger", "Sahel Hebdo", 9, List.of("NE"), List.of("aes")));

        assertThat(ids(recent.search("etat niamey", 10))).containsExactly("a1");
        assertThat(ids(recent.search("NIGER", 10))).as("a country by its name").containsExactly("a3", "a1");
        assertThat(ids(recent.search("ne", 10))).as("or its code").contains("a1", "a3");
        assertThat(ids(recent.search("wagner monde", 10))).containsExactly("a2");
        assertThat(ids(recent.search("", 2))).as("all, latest published first").containsExactly("a3", "a2");
        assertThat(recent.search("burkina", 10)).isEmpty();
    }

    @Test
    void keepsEachArticleOnceAndOnlyTheLatest() {
        RecentArticles recent = new RecentArticles(2);
        recent.add(enriched("a1", "Un", "RFI", 0, List.of(), List.of()));
        recent.add(enriched("a1", "Un", "RFI", 0, List.of(), List.of()));
        recent.add(enriched("a2", "Deux", "RFI", 1, List.of(), List.of()));
        recent.add(enriched("a3", "Trois", "RFI", 2, List.of(), List.of()));

        assertThat(ids(recent.search(null, 10))).containsExactly("a3", "a2");
    }

    private static List<String> ids(List<RecentArticles.Entry> entries) {
        return entries.stream().map(RecentArticles.Entry::id).toList();
    }

    private static EnrichedArticle enriched(String id, String title, String source, int minutes,
                                            List<String> countries, List<String> actors) {
        Instant at = T0.plusSeconds(60L * minutes);
        return EnrichedArticle.newBuilder()
                .setArticle(Article.newBuilder().setId(id).setUrl("https://example.org/" + id).setTitle(title)
                        .setSource(source).setSourceDomain("example.org").setFeedUrl("https://example.org/feed")
                        .setLanguage("fr").setPublishedAt(at).setFetchedAt(at).build())
                .setStoryId(id).setDictionaryVersion("test").setEnrichedAt(at)
                .setCountries(countries.stream().map(c -> new CountryTag(c, c.equals("NE") ? "Niger" : "Mali", 1,
                        List.of(c))).toList())
                .setActors(actors.stream().map(a -> new ActorTag(a, a, "armed-group", 1, List.of(a))).toList())
                .build();
    }
}
