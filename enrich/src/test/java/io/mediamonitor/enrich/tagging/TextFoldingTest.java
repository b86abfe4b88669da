package io.mediamonitor.enrich.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFoldingTest {

    @Test
    void folds_case_and_accents_keeping_the_length() {
        String text = "Côte d’Ivoire, GOÏTA, Burkinabè, Ñ, Œuvre";
        String folded = TextFolding.foldToString(text);
        assertThat(folded).isEqualTo("cote d'ivoire, goita, burkinabe, n, œuvre");
        assertThat(folded).hasSameSizeAs(text);
    }

    @Test
    void a_key_with_a_ligature_is_also_spelt_with_its_letters_and_the_other_way_round() {
        assertThat(TextFolding.ligatureSpellings("manœuvres")).containsExactly("manœuvres", "manoeuvres");
        assertThat(TextFolding.ligatureSpellings("soeur")).containsExactly("soeur", "sœur");
        assertThat(TextFolding.ligatureSpellings("mali")).containsExactly("mali");
    }

    @Test
    void combining_accents_are_composed_before_folding_and_other_text_is_left_as_it_is() {
        assertThat(TextFolding.composed("Goi\u0308ta au Se\u0301ne\u0301gal")).isEqualTo("Goïta au Sénégal");
        String plain = "Goïta au Sénégal";
        assertThat(TextFolding.composed(plain)).isSameAs(plain);
        assertThat(TextFolding.foldIfComposed(plain)).isEqualTo(TextFolding.fold(plain));
        assertThat(TextFolding.foldIfComposed("Se\u0301ne\u0301gal")).isNull();
    }

    @Test
    void typographic_apostrophes_become_one_apostrophe() {
        assertThat(TextFolding.foldToString("l’AES l‘AES lʼAES l'AES")).isEqualTo("l'aes l'aes l'aes l'aes");
    }

    @Test
    void hyphens_and_dashes_fold_to_spaces_but_stay_hyphens_for_exact_comparison() {
        assertThat(TextFolding.foldToString("Guinée‑Bissau Guinée–Bissau Guinée-Bissau")).isEqualTo("guinee bissau guinee bissau guinee bissau");
        assertThat(TextFolding.punctuation('‑')).isEqualTo('-');
        assertThat(TextFolding.punctuation('’')).isEqualTo('\'');
        assertThat(TextFolding.punctuation('A')).isEqualTo('A');
    }

    @Test
    void no_break_spaces_are_spaces() {
        assertThat(TextFolding.foldToString("Mali\u00a0: Niger\u202f!")).isEqualTo("mali : niger !");
    }

    @Test
    void letters_and_digits_of_any_script_are_word_chars() {
        assertThat(TextFolding.isWordChar('é')).isTrue();
        assertThat(TextFolding.isWordChar('7')).isTrue();
        assertThat(TextFolding.isWordChar('\'')).isFalse();
        assertThat(TextFolding.isWordChar('-')).isFalse();
    }
}
