package io.mediamonitor.enrich.tagging;

import static io.mediamonitor.enrich.tagging.TaggingAssertions.actor;
import static io.mediamonitor.enrich.tagging.TaggingAssertions.actors;
import static io.mediamonitor.enrich.tagging.TaggingAssertions.codes;
import static io.mediamonitor.enrich.tagging.TaggingAssertions.country;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One behaviour of the matcher per test, over the built-in dictionary. */
class MatcherBehaviourTest {

    private final Tagger tagger = Dictionary.builtIn().tagger();

    private Tags tag(String text) {
        return tagger.tag(text);
    }

    @Test
    void french_and_english_names_resolve_to_one_country() {
        Tags t = tag("Le Tchad et Chad's neighbours: N'Djamena says Chadian troops stay in Niger.");
        assertThat(country(t, "TD").getMatched()).containsExactly("Tchad", "Chad", "N'Djamena", "Chadian");
        assertThat(country(t, "TD").getMentions()).isEqualTo(4);
    }

    @Test
    void a_name_inside_another_word_does_not_match() {
        assertThat(codes(tag("La Somalie a accusé les Somaliens."))).containsExactly("SO");
        assertThat(codes(tag("Nigeria"))).containsExactly("NG");
    }

    @Test
    void case_and_accents_do_not_matter_for_names() {
        assertThat(country(tag("COTE D'IVOIRE, côte d'ivoire, Côte d’Ivoire"), "CI").getMentions()).isEqualTo(3);
        assertThat(codes(tag("les forces maliennes et MALIENNES"))).containsExactly("ML");
    }

    @Test
    void accents_written_as_separate_combining_marks_fold_like_composed_ones() {
        // some feeds carry decomposed text (NFD): "Se" + U+0301 + "ne" + U+0301 + "gal"
        Tags t = tag("Le Se\u0301ne\u0301gal et la Guine\u0301e quittent l'Alliance des E\u0301tats du Sahel.");
        assertThat(codes(t)).containsExactly("SN", "GN");
        assertThat(actors(t)).containsExactly("aes");
        assertThat(actors(tag("le ge\u0301ne\u0301ral Goi\u0308ta"))).containsExactly("goita");
        // and an alias written so in a dictionary matches the composed text
        Dictionary pasted = Dictionary.builtIn().withEntries(List.of(Dictionary.keywordEntry("re\u0301fe\u0301rendum")));
        assertThat(pasted.tagger().tag("Le référendum au Mali").keywords()).hasSize(1);
    }

    @Test
    void a_hyphenated_name_written_with_a_spaced_hyphen_is_still_that_name() {
        assertThat(codes(tag("Élections en Guinée - Bissau : le président dissout l'Assemblée.")))
                .containsExactly("GW");
        assertThat(codes(tag("Guinea – Bissau and Guinea-Bissau"))).containsExactly("GW");
        assertThat(country(tag("Guinée - Bissau"), "GW").getMatched()).containsExactly("Guinée - Bissau");
    }

    @Test
    void a_ligature_and_its_two_letters_are_one_spelling() {
        Dictionary dictionary = Dictionary.builtIn().withEntries(List.of(
                Dictionary.keywordEntry("manœuvres militaires"), Dictionary.keywordEntry("soeur Emmanuelle")));
        Tagger ligatures = dictionary.tagger();
        assertThat(ligatures.tag("Des manoeuvres militaires au Mali").keywords()).hasSize(1);
        assertThat(ligatures.tag("Des MANŒUVRES militaires au Mali").keywords()).hasSize(1);
        assertThat(ligatures.tag("Sœur Emmanuelle à Niamey").keywords().get(0).getMatched())
                .containsExactly("Sœur Emmanuelle");
        assertThat(ligatures.tag("Des manœuvres au Mali").keywords()).isEmpty();
    }

    @Test
    void words_of_military_news_do_not_veto_an_ambiguous_name() {
        // the composer's and the cipher's words, not every word that starts like them
        assertThat(actors(tag("Wagner expanded its operations in Mali after the coup."))).containsExactly("wagner");
        assertThat(actors(tag("L'armée malienne et Wagner ont lancé une opération antiterroriste dans la région "
                + "de Kidal."))).containsExactly("wagner");
        assertThat(actors(tag("Le coup d'État orchestré par la junte au Niger a rapproché Niamey de Wagner.")))
                .containsExactly("wagner");
        assertThat(actors(tag("L'AES en chiffres : le Mali, le Burkina Faso et le Niger comptent 72 millions "
                + "d'habitants."))).containsExactly("aes");
        assertThat(actors(tag("Selon les chiffres officiels, les échanges au sein de l'AES ont doublé au Mali.")))
                .containsExactly("aes");
        assertThat(actors(tag("Déchiffrer l'AES : ce que veulent le Mali, le Burkina Faso et le Niger.")))
                .containsExactly("aes");
        // while the composer's and the cipher's own words still do
        assertThat(actors(tag("Wagner's operas filled the opera house in Moscow."))).isEmpty();
        assertThat(actors(tag("The Moscow orchestra played Wagner."))).isEmpty();
        assertThat(actors(tag("L'Opéra de Moscou joue Wagner."))).isEmpty();
        assertThat(actors(tag("L'Orchestre philharmonique de Moscou joue Wagner ce soir."))).isEmpty();
        assertThat(actors(tag("Le chef d'orchestre russe Valery Gergiev dirige Wagner au Mariinsky."))).isEmpty();
        assertThat(actors(tag("L'orchestre national de Russie a interprété Wagner."))).isEmpty();
        assertThat(actors(tag("Le chiffrement AES protège les données du Mali."))).isEmpty();
        assertThat(actors(tag("Les données sont chiffrées en AES avant l'envoi au Mali."))).isEmpty();
        assertThat(actors(tag("Il faut chiffrer le disque en AES au Burkina."))).isEmpty();
    }

