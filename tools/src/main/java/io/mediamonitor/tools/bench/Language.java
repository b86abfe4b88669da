package io.mediamonitor.tools.bench;

/** The two languages of the generated press, with their ISO 639-1 codes as the Article schema wants them. */
enum Language {
    FRENCH("fr"), ENGLISH("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }
}
