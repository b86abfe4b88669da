package io.mediamonitor.testing;

import java.util.Random;

/**
 * Words of an article's own, in random order, for fixtures of distinct stories: templated texts that differ by a
 * number are near-duplicates, which story dedup joins into one story, while real distinct stories share few word
 * pairs. Seeded: the same seed, the same words.
 */
public final class DistinctWords {

    private static final String[] WORDS = ("marché récolte pluie route école hôpital budget ministre village "
            + "convoi frontière élection syndicat carburant électricité barrage coton or bétail fleuve saison "
            + "tribunal député maire quartier transport prix salaire grève université port douane forage").split(" ");
    private final Random random;

    public DistinctWords(long seed) {
        this.random = new Random(seed);
    }

    /** A sentence of thirty words. */
    public String sentence() {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            words.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return words.append('.').toString();
    }
}
