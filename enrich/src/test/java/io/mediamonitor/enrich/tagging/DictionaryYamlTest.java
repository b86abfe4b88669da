package io.mediamonitor.enrich.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediamonitor.model.Alias;
import io.mediamonitor.model.DictionaryEntry;
import io.mediamonitor.model.DictionaryEntryKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DictionaryYamlTest {

    @TempDir
    Path dir;

    private List<DictionaryEntry> load(String yaml) throws IOException {
        Path file = dir.resolve("dictionary.yaml");
        Files.writeString(file, yaml);
        return DictionaryYaml.load(file);
    }

    @Test
    void reads_actors_with_aliases_per_language_and_context() throws IOException {
        List<DictionaryEntry> entries = load("""
                actors:
                  - id: fama
                    name: Forces armées maliennes
                    type: organisation
                    aliases:
                      fr: [Forces armées maliennes, armée malienne]
                      en: [Malian Armed Forces]
                      any: [FAMa, {text: Fama, caseSensitive: false}]
                    ambiguousAliases: [Fama]
                    context: [Mali]
                    negativeContext: [Fama Ltd]
                """);
        assertThat(entries).hasSize(1);
        DictionaryEntry e = entries.get(0);
        assertThat(e.getKind()).isEqualTo(DictionaryEntryKind.ACTOR);
        assertThat(e.getId()).isEqualTo("fama");
        assertThat(e.getType()).isEqualTo("organisation");
        assertThat(e.getAliases()).contains(new Alias("armée malienne", "fr", false), new Alias("Malian Armed Forces", "en", false),
                new Alias("Fama", null, false));
        assertThat(e.getContext()).containsExactly("Mali");
        assertThat(e.getNegativeContext()).containsExactly("Fama Ltd");
        assertThat(e.getAmbiguousAliases()).containsExactly("Fama");
    }

    @Test
    void upper_case_short_forms_are_case_sensitive_unless_said_otherwise() throws IOException {
        DictionaryEntry e = load("""
                actors:
                  - {id: x, name: X, type: person, aliases: [AES, {text: JNIM, caseSensitive: false}, Alliance]}
                """).get(0);
        Map<String, Boolean> cs = e.getAliases().stream().collect(Collectors.toMap(Alias::getText, Alias::getCaseSensitive));
        assertThat(cs).containsEntry("AES", true).containsEntry("JNIM", false).containsEntry("Alliance", false);
    }

    @Test
    void reads_keywords_as_strings_or_with_aliases() throws IOException {
        List<DictionaryEntry> entries = load("""
                keywords:
                  - coup d'état
                  - keyword: junte
                    aliases: [junte, junta, juntes]
                """);
        assertThat(entries).extracting(DictionaryEntry::getKind).containsOnly(DictionaryEntryKind.KEYWORD);
        assertThat(entries).extracting(DictionaryEntry::getId).containsExactly("coup d'état", "junte");
        assertThat(entries.get(0).getAliases()).extracting(Alias::getText).containsExactly("coup d'état");
        assertThat(entries.get(1).getAliases()).extracting(Alias::getText).containsExactly("junte", "junta", "juntes");
    }

    @Test
    void refuses_an_actor_without_a_valid_id_or_type() {
        assertThatThrownBy(() -> load("actors: [{id: Not Kebab, name: X, type: person, aliases: [X]}]"))
                .hasMessageContaining("kebab-case");
        assertThatThrownBy(() -> load("actors: [{id: x, name: X, type: celebrity, aliases: [X]}]"))
                .hasMessageContaining("type");
        assertThatThrownBy(() -> load("actors: [{id: x, name: X, aliases: [X]}]"))
                .hasMessageContaining("'type'");
    }

    @Test
    void refuses_an_ambiguous_alias_that_is_not_an_alias() {
        assertThatThrownBy(() -> load("actors: [{id: x, name: X, type: person, aliases: [Xavier], ambiguousAliases: [Xav]}]"))
                .hasMessageContaining("Xav");
    }

    @Test
    void refuses_an_entry_listed_twice_naming_both_spellings() {
        assertThatThrownBy(() -> load("""
                keywords:
                  - Coup d'État
                  - {keyword: "coup d'état", aliases: [putsch]}
                """)).hasMessageContaining("keyword 'coup d'état' is listed twice (as 'Coup d'État' before");
        assertThatThrownBy(() -> load("""
                actors:
                  - {id: fama, type: organisation, aliases: [FAMa]}
                  - {id: fama, type: organisation, aliases: [armée malienne]}
                """)).hasMessageContaining("actor 'fama' is listed twice; merge the two entries");
    }

    @Test
    void an_empty_file_has_no_entries() throws IOException {
        assertThat(load("")).isEmpty();
    }

    @Test
    void the_sahel_pack_has_every_required_actor_with_a_type() {
        Map<String, DictionaryEntry> byId = DictionaryYaml.sahelPack().stream()
                .collect(Collectors.toMap(DictionaryEntry::getId, Function.identity()));
        assertThat(byId).containsKeys("aes", "africa-corps", "wagner", "jnim", "eigs", "ecowas", "minusma",
                "putin", "novak", "goita", "traore", "tiani", "kassoum-coulibaly", "macron");
        assertThat(byId.get("aes").getType()).isEqualTo("alliance");
        assertThat(byId.get("jnim").getType()).isEqualTo("armed-group");
        assertThat(byId.get("ecowas").getType()).isEqualTo("organisation");
        assertThat(byId.get("putin").getType()).isEqualTo("person");
        assertThat(byId.get("africa-corps").getAliases()).extracting(Alias::getText)
                .contains("Africa Corps", "African Corps").doesNotContain("Afrika Korps");
    }
}
