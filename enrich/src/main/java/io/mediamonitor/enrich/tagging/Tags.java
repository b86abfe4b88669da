package io.mediamonitor.enrich.tagging;

import io.mediamonitor.model.ActorTag;
import io.mediamonitor.model.CountryTag;
import io.mediamonitor.model.KeywordTag;
import java.util.List;

/** What a text mentions, each list most-mentioned first. Uses the contract types of EnrichedArticle. */
public record Tags(List<CountryTag> countries, List<ActorTag> actors, List<KeywordTag> keywords) {

    public static final Tags NONE = new Tags(List.of(), List.of(), List.of());

    public Tags {
        countries = List.copyOf(countries);
        actors = List.copyOf(actors);
        keywords = List.copyOf(keywords);
    }

    public boolean isEmpty() {
        return countries.isEmpty() && actors.isEmpty() && keywords.isEmpty();
    }
}
