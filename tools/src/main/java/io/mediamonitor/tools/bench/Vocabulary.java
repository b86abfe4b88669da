package io.mediamonitor.tools.bench;

import io.mediamonitor.schema.Terms;
import java.util.ArrayList;
import java.util.List;

/**
 * The terms generated articles mention, each with one French and one English surface form that the
 * built-in tagger recognizes without context (no "Chad", "Congo" or bare "AES"), so the terms an
 * article was written with are exactly the terms enrich finds.
 *
 * <p>{@link #RANKED} is in Zipf rank order: the Sahel countries first, a few actors high up, most
 * actors far down. {@link #BURST_ACTORS} never appear in ordinary coverage: at a pace of thousands of
 * articles an hour even the last rank of a Zipf law is mentioned every hour, and a burst is only news
 * against a quiet baseline.
 */
final class Vocabulary {

    /** A typed term as enrich counts it ({@code country:ML}, {@code actor:aes}) and how articles write it. */
    record Term(String id, String french, String english) {

        String form(Language language) {
            return language == Language.FRENCH ? french : english;
        }
    }

    static final List<Term> RANKED = List.of(
            country("ML", "le Mali", "Mali"),
            country("BF", "le Burkina Faso", "Burkina Faso"),
            country("NE", "le Niger", "Niger"),
            country("FR", "la France", "France"),
            country("RU", "la Russie", "Russia"),
            actor("aes", "l'Alliance des États du Sahel", "the Alliance of Sahel States"),
            country("SN", "le Sénégal", "Senegal"),
            country("CI", "la Côte d'Ivoire", "Ivory Coast"),
            country("DZ", "l'Algérie", "Algeria"),
            actor("africa-corps", "l'Africa Corps", "the Africa Corps"),
            country("TD", "le Tchad", "N'Djamena"),
            country("MR", "la Mauritanie", "Mauritania"),
            country("NG", "le Nigeria", "Nigeria"),
            actor("wagner", "le groupe Wagner", "the Wagner Group"),
            country("US", "les États-Unis", "the United States"),
            country("CN", "la Chine", "China"),
            country("GN", "la Guinée", "Guinea"),
            country("BJ", "le Bénin", "Benin"),
            country("TG", "le Togo", "Togo"),
            country("GH", "le Ghana", "Ghana"),
            country("LY", "la Libye", "Libya"),
            country("MA", "le Maroc", "Morocco"),
            country("TR", "la Turquie", "Turkey"),
            country("UA", "l'Ukraine", "Ukraine"),
            country("SD", "le Soudan", "Sudan"),
            country("CF", "la Centrafrique", "the Central African Republic"),
            country("CM", "le Cameroun", "Cameroon"),
            country("GB", "le Royaume-Uni", "the United Kingdom"),
            country("DE", "l'Allemagne", "Germany"),
            country("BE", "la Belgique", "Belgium"),
            country("EG", "l'Égypte", "Egypt"),
            country("SA", "l'Arabie saoudite", "Saudi Arabia"),
            country("QA", "le Qatar", "Qatar"),
            country("IR", "l'Iran", "Iran"),
            country("IN", "l'Inde", "India"),
            country("BR", "le Brésil", "Brazil"),
            country("ZA", "l'Afrique du Sud", "South Africa"),
            country("KE", "le Kenya", "Kenya"),
            country("ET", "l'Éthiopie", "Ethiopia"),
            country("IT", "l'Italie", "Italy"),
            country("ES", "l'Espagne", "Spain"),
            actor("ecowas", "la CEDEAO", "ECOWAS"),
            country("JP", "le Japon", "Japan"),
            country("GA", "le Gabon", "Gabon"),
            country("CD", "la RDC", "Kinshasa"),
            country("TN", "la Tunisie", "Tunisia"),
            country("GM", "la Gambie", "Gambia"),
            actor("jnim", "le JNIM", "JNIM"),
            country("LR", "le Liberia", "Liberia"),
            country("SL", "la Sierra Leone", "Sierra Leone"),
            country("CV", "le Cap-Vert", "Cape Verde"),
            country("GW", "la Guinée-Bissau", "Guinea-Bissau"),
            country("UG", "l'Ouganda", "Uganda"),
            country("RW", "le Rwanda", "Rwanda"),
            actor("putin", "Vladimir Poutine", "Vladimir Putin"),
            country("AO", "l'Angola", "Angola"),
            country("MZ", "le Mozambique", "Mozambique"),
            country("IL", "Israël", "Israel"),
            country("LB", "le Liban", "Lebanon"),
            country("SY", "la Syrie", "Syria"),
            country("IQ", "l'Irak", "Iraq"),
            actor("macron", "Emmanuel Macron", "Emmanuel Macron"),
            country("PK", "le Pakistan", "Pakistan"),
            country("ID", "l'Indonésie", "Indonesia"),
            country("MX", "le Mexique", "Mexico"),
            country("CA", "le Canada", "Canada"),
            country("AR", "l'Argentine", "Argentina"),
            actor("eigs", "l'EIGS", "ISGS"),
            country("PT", "le Portugal", "Portugal"),
            country("NL", "les Pays-Bas", "the Netherlands"),
            country("CH", "la Suisse", "Switzerland"),
            actor("goita", "Assimi Goïta", "Assimi Goita"),
            country("PL", "la Pologne", "Poland"),
            country("GR", "la Grèce", "Greece"),
            country("NO", "la Norvège", "Norway"),
            actor("traore", "Ibrahim Traoré", "Ibrahim Traoré"),
            country("SE", "la Suède", "Sweden"));

    /** Actors covered only in bursts, taken in turn. */
    static final List<Term> BURST_ACTORS = List.of(
            actor("novak", "Alexandre Novak", "Alexander Novak"),
            actor("tiani", "Abdourahamane Tiani", "Abdourahamane Tiani"),
            actor("kassoum-coulibaly", "Kassoum Coulibaly", "Kassoum Coulibaly"),
            actor("minusma", "la MINUSMA", "MINUSMA"));

    /** What the made-up keywords are made of (declared before them: static fields initialize in order). */
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "du", "re", "sa", "to", "vi", "be", "no", "zu", "fe"};

    /**
     * Keywords no article mentions but in a burst, many of them, so the latency phase can time many alerts: made-up
     * words of three syllables, which no ordinary text contains. The bench adds them to the dictionary at runtime, as
     * an operator watching a new keyword would.
     */
    static final List<Term> WATCHED_KEYWORDS = madeUpKeywords(288);

    private Vocabulary() {
    }

    private static List<Term> madeUpKeywords(int count) {
        List<Term> keywords = new ArrayList<>(count);
        int n = SYLLABLES.length;
        for (int i = 0; i < count; i++) {
            String word = SYLLABLES[i % n] + SYLLABLES[i / n % n] + SYLLABLES[i / (n * n) % n];
            String written = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            keywords.add(new Term(Terms.keyword(written), written, written));
        }
        return List.copyOf(keywords);
    }

    private static Term country(String code, String french, String english) {
        return new Term("country:" + code, french, english);
    }

    private static Term actor(String id, String french, String english) {
        return new Term("actor:" + id, french, english);
    }
}
