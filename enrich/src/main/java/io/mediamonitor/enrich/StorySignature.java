package io.mediamonitor.enrich;

import io.mediamonitor.model.Article;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A story's text as a MinHash signature over its word shingles, so that copies an outlet re-titled, trimmed or
 * lightly edited are found among thousands of stories without comparing texts: two signatures agree in each
 * position with probability equal to the Jaccard similarity of the shingle sets, and the positions are grouped
 * in {@link #BANDS} bands of {@link #ROWS} for locality-sensitive lookup (two stories sharing a band are
 * candidates; at Jaccard 0.3 they share one with probability 0.95, at 0.05 with 0.08).
 *
 * <p>Shingles are two consecutive words of the normalized title and lead ({@link StoryFingerprint#normalize}),
 * hashed with FNV-1a and mixed with SplitMix64's finalizer, then by one multiply-add-shift hash per position.
 */
public final class StorySignature {

    public static final int BANDS = 32;
    public static final int ROWS = 2;
    static final int SIZE = BANDS * ROWS;
    private static final int BYTES = 4 + 4 * SIZE;
    /** The lead's characters that take part: enough for a wire story's first paragraphs. */
    static final int LEAD = 1_200;
    private static final int WORDS = 2;
    private static final long[] MULTIPLIERS = constants(0x5DEECE66DL, true);
    private static final long[] ADDENDS = constants(0xB5AD4ECEDA1CE2A9L, false);

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
        int width = Math.min(WORDS, Math.max(1, words.length));
        long[] hashes = new long[Math.max(0, words.length - width + 1)];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = mix(fnv1a(words, i, width));
        }
        // sorted, so that a repeated shingle is counted and hashed once
        Arrays.sort(hashes);
        int[] minima = new int[SIZE];
        Arrays.fill(minima, Integer.MAX_VALUE);
        int distinct = 0;
        for (int i = 0; i < hashes.length; i++) {
            if (i > 0 && hashes[i] == hashes[i - 1]) {
                continue;
            }
            distinct++;
            long h = hashes[i];
            for (int p = 0; p < SIZE; p++) {
                // multiply-add-shift over the mixed shingle: one multiplication per position, not a whole mix
                int v = (int) ((h * MULTIPLIERS[p] + ADDENDS[p]) >>> 33);
                if (v < minima[p]) {
                    minima[p] = v;
                }
            }
        }
        return new StorySignature(minima, distinct);
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

    /** Whether there was any text to sign: a signature of nothing is like every other one and joins nothing. */
    public boolean isEmpty() {
        return shingles == 0;
    }

    /** 4 bytes of shingle count and 4 per position, as a story keeps it in its state. */
    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(BYTES).putInt(shingles);
        for (int v : minima) {
            b.putInt(v);
        }
        return b.array();
    }

    /** Whether {@code bytes} hold a signature of this format (its length: bands and rows). */
    public static boolean readable(ByteBuffer bytes) {
        return bytes.remaining() == BYTES;
    }

    public static StorySignature fromBytes(ByteBuffer bytes) {
        ByteBuffer b = bytes.duplicate();
        if (b.remaining() != BYTES) {
            throw new IllegalArgumentException("a story signature has " + BYTES + " bytes, not " + b.remaining());
        }
        int shingles = b.getInt();
        int[] minima = new int[SIZE];
        for (int p = 0; p < SIZE; p++) {
            minima[p] = b.getInt();
        }
        return new StorySignature(minima, shingles);
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

    /** Odd multipliers and addends of each position's hash function, drawn from a fixed SplitMix64 sequence. */
    private static long[] constants(long start, boolean odd) {
        long[] values = new long[SIZE];
        long s = start;
        for (int p = 0; p < SIZE; p++) {
            s += 0x9E3779B97F4A7C15L;
            values[p] = odd ? mix(s) | 1 : mix(s);
        }
        return values;
    }
}