    @Test
    void another_traore_named_in_the_text_is_not_the_president_of_burkina_faso() {
        assertThat(actors(tag("Bertrand Traoré, capitaine des Étalons du Burkina Faso, a marqué contre le Sénégal.")))
                .isEmpty();
        // "Traoré" alone, with Burkina context and no other Traoré named: the president
        assertThat(actors(tag("Traoré a reçu les ministres de l'AES à Ouagadougou."))).contains("traore");
        assertThat(actors(tag("Le président Traoré a salué la mémoire de Moussa Traoré à Ouagadougou.")))
                .contains("traore");
    }

    @Test
    void acronyms_match_only_as_written() {
        assertThat(actors(tag("Les pays de l'AES et le Mali"))).containsExactly("aes");
        assertThat(actors(tag("les aes du Mali"))).isEmpty();
        assertThat(codes(tag("L'eau manque au Mali"))).containsExactly("ML");
        assertThat(codes(tag("Les EAU investissent au Mali"))).containsExactlyInAnyOrder("AE", "ML");
        assertThat(actors(tag("IS-Sahel claimed it; the threat is Sahel-wide."))).containsExactly("eigs");
        assertThat(actor(tag("IS-Sahel claimed it; the threat is Sahel-wide."), "eigs").getMatched()).containsExactly("IS-Sahel");
    }

    @Test
    void matched_forms_keep_the_text_as_written() {
        Tags t = tag("Le président MALIEN a quitté Bamako pour le Mali profond.");
        assertThat(country(t, "ML").getMatched()).containsExactly("MALIEN", "Bamako", "Mali");
    }

    @Test
    void longest_match_wins() {
        Tags t = tag("La Guinée-Bissau, la Guinée équatoriale et la Papua New Guinea.");
        assertThat(codes(t)).containsExactly("GW", "GQ", "PG");
        Tags bf = tag("Le Burkina Faso.");
        assertThat(country(bf, "BF").getMentions()).isEqualTo(1);
        assertThat(country(bf, "BF").getMatched()).containsExactly("Burkina Faso");
    }

    @Test
    void hyphen_and_space_spellings_are_one_form() {
        Tags t = tag("Burkina-Faso et Guinée Bissau");
        assertThat(country(t, "BF").getMatched()).containsExactly("Burkina-Faso");
        assertThat(codes(t)).containsExactly("BF", "GW");
    }

    @Test
    void typographic_apostrophes_and_hyphens_are_normalized() {
        Tags t = tag("Des combattants d’Africa Corps en Côte‑d’Ivoire ? Non, en Guinée–Bissau.");
        assertThat(actors(t)).containsExactly("africa-corps");
        assertThat(codes(t)).containsExactly("CI", "GW");
    }

    @Test
    void french_elision_does_not_hide_a_name() {
        Tags t = tag("Jusqu'au Mali, l'AES et d'Africa Corps, qu'au Niger.");
        assertThat(codes(t)).containsExactly("ML", "NE");
        assertThat(actors(t)).containsExactlyInAnyOrder("aes", "africa-corps");
    }

    @Test
    void short_forms_and_acronyms_of_countries() {
        assertThat(codes(tag("le Burkina"))).containsExactly("BF");
        assertThat(codes(tag("en RDC"))).containsExactly("CD");
        assertThat(codes(tag("la Centrafrique"))).containsExactly("CF");
        assertThat(codes(tag("les Etats-Unis"))).containsExactly("US");
        assertThat(codes(tag("à Moscou"))).containsExactly("RU");
    }

    @Test
    void demonyms_in_french_genders_and_numbers_and_english() {
        for (String s : new String[] {"burkinabè", "Burkinabée", "burkinabés", "Burkinabe", "Burkinabes"}) {
            assertThat(codes(tag("les " + s))).as(s).containsExactly("BF");
        }
        for (String s : new String[] {"ivoirien", "ivoirienne", "ivoiriens", "ivoiriennes", "Ivorian", "Ivorians"}) {
            assertThat(codes(tag("les " + s))).as(s).containsExactly("CI");
        }
    }

