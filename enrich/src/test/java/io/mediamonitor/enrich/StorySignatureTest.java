package io.mediamonitor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StorySignatureTest {

    @Test
    void signsTheNormalizedTitleAndLeadAsOneRunOfWords() {
        Random random = new Random(7);
        String alphabet = "aéÉe ,;.!\u0301\u00A0 l'AES \uD83D\uDE00x9–«»ßΩщ";
        for (int n = 0; n < 2000; n++) {
            String title = randomText(random, alphabet, random.nextInt(60));
            // up to twice the lead, so that most cuts fall inside a word or on a space
            String text = randomText(random, alphabet, random.nextInt(2 * StorySignature.LEAD + 200));
            String read = StoryFingerprint.normalize(title) + " " + StoryFingerprint.prefix(text, StorySignature.LEAD);

            assertThat(StorySignature.of(title, text).toBytes()).as("%s | %s", title, text)
                    .isEqualTo(StorySignature.of(read, "").toBytes());
        }
    }

    @Test
    void countsARepeatedShingleOnce() {
        assertThat(StorySignature.of("Mali Niger Mali Niger Mali", "").shingles()).isEqualTo(2);
        assertThat(StorySignature.of("Mali", "").shingles()).isEqualTo(1);
        assertThat(StorySignature.of(" ; ", "…").isEmpty()).isTrue();
    }

    @Test
    void aCopyDifferingInCaseAndPunctuationHasTheSameSignature() {
        StorySignature original = StorySignature.of("Bamako : le Mali signe", "L'accord est signé à Niamey.");
        StorySignature copy = StorySignature.of("BAMAKO – le  Mali signe !", "L’ACCORD est signé à Niamey");

        assertThat(copy.toBytes()).isEqualTo(original.toBytes());
        assertThat(copy.jaccard(original)).isEqualTo(1.0);
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
