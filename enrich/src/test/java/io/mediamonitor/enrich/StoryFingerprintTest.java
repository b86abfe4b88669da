package io.mediamonitor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StoryFingerprintTest {

    @Test
    void copiesDifferingInCaseAccentsPunctuationAndSpacingShareAFingerprint() {
        var a = EnrichTopologyTest.article("a1", "RFI", "Bamako : le Mali signe", java.time.Instant.EPOCH);
        var b = EnrichTopologyTest.article("a2", "Le Monde", "BAMAKO – le  Mali signe !", java.time.Instant.EPOCH);

        assertThat(StoryFingerprint.of(a)).isEqualTo(StoryFingerprint.of(b));
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
