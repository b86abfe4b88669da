package io.mediamonitor.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.model.DictionaryEntry;
import io.mediamonitor.model.DictionaryEntryKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermLabelsTest {

    private final TermLabels labels = new TermLabels(List.of(
            DictionaryEntry.newBuilder().setKind(DictionaryEntryKind.ACTOR).setId("africa-corps")
                    .setName("Africa Corps").setType("armed-group").setAliases(List.of()).build()));

    @Test
    void namesActorsFromTheDictionaryCountriesFromTheirCodesAndPairsFromBoth() {
        assertThat(labels.label("actor:africa-corps")).isEqualTo("Africa Corps");
        assertThat(labels.label("country:ML")).isEqualTo("Mali");
        assertThat(labels.label("pair:africa-corps|ML")).isEqualTo("Africa Corps × Mali");
        assertThat(labels.label("keyword:coup d'état")).isEqualTo("coup d'état");
        assertThat(labels.label("actor:someone-unknown")).as("no name known: the id").isEqualTo("someone-unknown");
    }

    @Test
    void anAlertsLabelWins() {
        labels.learn("actor:africa-corps", "Africa Corps (ex-Wagner)");

        assertThat(labels.label("actor:africa-corps")).isEqualTo("Africa Corps (ex-Wagner)");
    }
}
