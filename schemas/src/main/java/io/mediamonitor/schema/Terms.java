package io.mediamonitor.schema;

import java.util.Locale;

/**
 * Typed term strings, the keys of media.mentions, media.alerts and media.watchlist:
 * {@code country:ML}, {@code actor:aes}, {@code keyword:coup d'état}, {@code pair:wagner|ML}, and
 * {@code total:articles}, the window's whole volume (its stories are the stories that start in the window),
 * which detectors use to cancel the daily rhythm.
 */
public final class Terms {

    public static final String TOTAL = "total:articles";
    /** The types a term can be watched as (the total is not watched). */
    public static final java.util.List<String> WATCHABLE_TYPES = java.util.List.of("actor", "country", "keyword", "pair");

    private Terms() {
    }

    public static String country(String code) {
        return "country:" + code.toUpperCase(Locale.ROOT);
    }

    public static String actor(String id) {
        return "actor:" + id;
    }

    public static String keyword(String keyword) {
        return "keyword:" + keyword.toLowerCase(Locale.ROOT);
    }

    public static String pair(String actorId, String countryCode) {
        return "pair:" + actorId + "|" + countryCode.toUpperCase(Locale.ROOT);
    }

    /** The part before the colon: country, actor, keyword, pair or total. */
    public static String type(String term) {
        int colon = term.indexOf(':');
        return colon < 0 ? "" : term.substring(0, colon);
    }

    /** The part after the colon. */
    public static String value(String term) {
        int colon = term.indexOf(':');
        return colon < 0 ? term : term.substring(colon + 1);
    }
}
