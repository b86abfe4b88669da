package io.mediamonitor.enrich;

import io.mediamonitor.enrich.tagging.TextFolding;
import io.mediamonitor.schema.StableIds;

/**
 * The exact identity of a story's text: a hash of the article's title and text, normalized so that case, accents,
 * punctuation and spacing do not matter. Stories are joined by {@link StorySignature}, which also finds edited
 * copies; this normalization is what it reads, and the hash is the baseline the near-duplicate evaluation
 * measures it against.
 */
public final class StoryFingerprint {

    /** Leading characters of the text that take part: outlets often append their own trailer. */
    private static final int TEXT_PREFIX = 280;
    private static final byte DROP = 0;
    private static final byte WORD = 1;
    private static final byte GAP = 2;
    private static final byte[] KIND = kinds();

    private StoryFingerprint() {
    }

    public static String of(String title, String text) {
        return StableIds.of(normalize(title) + "\n" + prefix(text, TEXT_PREFIX));
    }

    static String normalize(String text) {
        return prefix(text, Integer.MAX_VALUE);
    }

    /** The first {@code length} characters of the normalized text, reading no more of it than that takes. */
    static String prefix(String text, int length) {
        char[] out = new char[room(text, length)];
        return new String(out, 0, normalizeInto(text, length, out, 0));
    }

    /** The room {@link #normalizeInto} needs for {@code text} cut to {@code limit}: a char out per char in at most. */
    static int room(String text, int limit) {
        return Math.min(text.length(), limit == Integer.MAX_VALUE ? limit : limit + 1);
    }

    /**
     * Writes the normalized text, cut to {@code limit} characters, into {@code out} from {@code at} (which has
     * {@link #room} for it) and returns where it ends: lower case, no accents, each run of other characters one space,
     * none at either end (one may end a cut). Reads no more of the text than the cut takes.
     */
    static int normalizeInto(String text, int limit, char[] out, int at) {
        int n = 0;
        boolean space = true;
        for (int i = 0; i < text.length() && n <= limit; i++) {
            char c = text.charAt(i);
            byte kind = KIND[c];
            if (kind == WORD) {
                out[at + n++] = TextFolding.fold(c);
                space = false;
            } else if (kind == GAP && !space) {
                out[at + n++] = ' ';
                space = true;
            }
        }
        if (n > 0 && out[at + n - 1] == ' ') {
            n--; // none leads, at most one trails
        }
        return at + Math.min(n, limit);
    }

    /**
     * What normalizing does with each char, looked up once: drops it (an accent written apart from its letter), keeps
     * it in a word as the tagger folds it (lower case, the letter without its accent), or takes it for a gap.
     */
    private static byte[] kinds() {
        byte[] kinds = new byte[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                kinds[c] = DROP;
            } else {
                kinds[c] = Character.isLetterOrDigit(TextFolding.fold((char) c)) ? WORD : GAP;
            }
        }
        return kinds;
    }
}