    @Test
    void niger_and_nigeria_are_never_confused() {
        Tags t = tag("Les Nigériens de Niamey et les Nigérians d'Abuja; Niger, Nigeria; Nigerien, Nigerian.");
        assertThat(country(t, "NE").getMatched()).containsExactly("Nigériens", "Niamey", "Niger", "Nigerien");
        assertThat(country(t, "NG").getMatched()).containsExactly("Nigérians", "Abuja", "Nigeria", "Nigerian");
    }

    @Test
    void the_niger_river_and_delta_are_not_the_country_niger() {
        assertThat(codes(tag("La crue du fleuve Niger inquiète."))).isEmpty();
        assertThat(codes(tag("Oil spills in the Niger Delta."))).containsExactly("NG");
    }

    @Test
    void aes_the_alliance_versus_the_company_and_the_cipher() {
        assertThat(actors(tag("L'AES a tenu son sommet à Bamako."))).containsExactly("aes");
        assertThat(actors(tag("AES Corporation sold a power plant."))).isEmpty();
        assertThat(actors(tag("Data is encrypted with AES-256."))).isEmpty();
        assertThat(actors(tag("AES with 128-bit keys is an encryption standard."))).isEmpty();
    }

    @Test
    void chad_the_country_versus_the_first_name() {
        assertThat(codes(tag("Chad Smith played the drums."))).isEmpty();
        assertThat(codes(tag("Chad and Sudan closed the border."))).containsExactly("TD", "SD");
        assertThat(codes(tag("Troops left Chad after the junta asked them to."))).containsExactly("TD");
    }

    @Test
    void another_country_nearby_does_not_make_a_first_name_the_country() {
        assertThat(codes(tag("Chad Smith drums for the Red Hot Chili Peppers in Nigeria."))).containsExactly("NG");
        assertThat(codes(tag("Georgia May Jagger flew to Morocco."))).containsExactly("MA");
        // the country still counts in company, in title case and before an acronym
        assertThat(codes(tag("Chad And Nigeria Close Their Border"))).containsExactly("TD", "NG");
        assertThat(codes(tag("Chad UN mission extended, says Nigeria."))).containsExactly("TD", "NG");
        assertThat(codes(tag("Chad, Nigeria and Cameroon met."))).containsExactly("TD", "NG", "CM");
    }

    @Test
    void novak_the_russian_official_versus_the_tennis_player() {
        assertThat(actors(tag("Novak Djokovic won in Paris."))).isEmpty();
        assertThat(actors(tag("Novak met the Malian junta to discuss energy and Russia's role."))).containsExactly("novak");
        assertThat(actors(tag("Alexander Novak arrived."))).containsExactly("novak");
    }

    @Test
    void wagner_the_group_versus_the_composer() {
        assertThat(actors(tag("Richard Wagner's opera Parsifal opened in Bayreuth."))).isEmpty();
        assertThat(actors(tag("Wagner mercenaries and Russian instructors in Mali."))).containsExactly("wagner");
        assertThat(actors(tag("Le groupe Wagner."))).containsExactly("wagner");
    }

    @Test
    void an_unambiguous_alias_of_the_same_actor_is_context_enough() {
        Tags t = tag("Le groupe Wagner recrute. Wagner paie bien.");
        assertThat(actor(t, "wagner").getMentions()).isEqualTo(2);
        assertThat(actor(t, "wagner").getMatched()).containsExactly("groupe Wagner", "Wagner");
    }

    @Test
    void africa_corps_spellings_but_not_the_afrika_korps() {
        assertThat(actor(tag("Africa Corps, African Corps"), "africa-corps").getMentions()).isEqualTo(2);
        assertThat(actors(tag("Rommel's Afrika Korps in 1941"))).isEmpty();
    }

    @Test
    void lists_are_sorted_most_mentioned_first() {
        Tags t = tag("Niger. Mali, Mali, Bamako. Niamey. Burkina.");
        assertThat(codes(t)).containsExactly("ML", "NE", "BF");
        assertThat(country(t, "ML").getMentions()).isEqualTo(3);
    }

    @Test
    void common_words_that_are_country_names_elsewhere_do_not_match() {
        assertThat(codes(tag("Une grenade a explosé pendant la réunion."))).isEmpty();
        assertThat(codes(tag("A turkey in New Mexico, fine china and guinea pigs."))).isEmpty();
    }

    @Test
    void empty_and_blank_texts_have_no_tags() {
        assertThat(tag("").isEmpty()).isTrue();
        assertThat(tag(null).isEmpty()).isTrue();
        assertThat(tag("   ").isEmpty()).isTrue();
    }
}
