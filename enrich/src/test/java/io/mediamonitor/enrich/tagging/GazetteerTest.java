package io.mediamonitor.enrich.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediamonitor.enrich.tagging.Gazetteer.Country;
import io.mediamonitor.enrich.tagging.Gazetteer.Form;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GazetteerTest {

    private final Gazetteer gazetteer = Gazetteer.bundled();

    private static Set<String> forms(Country c) {
        return c.forms().stream().map(Form::text).collect(Collectors.toSet());
    }

    @Test
    void covers_every_iso_3166_country_with_english_and_french_names() {
        assertThat(gazetteer.countries()).hasSizeGreaterThanOrEqualTo(249);
        assertThat(gazetteer.countries()).allSatisfy(c -> assertThat(c.code()).matches("[A-Z]{2}"));
        assertThat(forms(gazetteer.country("DE"))).contains("Germany", "Allemagne", "Berlin", "German", "Allemande", "Allemands");
        assertThat(forms(gazetteer.country("SO"))).contains("Somalia", "Somalie", "Mogadishu", "Mogadiscio");
    }

    @Test
    void generated_file_names_its_source_version_and_licence() throws IOException {
        try (InputStream in = Gazetteer.class.getResourceAsStream(Gazetteer.GENERATED)) {
            String header = new String(in.readNBytes(2000), StandardCharsets.UTF_8);
            assertThat(header).contains("source: world-countries 5.1.0").contains("licence: ODbL-1.0");
        }
    }

    @Test
    void overlay_adds_curated_forms_with_their_flags() {
        Country bf = gazetteer.country("BF");
        assertThat(forms(bf)).contains("Burkina", "Burkina Faso", "Ouagadougou", "Burkinabée");
        Form rdc = gazetteer.country("CD").forms().stream().filter(f -> f.text().equals("RDC")).findFirst().orElseThrow();
        assertThat(rdc.caseSensitive()).isTrue();
        Form chad = gazetteer.country("TD").forms().stream().filter(f -> f.text().equals("Chad")).findFirst().orElseThrow();
        assertThat(chad.ambiguous()).isTrue();
        assertThat(gazetteer.country("TD").context()).contains("Sahel");
    }

    @Test
    void overlay_drops_forms_that_are_common_words() {
        assertThat(forms(gazetteer.country("GD"))).doesNotContain("Grenade").contains("Grenada");
        assertThat(forms(gazetteer.country("IS"))).doesNotContain("Island");
        assertThat(gazetteer.stopPhrases()).contains("Niger River", "fleuve Niger");
    }

    @Test
    void a_form_claimed_by_two_countries_goes_to_the_un_member() {
        assertThat(forms(gazetteer.country("FR"))).contains("French");
        assertThat(forms(gazetteer.country("TF"))).doesNotContain("French");
    }

    @Test
    void overlay_rows_are_applied_in_order() {
        Gazetteer g = Gazetteer.load("XX\tdisplay\ten\tExample\nXX\tname\ten\tExampleland\n",
                "XX\tname\tfr\tExemplie\tcs\n-\tdrop\t\texampleland\nXX\tcontext\t\tword\n-\tstop\t\tExemplie River\n");
        Country xx = g.country("XX");
        assertThat(xx.name()).isEqualTo("Example");
        assertThat(xx.forms()).containsExactly(new Form("Exemplie", "fr", true, false));
        assertThat(xx.context()).containsExactly("word");
        assertThat(g.stopPhrases()).containsExactly("Exemplie River");
    }

    @Test
    void overlay_naming_an_unknown_country_is_refused() {
        assertThatThrownBy(() -> Gazetteer.load("XX\tdisplay\ten\tExample\n", "ZZ\tname\ten\tNowhere\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ZZ");
    }
}
