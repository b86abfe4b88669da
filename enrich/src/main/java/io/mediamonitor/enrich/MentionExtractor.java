package io.mediamonitor.enrich;

import io.mediamonitor.model.ActorTag;
import io.mediamonitor.model.CountryTag;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.model.KeywordTag;
import io.mediamonitor.model.state.MentionEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/**
 * The terms an enriched article counts towards: each country, actor and keyword it mentions, each
 * actor×country pair when enabled, and {@link Terms#TOTAL} for every article.
 */
public final class MentionExtractor {

    /** A term with the name a person reads for it. */
    public record Term(String term, String label) {
    }

    private final boolean countPairs;

    public MentionExtractor(boolean countPairs) {
        this.countPairs = countPairs;
    }

    /** The article's terms with their labels, {@link Terms#TOTAL} excluded. */
    public List<Term> terms(EnrichedArticle enriched) {
        List<Term> terms = new ArrayList<>();
        for (CountryTag country : enriched.getCountries()) {
            terms.add(new Term(Terms.country(country.getCode()), country.getName()));
        }
        for (ActorTag actor : enriched.getActors()) {
            terms.add(new Term(Terms.actor(actor.getId()), actor.getName()));
            if (countPairs) {
                for (CountryTag country : enriched.getCountries()) {
                    terms.add(new Term(Terms.pair(actor.getId(), country.getCode()),
                            actor.getName() + " × " + country.getName()));
                }
            }
        }
        for (KeywordTag keyword : enriched.getKeywords()) {
            terms.add(new Term(Terms.keyword(keyword.getKeyword()), keyword.getKeyword()));
        }
        return terms;
    }

    /**
     * One mention per term the article counts towards, {@link Terms#TOTAL} first.
     *
     * @param newStoryWindows the windows containing the article to which it brings a new story (bit 0 the oldest),
     *                        for the whole volume; -1 when unknown
     */
    public List<KeyValue<String, MentionEvent>> mentions(EnrichedArticle enriched, int newStoryWindows) {
        MentionEvent event = new MentionEvent(enriched.getArticle().getId(), enriched.getStoryId(),
                enriched.getArticle().getSource(), enriched.getArticle().getPublishedAt(), null,
                enriched.getStoryStartedAt(), -1);
        List<KeyValue<String, MentionEvent>> mentions = new ArrayList<>();
        MentionEvent total = MentionEvent.newBuilder(event).setNewStoryWindows(newStoryWindows).build();
        mentions.add(KeyValue.pair(Terms.TOTAL, total));
        for (Term term : terms(enriched)) {
            mentions.add(KeyValue.pair(term.term(), event));
        }
        return mentions;
    }
}
