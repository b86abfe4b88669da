package io.mediamonitor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NearDuplicatesTest {

    private final NearDuplicates rule = NearDuplicates.defaults();

    @Test
    void aHeadlineAloneJoinsOnlyTheSameHeadline() {
        NearDuplicates.InMemory index = new NearDuplicates.InMemory();
        index.add("short", StorySignature.of("Le Mali signe", ""));

        assertThat(rule.storyOf(StorySignature.of("LE MALI SIGNE !", ""), index)).contains("short");
        // most of its word pairs are in the other, but a few words say too little to call it a copy
        assertThat(rule.storyOf(StorySignature.of("Le Mali signe un accord", ""), index)).isEmpty();
    }

    @Test
    void aTrimmedCopyWithANewHeadlineJoinsItsStoryAndAnotherStoryOnTheSameSubjectDoesNot() {
        String wire = "Les chefs d'État du Mali, du Burkina Faso et du Niger se sont réunis samedi à Niamey pour le "
                + "premier sommet de l'Alliance des États du Sahel. Ils ont adopté un traité créant une confédération, "
                + "annoncé une force conjointe et un passeport commun, et réaffirmé leur retrait de la Cédéao.";
        NearDuplicates.InMemory index = new NearDuplicates.InMemory();
        index.add("wire", StorySignature.of("Sommet de l'AES à Niamey", wire));

        assertThat(rule.storyOf(StorySignature.of("Niamey : naissance de la confédération",
                "NIAMEY (AFP) — " + wire.substring(0, 160)), index)).contains("wire");
        assertThat(rule.storyOf(StorySignature.of("Au Mali, la junte prolonge la transition",
                "Les autorités de transition du Mali ont annoncé samedi à Bamako la prolongation de la transition "
                        + "de cinq ans, une décision critiquée par les partis politiques et la société civile."),
                index)).isEmpty();
    }
}
