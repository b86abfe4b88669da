package io.mediamonitor.enrich;

import io.mediamonitor.model.Article;
import io.mediamonitor.schema.StableIds;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Identifies a story across outlets: a hash of the article's title and text, normalized so that
 * case, accents, punctuation and spacing differences between syndicated copies do not matter. Edited copies
 * (re-titled, cut) escape it; {@link StorySignature} finds those and is measured against it.
 */
public final class StoryFingerprint {

    /** Leading characters of the text that take part: outlets often append their own trailer. */
    private static final int TEXT_PREFIX = 280;

    private StoryFingerprint() {
    }

    public static String of(Article article) {
        String text = article.getSummary() != null ? article.getSummary()
                : article.getContent() != null ? article.getContent() : "";
        return of(article.getTitle(), text);
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
        // decomposed a slice at a time: accents come apart from their letters, then are dropped
        int slice = 512;
        for (int from = 0; from < text.length() && out.length() <= limit; from += slice) {
            int to = Math.min(text.length(), from + slice);
            if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
                to++;
            }
            String decomposed = Normalizer.normalize(text.substring(from, to), Normalizer.Form.NFD);
            for (int i = 0; i < decomposed.length() && out.length() <= limit; i++) {
                char c = decomposed.charAt(i);
                if (Character.getType(c) == Character.NON_SPACING_MARK) {
                    continue;
                }
                if (Character.isLetterOrDigit(c)) {
                    out.append(Character.toLowerCase(c));
                    space = false;
                } else if (!space) {
                    out.append(' ');
                    space = true;
                }
            }
            from = to - slice; // the loop adds the slice back: a surrogate pair stays whole
        }
        return out.toString().trim().toLowerCase(Locale.ROOT);
    }
}
