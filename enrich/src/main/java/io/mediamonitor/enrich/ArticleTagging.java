package io.mediamonitor.enrich;

import io.mediamonitor.enrich.tagging.Tagger;
import io.mediamonitor.enrich.tagging.Tags;
import io.mediamonitor.model.Article;
import io.mediamonitor.model.EnrichedArticle;
import java.time.Clock;
import java.util.List;
import java.util.StringJoiner;

/** Tags an article's title, summary and content with the dictionary in force. */
public final class ArticleTagging {

    private final LiveDictionary dictionary;
    private final Clock clock;
    private final Runnable onTagged;

    public ArticleTagging(LiveDictionary dictionary, Clock clock, Runnable onTagged) {
        this.dictionary = dictionary;
        this.clock = clock;
        this.onTagged = onTagged;
    }

    /** The article with its tags; its story is story dedup's to fill in (until then, a story of its own). */
    public EnrichedArticle tag(Article article) {
        Tagger tagger = dictionary.tagger();
        Tags tags = tagger.tag(textOf(article));
        onTagged.run();
        return EnrichedArticle.newBuilder()
                .setArticle(article)
                .setStoryId(article.getId())
                .setFirstOfStory(true)
                .setStoryStartedAt(null)
                .setStorySources(List.of())
                .setCountries(tags.countries())
                .setActors(tags.actors())
                .setKeywords(tags.keywords())
                .setDictionaryVersion(tagger.dictionaryVersion())
                .setEnrichedAt(clock.instant())
                .build();
    }

    /** Title, summary and content as one text; sentences stay apart so matches do not span them. */
    static String textOf(Article article) {
        StringJoiner text = new StringJoiner("\n");
        text.add(article.getTitle());
        if (article.getSummary() != null) {
            text.add(article.getSummary());
        }
        if (article.getContent() != null && !article.getContent().equals(article.getSummary())) {
            text.add(article.getContent());
        }
        return text.toString();
    }
}
