package io.mediamonitor.enrich.tagging;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Folds text to the form aliases are matched in: lower case, no accents, one apostrophe, hyphens
 * as spaces. Folding maps each char to exactly one char, so an offset in the folded text is the same
 * offset in the original and matches can be reported as written (as composed, where the text wrote its
 * accents as separate marks: {@link #composed}).
 */
public final class TextFolding {

    private static final char[] FOLD = new char[Character.MAX_VALUE + 1];
    private static final char[] PUNCT = new char[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            PUNCT[c] = (char) c;
            FOLD[c] = foldOne((char) c);
        }
        for (char c : "’‘ʼ´`′".toCharArray()) {
            PUNCT[c] = '\'';
            FOLD[c] = '\'';
        }
        // hyphens fold to a space so that Guinée-Bissau and Guinée Bissau, Burkina-Faso and
        // Burkina Faso are one form; case-sensitive comparison still tells them apart
        FOLD['-'] = ' ';
        for (char c : "‐‑‒–—−".toCharArray()) {
            PUNCT[c] = '-';
            FOLD[c] = ' ';
        }
        // no-break and narrow no-break spaces (French typography before : ; ! ?) are spaces
        for (char c : "\u00a0\u202f\u2007\u2009\t\r\n".toCharArray()) {
            PUNCT[c] = ' ';
            FOLD[c] = ' ';
        }
    }

    private TextFolding() {}

    private static char foldOne(char c) {
        if (c < 0x80) {
            return Character.toLowerCase(c);
        }
        if (Character.isSurrogate(c) || !decomposable(c)) {
            return Character.toLowerCase(c);
        }
        String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        char b = base.length() == 1 ? base.charAt(0) : c;
        return Character.toLowerCase(b);
    }

    /** Blocks holding accented letters; normalizing only these keeps class loading fast. */
    private static boolean decomposable(char c) {
        return c < 0x0500 || (c >= 0x1E00 && c < 0x2000);
    }

    /**
     * The text with accents written as separate combining marks (U+0300 to U+036F after their letter, as some
     * feeds carry them) composed into their letters, which fold char by char; the text itself when it has none.
     */
    public static String composed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (combiningAccent(c)) {
                return Normalizer.normalize(text, Normalizer.Form.NFC);
            }
        }
        return text;
    }

    /** A combining diacritical mark (U+0300 to U+036F): an accent written apart from its letter. */
    private static boolean combiningAccent(char c) {
        return (char) (c - '\u0300') < 0x70;
    }

    /** The folded form of one char. */
    public static char fold(char c) {
        return FOLD[c];
    }

    /** Folds a whole text; the result has the same length. */
    public static char[] fold(CharSequence text) {
        int n = text.length();
        char[] out = new char[n];
        for (int i = 0; i < n; i++) {
            out[i] = FOLD[text.charAt(i)];
        }
        return out;
    }

    /**
     * Folds a whole text as {@link #fold(CharSequence)} does, or returns null at its first combining accent (U+0300
     * to U+036F): such a text is folded once {@link #composed}. One pass over the text that has none, the usual one.
     */
    public static char[] foldIfComposed(CharSequence text) {
        int n = text.length();
        char[] out = new char[n];
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (combiningAccent(c)) {
                return null;
            }
            out[i] = FOLD[c];
        }
        return out;
    }

    /** The folded form of a dictionary's alias or context word, composed first as texts are. */
    public static String foldToString(CharSequence text) {
        return new String(fold(composed(text.toString())));
    }

    /**
     * The spellings of a folded key that differ only in the French and Latin ligatures: "œuvre" and "oeuvre",
     * "cæcum" and "caecum" are one word, written either way. Folding keeps each char's offset, so it cannot
     * turn one char into two; the dictionary lists both spellings instead. The key itself comes first.
     */
    public static List<String> ligatureSpellings(String folded) {
        String spread = folded.replace("œ", "oe").replace("æ", "ae");
        String joined = folded.replace("oe", "œ").replace("ae", "æ");
        Set<String> spellings = new LinkedHashSet<>(List.of(folded, spread, joined));
        return List.copyOf(spellings);
    }

    /** Only apostrophes, hyphens and spaces unified: how case-sensitive aliases are compared. */
    public static char punctuation(char c) {
        return PUNCT[c];
    }

    /** True where a word goes on: a letter or digit of any script. */
    public static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }
}
