package io.mediamonitor.enrich;

import io.mediamonitor.enrich.tagging.Tagger;
import io.mediamonitor.enrich.tagging.Tags;
import io.mediamonitor.model.ActorTag;
import io.mediamonitor.model.CountryTag;
import io.mediamonitor.model.DictionaryEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A deliberately plain tagger for topology tests: whole-word lookups of a few names. The real
 * tagger has its own tests; here we test the data flow around it.
 */
final class SimpleTestTagger implements Tagger {

    private static final Map<String, String> COUNTRIES = Map.of("Mali", "ML", "Niger", "NE", "Russie", "RU");
    private final Map<String, DictionaryEntry> actors;

    SimpleTestTagger(Map<String, DictionaryEntry> actors) {
        this.actors = actors;
    }

    @Override
    public Tags tag(String text) {
        List<String> words = List.of(text.split("[^\\p{L}\\p{N}-]+"));
        List<CountryTag> countries = new ArrayList<>();
        COUNTRIES.forEach((name, code) -> {
            long n = words.stream().filter(name::equals).count();
            if (n > 0) {
                countries.add(new CountryTag(code, name, (int) n, List.of(name)));
            }
        });
        List<ActorTag> found = new ArrayList<>();
        actors.values().forEach(actor -> actor.getAliases().forEach(alias -> {
            if (text.contains(alias.getText())) {
                found.add(new ActorTag(actor.getId(), actor.getName(), actor.getType(), 1, List.of(alias.getText())));
            }
        }));
        countries.sort(java.util.Comparator.comparing(CountryTag::getCode));
        return new Tags(countries, found, List.of());
    }

    @Override
    public String dictionaryVersion() {
        return "test-" + actors.size();
    }
}
