package io.mediamonitor.enrich.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A reproducible corpus of news-like articles, half French, half English, about the Sahel and the
 * world: mostly ordinary prose with a realistic density of country, capital, demonym and actor
 * mentions, some ambiguous ones (AES, Wagner, Chad, Novak) and near misses (Somalie, Nigeria).
 */
public final class BenchCorpus {

    private static final String[] FR_ENTITIES = {
        "le Mali", "le Burkina Faso", "le Niger", "la Côte d'Ivoire", "le Sénégal", "la Guinée", "la Guinée-Bissau",
        "le Tchad", "la Mauritanie", "l'Algérie", "la Libye", "le Nigeria", "le Bénin", "le Togo", "le Ghana",
        "la France", "la Russie", "les États-Unis", "la Chine", "la Turquie", "la RDC", "la Centrafrique", "la Somalie",
        "Bamako", "Niamey", "Ouagadougou", "Dakar", "Abidjan", "Moscou", "Paris", "N'Djamena", "Nouakchott",
        "l'armée malienne", "les soldats burkinabè", "le gouvernement nigérien", "les autorités ivoiriennes",
        "les ressortissants français", "des instructeurs russes", "la junte malienne",
        "l'AES", "la Confédération des États du Sahel", "Africa Corps", "le groupe Wagner", "le JNIM", "l'EIGS",
        "la CEDEAO", "la MINUSMA", "Vladimir Poutine", "Assimi Goïta", "le capitaine Ibrahim Traoré",
        "le général Tiani", "Emmanuel Macron", "Alexandre Novak", "Kassoum Coulibaly"};
    private static final String[] EN_ENTITIES = {
        "Mali", "Burkina Faso", "Niger", "Ivory Coast", "Senegal", "Guinea", "Chad", "Mauritania", "Algeria", "Libya",
        "Nigeria", "Benin", "Togo", "Ghana", "France", "Russia", "the United States", "China", "Turkey", "the DRC",
        "the Central African Republic", "Somalia", "Sudan", "Ukraine", "Bamako", "Niamey", "Ouagadougou", "Moscow",
        "Washington", "Malian troops", "Burkinabe officials", "the Nigerien junta", "French diplomats",
        "Russian instructors", "the AES", "the Alliance of Sahel States", "the Africa Corps", "the African Corps",
        "Wagner mercenaries", "JNIM", "Islamic State Sahel Province", "ECOWAS", "Vladimir Putin", "Alexander Novak",
        "Assimi Goita", "Captain Ibrahim Traore", "General Tiani", "President Macron"};
    private static final String[] FR_VERBS = {
        "a annoncé", "a démenti", "a confirmé", "a dénoncé", "a salué", "a rejeté", "a signé", "a reporté",
        "a rencontré", "a critiqué", "a soutenu", "a mis en garde"};
    private static final String[] EN_VERBS = {
        "announced", "denied", "confirmed", "condemned", "welcomed", "rejected", "signed", "postponed", "met",
        "criticised", "backed", "warned"};
    private static final String[] FR_FILLER = {
        "Selon plusieurs sources sécuritaires, la situation reste tendue dans la région des trois frontières.",
        "Les prix des denrées alimentaires ont fortement augmenté depuis le début de l'année.",
        "Des organisations humanitaires alertent sur le nombre croissant de personnes déplacées.",
        "Le ministre a précisé que les discussions se poursuivraient dans les prochaines semaines.",
        "Les habitants interrogés évoquent des coupures d'électricité de plus en plus fréquentes.",
        "Plusieurs partis d'opposition ont demandé un calendrier électoral précis.",
        "Les négociations portent notamment sur la sécurité, l'énergie et les infrastructures routières.",
        "Aucun bilan officiel n'a été communiqué à ce stade par les autorités.",
        "La saison des pluies complique l'acheminement de l'aide vers les zones enclavées.",
        "Les analystes estiment que cette décision pourrait redessiner les équilibres régionaux.",
        "Un communiqué lu à la télévision nationale a fait état de plusieurs interpellations.",
        "Les écoles de la localité restent fermées depuis plus de deux ans."};
    private static final String[] EN_FILLER = {
        "According to security sources, the situation remains tense in the tri-border area.",
        "Food prices have risen sharply since the start of the year, traders said.",
        "Aid agencies warn that the number of displaced people keeps growing.",
        "The minister said talks would continue over the coming weeks.",
        "Residents describe increasingly frequent power cuts and fuel shortages.",
        "Several opposition parties have called for a clear electoral timetable.",
        "The negotiations cover security, energy and road infrastructure among other issues.",
        "No official casualty figures had been released by the authorities.",
        "The rainy season makes it harder to deliver aid to isolated areas.",
        "Analysts believe the decision could reshape the regional balance of power.",
        "A statement read on state television reported several arrests.",
        "Schools in the area have been closed for more than two years.",
        "Chad Smith, a visiting researcher, said the data were incomplete.",
        "The files were protected with AES-256 encryption, the company added."};

    private BenchCorpus() {}

    /** {@code count} articles of roughly 2-3 KB each, the same for the same seed. */
    public static List<String> articles(int count, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean fr = i % 2 == 0;
            StringBuilder a = new StringBuilder(3000);
            int sentences = 18 + r.nextInt(12);
            for (int s = 0; s < sentences; s++) {
                if (r.nextInt(3) == 0) {
                    a.append(pick(r, fr ? FR_FILLER : EN_FILLER));
                } else if (fr) {
                    a.append(cap(pick(r, FR_ENTITIES))).append(' ').append(pick(r, FR_VERBS)).append(" un accord avec ")
                            .append(pick(r, FR_ENTITIES)).append(" sur la coopération sécuritaire et économique.");
                } else {
                    a.append(cap(pick(r, EN_ENTITIES))).append(' ').append(pick(r, EN_VERBS)).append(" a deal with ")
                            .append(pick(r, EN_ENTITIES)).append(" on security and economic cooperation.");
                }
                a.append(s % 6 == 5 ? "\n\n" : " ");
            }
            out.add(a.toString());
        }
        return out;
    }

    public static long utf8Bytes(List<String> texts) {
        return texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
    }

    private static String pick(Random r, String[] words) {
        return words[r.nextInt(words.length)];
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The articles one after another, round and round: each call of a benchmark takes the next. */
    public static final class Rotation {
        private final List<String> articles;
        private int next;

        public Rotation(List<String> articles) {
            this.articles = articles;
        }

        public String next() {
            String article = articles.get(next);
            next = next + 1 == articles.size() ? 0 : next + 1;
            return article;
        }
    }
}
