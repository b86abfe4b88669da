package io.mediamonitor.enrich;

import com.carrotsearch.hppc.LongHashSet;
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
        // the normalized title and lead, one space between them, read as words in place: no string per word
        char[] chars = new char[title.length() + 1 + StoryFingerprint.room(text, LEAD)];
        int titleEnd = StoryFingerprint.normalizeInto(title, Integer.MAX_VALUE, chars, 0);
        if (titleEnd > 0) {
            chars[titleEnd++] = ' ';
        }
        Words words = Words.of(chars, StoryFingerprint.normalizeInto(text, LEAD, chars, titleEnd));
        int width = Math.min(WORDS, Math.max(1, words.count));
        int[] minima = new int[SIZE];
        Arrays.fill(minima, Integer.MAX_VALUE);
        int shingles = Math.max(0, words.count - width + 1);
        // a repeated shingle is counted and hashed once
        LongHashSet seen = new LongHashSet(shingles);
        for (int i = 0; i < shingles; i++) {
            long h = mix(words.fnv1a(i, width));
            if (!seen.add(h)) {
                continue;
            }
            for (int p = 0; p < SIZE; p++) {
                // multiply-add-shift over the mixed shingle: one multiplication per position, not a whole mix
                minima[p] = Math.min(minima[p], (int) ((h * MULTIPLIERS[p] + ADDENDS[p]) >>> 33));
            }
        }
        return new StorySignature(minima, seen.size());
    }

    /** The words of a normalized text: where each starts and ends in its chars. */
    private static final class Words {
        private final char[] chars;
        private final int[] starts;
        private final int[] ends;
        private final int count;

        private Words(char[] chars, int[] starts, int[] ends, int count) {
            this.chars = chars;
            this.starts = starts;
            this.ends = ends;
            this.count = count;
        }

        /** The words of {@code chars[0, end)}, single spaces between them (a cut may leave one at the end). */
        static Words of(char[] chars, int end) {
            int[] starts = new int[end / 2 + 1];
            int[] ends = new int[starts.length];
            int count = 0;
            int start = -1;
            for (int i = 0; i <= end; i++) {
                if (i == end || chars[i] == ' ') {
                    if (start >= 0) {
                        starts[count] = start;
                        ends[count++] = i;
                        start = -1;
                    }
                } else if (start < 0) {
                    start = i;
                }
            }
            return new Words(chars, starts, ends, count);
        }

        /** FNV-1a over {@code width} words from {@code from}, each followed by a space. */
        long fnv1a(int from, int width) {
            long h = 0xcbf29ce484222325L;
            for (int w = from; w < from + width; w++) {
                for (int i = starts[w]; i < ends[w]; i++) {
                    h = (h ^ chars[i]) * 0x100000001b3L;
                }
                h = (h ^ ' ') * 0x100000001b3L;
            }
            return h;
        }
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
