package io.mediamonitor.enrich;

import io.mediamonitor.model.Article;
import io.mediamonitor.schema.StableIds;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Identifies a story across outlets: a hash of the article's title and text, normalized so that
 * case, accents, punctuation and spacing differences between syndicated copies do not matter.
 */
public final class StoryFingerprint {

    /** Leading characters of the text that take part: outlets often append their own trailer. */
    private static final int TEXT_PREFIX = 280;

    private StoryFingerprint() {
    }

    public static String of(Article article) {
        String text = article.getSummary() != null ? article.getSummary()
                : article.getContent() != null ? article.getContent() : "";
        String normalizedText = normalize(text);
        if (normalizedText.length() > TEXT_PREFIX) {
            normalizedText = normalizedText.substring(0, TEXT_PREFIX);
        }
        return StableIds.of(normalize(article.getTitle()) + "\n" + normalizedText);
    }

    static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean space = true;
        for (int i = 0; i < decomposed.length(); i++) {
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
        return out.toString().trim().toLowerCase(Locale.ROOT);
    }
}
