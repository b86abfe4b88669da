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

    private StoryFingerprint() {
    }

    public static String of(String title, String text) {
        return StableIds.of(normalize(title) + "\n" + prefix(text, TEXT_PREFIX));
    }

    static String normalize(String text) {
        return normalize(text, Integer.MAX_VALUE);
    }

    /** The first {@code length} characters of the normalized text, reading no more of it than that takes. */
    static String prefix(String text, int length) {
        String normalized = normalize(text, length);
        return normalized.length() > length ? normalized.substring(0, length) : normalized;
    }

    /** Normalizes the text, stopping once more than {@code limit} characters are out (long texts are cut anyway). */
    private static String normalize(String text, int limit) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), limit == Integer.MAX_VALUE ? limit : limit + 1));
        boolean space = true;
        for (int i = 0; i < text.length() && out.length() <= limit; i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue; // an accent written apart from its letter
            }
            // the tagger's folding, a table lookup per char: lower case, the letter without its accent
            char folded = TextFolding.fold(c);
            if (Character.isLetterOrDigit(folded)) {
                out.append(folded);
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        return out.toString().trim();
    }
}
