package io.mediamonitor.enrich.tagging;

import static io.mediamonitor.enrich.tagging.TaggingAssertions.actor;
import static io.mediamonitor.enrich.tagging.TaggingAssertions.actors;
import static io.mediamonitor.enrich.tagging.TaggingAssertions.keywords;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.model.Alias;
import io.mediamonitor.model.DictionaryEntry;
import io.mediamonitor.model.DictionaryEntryKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class DictionaryTest {

    private final Dictionary builtIn = Dictionary.builtIn();

    private static DictionaryEntry actorEntry(String id, String name, String... aliases) {
        return new DictionaryEntry(DictionaryEntryKind.ACTOR, id, name, "organisation",
                List.of(aliases).stream().map(a -> new Alias(a, null, false)).toList(), List.of(), List.of(), List.of());
    }

    private static DictionaryEntry keywordEntry(String text, String... aliases) {
        return new DictionaryEntry(DictionaryEntryKind.KEYWORD, text, text, null,
                List.of(aliases).stream().map(a -> new Alias(a, null, false)).toList(), List.of(), List.of(), List.of());
    }

    @Test
    void built_in_tags_countries_and_sahel_actors() {
        Tags t = builtIn.tagger().tag("Le JNIM frappe au Mali.");
        assertThat(actors(t)).containsExactly("jnim");
        assertThat(TaggingAssertions.codes(t)).containsExactly("ML");
    }

    @Test
    void added_entries_are_tagged() {
        Dictionary d = builtIn.withEntries(List.of(actorEntry("fama", "FAMa", "Forces armées maliennes"), keywordEntry("coup d'état", "coup d'État", "putsch")));
        Tags t = d.tagger().tag("Les Forces armées maliennes craignent un putsch, un nouveau coup d’État.");
        assertThat(actors(t)).containsExactly("fama");
        assertThat(keywords(t)).containsExactly("coup d'état");
        assertThat(t.keywords().get(0).getMentions()).isEqualTo(2);
        assertThat(t.keywords().get(0).getMatched()).containsExactly("putsch", "coup d’État");
    }

    @Test
    void an_entry_with_a_built_in_id_overrides_it() {
        Dictionary d = builtIn.withEntries(List.of(actorEntry("wagner", "PMC Wagner", "Vagner")));
        Tags t = d.tagger().tag("Vagner, the groupe Wagner.");
        assertThat(actor(t, "wagner").getName()).isEqualTo("PMC Wagner");
        assertThat(actor(t, "wagner").getMatched()).containsExactly("Vagner");
    }

    @Test
    void a_tombstone_removes_an_entry_and_brings_back_the_built_in_it_overrode() {
        Dictionary added = builtIn.withEntries(List.of(actorEntry("fama", "FAMa", "FAMa"), actorEntry("wagner", "PMC Wagner", "Vagner")));
        Dictionary removed = added.without("actor:fama").without("actor:wagner");
        assertThat(actors(removed.tagger().tag("FAMa et le groupe Wagner"))).containsExactly("wagner");
        assertThat(removed.version()).isEqualTo(builtIn.version());
        assertThat(builtIn.without("actor:unknown")).isSameAs(builtIn);
    }

    @Test
    void a_built_in_actor_is_silenced_by_publishing_it_without_aliases() {
        Dictionary d = builtIn.withEntries(List.of(actorEntry("macron", "Emmanuel Macron")));
        assertThat(actors(d.tagger().tag("Emmanuel Macron"))).isEmpty();
    }

    @Test
    void version_is_a_short_stable_hash_of_the_content() {
        assertThat(builtIn.version()).matches("[0-9a-f]{12}");
        assertThat(builtIn.tagger().dictionaryVersion()).isEqualTo(builtIn.version());
        Dictionary a = builtIn.withEntries(List.of(keywordEntry("junte")));
        Dictionary b = builtIn.withEntries(List.of(keywordEntry("junte")));
        assertThat(a.version()).isEqualTo(b.version()).isNotEqualTo(builtIn.version());
        assertThat(builtIn.withEntries(List.of(keywordEntry("junta"))).version()).isNotEqualTo(a.version());
    }

    @Test
    void keyword_without_aliases_matches_its_own_text() {
        Dictionary d = builtIn.withEntries(List.of(keywordEntry("junte")));
        assertThat(keywords(d.tagger().tag("La junte au pouvoir; les juntes."))).containsExactly("junte");
    }

    @Test
    void the_tagger_is_built_once_per_dictionary() {
        Dictionary d = builtIn.withEntries(List.of(keywordEntry("junte")));
        assertThat(d.tagger()).isSameAs(d.tagger());
    }

    @Test
    void entries_lists_the_entries_in_force() {
        Dictionary d = builtIn.withEntries(List.of(keywordEntry("junte"))).without("actor:macron");
        assertThat(d.entries()).extracting(Dictionary::key).contains("keyword:junte", "actor:macron", "actor:aes");
    }
}
