package io.mediamonitor.ingest.normalize;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small, honest language guess by stop-word scoring. It knows French and English well (the
 * languages monitored) and a few neighbours (Spanish, Portuguese, Italian, German) so that their
 * texts are not taken for French; it answers null when the text is too short or the score is not
 * clear. Used only when neither the entry nor the feed declares a language.
 */
public final class LanguageGuesser {

    private static final Map<String, Set<String>> STOP_WORDS = Map.of(
            "fr", Set.of("le", "la", "les", "des", "du", "un", "une", "et", "est", "dans", "pour", "que",
                    "qui", "sur", "pas", "par", "au", "aux", "avec", "ce", "ces", "sont", "ont", "plus", "son",
                    "sa", "ses", "leur", "leurs", "été", "après", "selon", "mais", "ou", "où", "nous", "vous",
                    "ils", "elle", "il", "cette", "entre", "depuis", "contre", "lors", "être", "fait"),
            "en", Set.of("the", "and", "of", "to", "in", "is", "was", "for", "on", "that", "with", "as",
                    "by", "at", "from", "has", "have", "had", "it", "its", "are", "were", "be", "been", "this",
                    "which", "who", "after", "their", "they", "but", "not", "an", "or", "said", "will",
                    "would", "over", "into", "than"),
            "es", Set.of("el", "los", "las", "del", "y", "en", "que", "por", "con", "una", "para", "es",
                    "se", "su", "sus", "al", "como", "más", "pero", "fue", "han", "según", "también", "tras"),
            "pt", Set.of("o", "os", "as", "do", "da", "dos", "das", "em", "no", "na", "um", "uma", "que",
                    "com", "não", "para", "por", "foi", "são", "mais", "pelo", "pela", "também", "após"),
            "it", Set.of("il", "lo", "gli", "della", "delle", "degli", "che", "è", "per", "con", "una",
                    "non", "sono", "nel", "nella", "dal", "dalla", "anche", "più", "dopo", "secondo"),
            "de", Set.of("der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "dem", "zu",
                    "ein", "eine", "auf", "für", "sich", "auch", "wurde", "nach", "bei", "aus", "wie"));

    private static final int MIN_HITS = 3;
    /** The winner must beat the runner-up by this factor, else the guess is withheld. */
    private static final double MIN_MARGIN = 1.5;

    private LanguageGuesser() {
    }

    /** Returns an ISO 639-1 code, or null when the text does not say clearly. */
    public static String guess(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Map<String, Integer> hits = new HashMap<>();
        for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (token.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, Set<String>> language : STOP_WORDS.entrySet()) {
                if (language.getValue().contains(token)) {
                    hits.merge(language.getKey(), 1, Integer::sum);
                }
            }
        }
        String best = null;
        int bestHits = 0;
        int second = 0;
        for (Map.Entry<String, Integer> e : hits.entrySet()) {
            int n = e.getValue();
            if (n > bestHits) {
                second = bestHits;
                best = e.getKey();
                bestHits = n;
            } else if (n > second) {
                second = n;
            }
        }
        if (best == null || bestHits < MIN_HITS || bestHits < second * MIN_MARGIN) {
            return null;
        }
        return best;
    }

    /**
     * Normalizes a declared language ("fr-FR", "EN_us", "fra") to ISO 639-1, or null when it is
     * not a recognisable code.
     */
    public static String normalizeCode(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        // "-" alone splits into no part at all
        String[] parts = declared.strip().split("[-_]");
        if (parts.length == 0) {
            return null;
        }
        String primary = parts[0].toLowerCase(Locale.ROOT);
        if (primary.length() == 2 && primary.chars().allMatch(Character::isLetter)) {
            return primary;
        }
        if (primary.length() == 3) {
            for (String code : Locale.getISOLanguages()) {
                Locale locale = Locale.forLanguageTag(code);
                try {
                    if (primary.equals(locale.getISO3Language())) {
                        return code;
                    }
                } catch (java.util.MissingResourceException ignored) {
                    // no 3-letter form: keep looking
                }
            }
            // bibliographic codes the JDK does not map
            return switch (primary) {
                case "fre" -> "fr";
                case "ger" -> "de";
                default -> null;
            };
        }
        return null;
    }
}
