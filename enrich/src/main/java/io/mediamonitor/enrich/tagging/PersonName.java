package io.mediamonitor.enrich.tagging;

import java.util.Locale;
import java.util.Set;

/**
 * Whether an ambiguous place name is the first half of a person's name: "Chad Smith", "Jordan
 * Peterson", "Georgia May". The test is the word right after it: capitalised, and not one of the
 * small words a title-case headline also capitalises ("Chad And Niger Close Borders").
 */
final class PersonName {

    private static final Set<String> TITLE_CASE_WORDS = Set.of("a", "an", "and", "as", "at", "after", "amid",
            "but", "by", "for", "from", "in", "into", "is", "of", "on", "or", "over", "says", "the", "to", "vs",
            "with", "et", "ou", "au", "aux", "de", "des", "du", "en", "la", "le", "les", "sur", "pour", "par");

    private PersonName() {
    }

    /** Whether the text continues at {@code end} with one space and a capitalised word that is not a small word. */
    static boolean followsAt(String text, int end) {
        if (end + 1 >= text.length() || text.charAt(end) != ' ' || !Character.isUpperCase(text.charAt(end + 1))) {
            return false;
        }
        int wordEnd = end + 1;
        while (wordEnd < text.length() && Character.isLetter(text.charAt(wordEnd))) {
            wordEnd++;
        }
        String word = text.substring(end + 1, wordEnd).toLowerCase(Locale.ROOT);
        boolean allCaps = text.substring(end + 1, wordEnd).chars().allMatch(Character::isUpperCase);
        // an all-caps word after a place is an acronym or a shouted headline, not a surname
        return word.length() > 1 && !allCaps && !TITLE_CASE_WORDS.contains(word);
    }
}
