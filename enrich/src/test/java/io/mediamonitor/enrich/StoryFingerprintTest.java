package io.mediamonitor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StoryFingerprintTest {

    @Test
    void copiesDifferingInCaseAccentsPunctuationAndSpacingShareAFingerprint() {
        assertThat(StoryFingerprint.of("Bamako : le Mali signe", "L'accord est signé."))
                .isEqualTo(StoryFingerprint.of("BAMAKO – le  Mali signe !", "L’ACCORD est signé"));
        assertThat(StoryFingerprint.normalize("  L'Élysée, « déçu »…  ")).isEqualTo("l elysee decu");
    }

    @Test
    void readingOnlyThePrefixGivesWhatNormalizingTheWholeTextAndCuttingItGives() {
        Random random = new Random(5);
        String alphabet = "aéÉe ,;.!\u0301\u00A0 l'AES \uD83D\uDE00x9–«»";
        for (int n = 0; n < 2000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(1500);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String whole = StoryFingerprint.normalize(text.toString());
            String cut = whole.length() > 280 ? whole.substring(0, 280) : whole;

            assertThat(StoryFingerprint.prefix(text.toString(), 280)).as(text.toString()).isEqualTo(cut);
        }
    }
}
