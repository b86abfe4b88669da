package io.mediamonitor.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageGuesserTest {

    @Test
    void recognisesFrenchAndEnglish() {
        assertThat(LanguageGuesser.guess("Les ministres de la Défense du Mali et du Niger ont présenté une force"))
                .isEqualTo("fr");
        assertThat(LanguageGuesser.guess("The ministers of the three states said the force would be based in the capital"))
                .isEqualTo("en");
    }

    @Test
    void doesNotCallSpanishFrench() {
        assertThat(LanguageGuesser.guess("El gobierno de Malí y los militares del país dijeron que la fuerza se basa en la capital"))
                .isEqualTo("es");
    }

    @Test
    void staysSilentOnShortOrAmbiguousText() {
        assertThat(LanguageGuesser.guess("Mali")).isNull();
        assertThat(LanguageGuesser.guess("")).isNull();
        assertThat(LanguageGuesser.guess("Bamako, Niamey, Ouagadougou 2025")).isNull();
    }

    @Test
    void normalizesDeclaredCodes() {
        assertThat(LanguageGuesser.normalizeCode("fr-FR")).isEqualTo("fr");
        assertThat(LanguageGuesser.normalizeCode("EN_us")).isEqualTo("en");
        assertThat(LanguageGuesser.normalizeCode("fra")).isEqualTo("fr");
        assertThat(LanguageGuesser.normalizeCode("fre")).isEqualTo("fr");
        assertThat(LanguageGuesser.normalizeCode("x")).isNull();
        assertThat(LanguageGuesser.normalizeCode(null)).isNull();
    }

    @Test
    void separatorsAloneAreNoCode() {
        for (String declared : new String[]{"-", "_", "--", " - ", "-fr"}) {
            assertThat(LanguageGuesser.normalizeCode(declared)).as(declared).isNull();
        }
    }
}
