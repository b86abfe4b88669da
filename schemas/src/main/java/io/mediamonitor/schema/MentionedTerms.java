package io.mediamonitor.schema;

import io.mediamonitor.model.ActorTag;
import io.mediamonitor.model.CountryTag;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.model.KeywordTag;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The terms an enriched article counts towards: each country, actor and keyword it mentions, and each
 * actor×country pair when pairs are counted. Part of the contract: enrich counts these terms and alerts
 * explains them with the same articles, so both read them here.
 */
public final class MentionedTerms {

    /** A term with the name a person reads for it. */
    public record Term(String term, String label) {
    }

    private MentionedTerms() {
    }

    /** The article's terms with their labels, {@link Terms#TOTAL} excluded. */
    public static List<Term> of(EnrichedArticle enriched, boolean pairs) {
        List<Term> terms = new ArrayList<>();
        for (CountryTag country : enriched.getCountries()) {
            terms.add(new Term(Terms.country(country.getCode()), country.getName()));
        }
        for (ActorTag actor : enriched.getActors()) {
            terms.add(new Term(Terms.actor(actor.getId()), actor.getName()));
            if (pairs) {
                for (CountryTag country : enriched.getCountries()) {
                    terms.add(new Term(Terms.pair(actor.getId(), country.getCode()),
                            actor.getName() + " × " + country.getName()));
                }
            }
        }
        Set<String> keywords = new HashSet<>();
        for (KeywordTag keyword : enriched.getKeywords()) {
            String term = Terms.keyword(keyword.getKeyword());
            // keywords differing only in case are one term, counted once
            if (keywords.add(term)) {
                terms.add(new Term(term, keyword.getKeyword()));
            }
        }
        return terms;
    }
}
