package io.mediamonitor.tools.bench;

import io.mediamonitor.tools.bench.Vocabulary.Term;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Writes a story's title and summary in French or English: a lead that carries the story's serial
 * number, one sentence per term, then filler up to the target size. Filler sentences are words of
 * the filler bank in random order, so that two stories share about as few word pairs as two real
 * stories do and story dedup, which joins near-duplicates, keeps them apart; wire copies are the
 * only copies. Filler names no place, person or organisation: the terms written in are the only
 * ones the tagger can find.
 */
final class Prose {

    /** Title plus summary, in UTF-8 bytes. */
    static final int MIN_BYTES = 1024;
    static final int MAX_BYTES = 3072;
    /** Filler stops once past a target drawn below this, so the longest sentence still fits under MAX_BYTES. */
    private static final int MAX_TARGET = MAX_BYTES - 200;

    record Text(String title, String summary) {

        int bytes() {
            return title.getBytes(StandardCharsets.UTF_8).length + summary.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    private static final String[] FRENCH_TITLES = {
        "%s : nouvelles discussions sur la sécurité et l'énergie",
        "%s relance sa coopération régionale",
        "%s : ce que l'on sait des annonces",
        "%s face à la hausse des prix",
        "%s : un accord attendu dans les prochains jours"};
    private static final String[] ENGLISH_TITLES = {
        "%s opens new talks on security and energy",
        "%s revives its regional cooperation",
        "%s: what we know about the announcements",
        "%s faces rising prices",
        "%s: a deal expected within days"};
    private static final String[] FRENCH_BURST_TITLES = {
        "%s au centre d'une visite surprise",
        "%s : une annonce inattendue",
        "%s : les détails d'une rencontre à huis clos"};
    private static final String[] ENGLISH_BURST_TITLES = {
        "%s at the centre of a surprise visit",
        "%s: an unexpected announcement",
        "%s: details of a closed-door meeting"};
    private static final String[] FRENCH_LEADS = {
        "Le rapport n° %d de la commission détaille les engagements pris.",
        "La note n° %d, consultée par notre rédaction, résume les discussions.",
        "Le communiqué n° %d a été diffusé en début de matinée."};
    private static final String[] ENGLISH_LEADS = {
        "Report No. %d from the commission details the commitments made.",
        "Memo No. %d, seen by our newsroom, summarises the talks.",
        "Statement No. %d was released early in the morning."};
    private static final String[] FRENCH_MENTIONS = {
        "%s a annoncé de nouvelles mesures à l'issue d'une réunion tenue en fin de semaine.",
        "Selon des sources concordantes, %s prépare une initiative diplomatique d'envergure.",
        "Les échanges avec %s se sont poursuivis tard dans la soirée, indique un communiqué.",
        "%s n'a pas souhaité commenter ces informations dans l'immédiat.",
        "Un accord signé avec %s prévoit un calendrier de mise en œuvre sur plusieurs mois."};
    private static final String[] ENGLISH_MENTIONS = {
        "%s announced new measures after a meeting held at the end of the week.",
        "According to several sources, %s is preparing a broad diplomatic initiative.",
        "Talks with %s continued late into the evening, a statement said.",
        "%s declined to comment on the reports.",
        "An agreement signed with %s sets out a timetable over several months."};
    private static final String[] FRENCH_FILLER = {
        "Selon plusieurs sources sécuritaires, la situation reste tendue dans la région.",
        "Les prix des denrées alimentaires ont augmenté de %d %% depuis le début de l'année.",
        "Des organisations humanitaires alertent sur les %d personnes déplacées recensées ce mois-ci.",
        "Le ministre a précisé que les discussions se poursuivraient dans les prochaines semaines.",
        "Les habitants interrogés évoquent des coupures d'électricité de plus en plus fréquentes.",
        "Plusieurs partis d'opposition ont demandé un calendrier électoral précis.",
        "Les négociations portent notamment sur la sécurité, l'énergie et les infrastructures routières.",
        "Aucun bilan officiel n'a été communiqué à ce stade par les autorités.",
        "La saison des pluies complique l'acheminement de l'aide vers %d villages enclavés.",
        "Les analystes estiment que cette décision pourrait redessiner les équilibres régionaux.",
        "Un communiqué lu à la télévision nationale a fait état de %d interpellations.",
        "Les écoles de la localité restent fermées depuis plus de deux ans.",
        "Le budget consacré aux routes atteindrait %d milliards de francs, selon un document officiel.",
        "Les transporteurs dénoncent des contrôles répétés sur les axes principaux."};
    private static final String[] ENGLISH_FILLER = {
        "According to security sources, the situation remains tense in the region.",
        "Food prices have risen by %d percent since the start of the year, traders said.",
        "Aid agencies warn about the %d displaced people registered this month.",
        "The minister said talks would continue over the coming weeks.",
        "Residents describe increasingly frequent power cuts and fuel shortages.",
        "Several opposition parties have called for a clear electoral timetable.",
        "The negotiations cover security, energy and road infrastructure among other issues.",
        "No official casualty figures had been released by the authorities.",
        "The rainy season makes it harder to deliver aid to %d isolated villages.",
        "Analysts believe the decision could reshape the regional balance of power.",
        "A statement read on state television reported %d arrests.",
        "Schools in the area have been closed for more than two years.",
        "The road budget would reach %d billion francs, according to an official document.",
        "Transport operators complain about repeated checks on the main routes."};

    private Prose() {
    }

    /** A story about {@code terms}, the first of them in the title. */
    static Text story(long serial, List<Term> terms, Language language, Random random) {
        boolean french = language == Language.FRENCH;
        String title = String.format(pick(french ? FRENCH_TITLES : ENGLISH_TITLES, random),
                capitalized(terms.get(0).form(language)));
        return new Text(title, summary(serial, terms, language, title, random));
    }

    /** A story of a burst: the actor in the title, then like any story. */
    static Text burst(long serial, List<Term> terms, Language language, Random random) {
        boolean french = language == Language.FRENCH;
        String title = String.format(pick(french ? FRENCH_BURST_TITLES : ENGLISH_BURST_TITLES, random),
                capitalized(terms.get(0).form(language)));
        return new Text(title, summary(serial, terms, language, title, random));
    }

    private static String summary(long serial, List<Term> terms, Language language, String title, Random random) {
        boolean french = language == Language.FRENCH;
        StringBuilder text = new StringBuilder(MAX_BYTES);
        text.append(String.format(pick(french ? FRENCH_LEADS : ENGLISH_LEADS, random), serial));
        for (Term term : terms) {
            String sentence = pick(french ? FRENCH_MENTIONS : ENGLISH_MENTIONS, random);
            String form = sentence.startsWith("%s") ? capitalized(term.form(language)) : term.form(language);
            text.append(' ').append(String.format(sentence, form));
        }
        int target = MIN_BYTES + random.nextInt(MAX_TARGET - MIN_BYTES);
        String[] words = french ? FRENCH_WORDS : ENGLISH_WORDS;
        int titleBytes = utf8Length(title);
        while (titleBytes + utf8Length(text) < target) {
            text.append(' ').append(sentence(words, random));
        }
        return text.toString();
    }

    private static final String[] FRENCH_WORDS = words(FRENCH_FILLER);
    private static final String[] ENGLISH_WORDS = words(ENGLISH_FILLER);

    /** The distinct words of the filler sentences, numbers and punctuation left out. */
    private static String[] words(String[] sentences) {
        return java.util.Arrays.stream(sentences)
                .flatMap(sentence -> java.util.Arrays.stream(sentence.replaceAll("%d|%%|[.,]", " ").split("\\s+")))
                .filter(word -> !word.isBlank())
                .map(word -> word.toLowerCase(java.util.Locale.ROOT))
                .distinct()
                .toArray(String[]::new);
    }

    /** Eight to sixteen words of the bank in random order, a number among them now and then. */
    private static String sentence(String[] words, Random random) {
        int length = 8 + random.nextInt(9);
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < length; i++) {
            String word = random.nextInt(12) == 0 ? Integer.toString(2 + random.nextInt(900)) : pick(words, random);
            sentence.append(i == 0 ? capitalized(word) : " " + word);
        }
        return sentence.append('.').toString();
    }

    private static int utf8Length(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    private static String pick(String[] options, Random random) {
        return options[random.nextInt(options.length)];
    }

    private static String capitalized(String form) {
        return Character.toUpperCase(form.charAt(0)) + form.substring(1);
    }
}
