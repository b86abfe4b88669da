package io.mediamonitor.enrich;

import io.mediamonitor.model.Article;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * A story's text as a MinHash signature over its word shingles, so that copies an outlet re-titled, trimmed or
 * lightly edited are found among thousands of stories without comparing texts: two signatures agree in each
 * position with probability equal to the Jaccard similarity of the shingle sets, and the positions are grouped
 * in {@link #BANDS} bands of {@link #ROWS} for locality-sensitive lookup (two stories sharing a band are
 * candidates; at Jaccard 0.3 they share one with probability 0.95, at 0.05 with 0.08).
 *
 * <p>Shingles are two consecutive words of the normalized title and lead ({@link StoryFingerprint#normalize}),
 * hashed with FNV-1a and mixed with SplitMix64's finalizer per position.
 */
public final class StorySignature {

    public static final int BANDS = 32;
    public static final int ROWS = 2;
    static final int SIZE = BANDS * ROWS;
    /** The lead's characters that take part: enough for a wire story's first paragraphs. */
    static final int LEAD = 1_200;
    private static final int WORDS = 2;
    private static final long[] SEEDS = seeds();

    private final int[] minima;
    private final int shingles;

    private StorySignature(int[] minima, int shingles) {
        this.minima = minima;
        this.shingles = shingles;
    }

    public static StorySignature of(Article article) {
        String text = article.getSummary() != null && !article.getSummary().isBlank() ? article.getSummary()
                : article.getContent() != null ? article.getContent() : "";
        return of(article.getTitle() == null ? "" : article.getTitle(), text);
    }

    public static StorySignature of(String title, String text) {
        String normalized = StoryFingerprint.normalize(title) + " " + StoryFingerprint.prefix(text, LEAD);
        String[] words = normalized.isBlank() ? new String[0] : normalized.strip().split(" ");
        Set<Long> hashes = new HashSet<>();
        int width = Math.min(WORDS, Math.max(1, words.length));
        for (int i = 0; i + width <= words.length; i++) {
            hashes.add(fnv1a(words, i, width));
        }
        int[] minima = new int[SIZE];
        Arrays.fill(minima, Integer.MAX_VALUE);
        for (long h : hashes) {
            for (int p = 0; p < SIZE; p++) {
                int v = (int) (mix(h ^ SEEDS[p]) >>> 33);
                if (v < minima[p]) {
                    minima[p] = v;
                }
            }
        }
        return new StorySignature(minima, hashes.size());
    }

    /** The estimated Jaccard similarity of the two shingle sets: the share of positions that agree. */
    public double jaccard(StorySignature other) {
        if (shingles == 0 || other.shingles == 0) {
            return 0;
        }
        int same = 0;
        for (int p = 0; p < SIZE; p++) {
            if (minima[p] == other.minima[p]) {
                same++;
            }
        }
        return same / (double) SIZE;
    }

    /**
     * The estimated share of the shorter text's shingles that the other one holds: a trimmed copy is contained in
     * its original even where their Jaccard similarity is low. |A∩B| = J (|A| + |B|) / (1 + J).
     */
    public double containment(StorySignature other) {
        double j = jaccard(other);
        int smaller = Math.min(shingles, other.shingles);
        return smaller == 0 ? 0 : Math.min(1, j * (shingles + other.shingles) / (1 + j) / smaller);
    }

    /** The key of band {@code band}: its index and its rows' values. */
    public long bandKey(int band) {
        long h = band * 0x9E3779B97F4A7C15L;
        for (int r = 0; r < ROWS; r++) {
            h = mix(h ^ minima[band * ROWS + r]);
        }
        return h;
    }

    public int shingles() {
        return shingles;
    }

    private static long fnv1a(String[] words, int from, int count) {
        long h = 0xcbf29ce484222325L;
        for (int w = from; w < from + count; w++) {
            String word = words[w];
            for (int i = 0; i < word.length(); i++) {
                h = (h ^ word.charAt(i)) * 0x100000001b3L;
            }
            h = (h ^ ' ') * 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finalizer: every input bit moves every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long[] seeds() {
        long[] seeds = new long[SIZE];
        long s = 0x5DEECE66DL;
        for (int p = 0; p < SIZE; p++) {
            s += 0x9E3779B97F4A7C15L;
            seeds[p] = mix(s);
        }
        return seeds;
    }
}
