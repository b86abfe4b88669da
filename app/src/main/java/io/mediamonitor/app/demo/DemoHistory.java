package io.mediamonitor.app.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A week of ordinary news up to an hour before the demo starts, so the first minute already has baselines to judge
 * the Russian delegation's burst against and charts with something to the left of it. Each outlet writes about its
 * country mostly, the region's others now and then, by day several times more than at night, from templates in its
 * language; the AES and the Africa Corps come up a few times a day, as in a quiet week. Drawn from a fixed seed and
 * placed relative to the demo's start (its day and night too), so every run, and every restart, serves the same
 * articles: a restart republishes nothing.
 */
final class DemoHistory {

    static final Duration SPAN = Duration.ofDays(7);
    /**
     * Up to an hour before the start, under the catalogue's few written articles of the last 70 hours: an outlet
     * that stopped writing days before the demo would rightly be reported silent.
     */
    static final Duration END = Duration.ofHours(1);
    private static final long SEED = 20_241_118L;

    /** Articles per hour and outlet, by hour of the demo's day (hour 0: 24 h, 48 h... before its start). */
    private static final double[] PER_HOUR = {0.15, 0.1, 0.1, 0.1, 0.15, 0.3, 0.5, 0.8, 1.0, 1.1, 1.1, 1.0,
        0.9, 0.9, 1.0, 1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2};
    /** How often an article is about the alliance or the Russian force rather than ordinary news. */
    private static final double ACTOR_SHARE = 0.03;

    private record Place(String country, String countryEn, String capital) {
    }

    private static final List<Place> PLACES = List.of(
            new Place("Mali", "Mali", "Bamako"),
            new Place("Burkina Faso", "Burkina Faso", "Ouagadougou"),
            new Place("Niger", "Niger", "Niamey"),
            new Place("Tchad", "Chad", "N'Djamena"));

    private static final List<String> FRENCH = List.of(
            "%s : le gouvernement présente son budget pour l'an prochain",
            "%s : les prix du mil et du sorgho en hausse sur les marchés",
            "%s : reprise des cours après les congés",
            "À %2$s, les commerçants protestent contre la hausse des taxes",
            "%s : une campagne de vaccination lancée dans les régions",
            "%s : les pluies tardives inquiètent les agriculteurs",
            "À %2$s, un nouveau marché couvert ouvre ses portes",
            "%s : les syndicats appellent à une journée de grève",
            "%s : inauguration d'une centrale solaire près de %2$s",
            "%s : la sélection nationale prépare la Coupe d'Afrique");
    private static final List<String> ENGLISH = List.of(
            "%s unveils next year's budget",
            "Grain prices rise in %s markets",
            "Schools reopen across %s after the holidays",
            "Traders in %2$s protest against new taxes",
            "%s launches a regional vaccination campaign",
            "Late rains worry farmers in %s",
            "New solar plant opens near %2$s, %1$s",
            "Unions in %s call a one-day strike");
    private static final List<String> FRENCH_ACTORS = List.of(
            "AES : réunion des ministres des Affaires étrangères à %2$s",
            "%s : l'Africa Corps escorte un convoi dans le nord",
            "L'AES prépare un passeport commun, annonce %2$s",
            "%s : des instructeurs de l'Africa Corps arrivés à %2$s");
    private static final List<String> ENGLISH_ACTORS = List.of(
            "AES foreign ministers meet in %2$s",
            "Africa Corps escorts a convoy in northern %s",
            "Sahel alliance AES plans a common passport");

    private DemoHistory() {
    }

    /** The week's articles, oldest first, numbered from {@code firstIndex}. */
    static List<DemoCatalogue.DemoArticle> of(List<DemoCatalogue.DemoFeed> feeds, int firstIndex) {
        SplittableRandom random = new SplittableRandom(SEED);
        List<DemoCatalogue.DemoArticle> articles = new ArrayList<>();
        long hours = SPAN.toHours();
        for (long hour = hours + END.toHours(); hour > END.toHours(); hour--) {
            int hourOfDay = (int) Math.floorMod(24 - hour, 24L);
            for (int f = 0; f < feeds.size(); f++) {
                DemoCatalogue.DemoFeed feed = feeds.get(f);
                int count = poisson(random, PER_HOUR[hourOfDay]);
                for (int i = 0; i < count; i++) {
                    Duration at = Duration.ofHours(-hour).plusSeconds(random.nextInt(3600));
                    Place place = random.nextDouble() < 0.6 ? PLACES.get(f % PLACES.size())
                            : PLACES.get(random.nextInt(PLACES.size()));
                    articles.add(new DemoCatalogue.DemoArticle(firstIndex + articles.size(), feed.id(), at,
                            title(random, feed.language(), place), summary(feed.language(), place)));
                }
            }
        }
        articles.sort(Comparator.comparing(DemoCatalogue.DemoArticle::at).thenComparing(DemoCatalogue.DemoArticle::index));
        return articles;
    }

    private static String title(SplittableRandom random, String language, Place place) {
        boolean french = language.equals("fr");
        boolean actor = random.nextDouble() < ACTOR_SHARE;
        List<String> templates = french ? (actor ? FRENCH_ACTORS : FRENCH) : (actor ? ENGLISH_ACTORS : ENGLISH);
        return String.format(templates.get(random.nextInt(templates.size())),
                french ? place.country() : place.countryEn(), place.capital());
    }

    private static String summary(String language, Place place) {
        return language.equals("fr") ? "Les nouvelles du jour à " + place.capital() + "."
                : "The day's news from " + place.capital() + ".";
    }

    /** Knuth's method: exact for the small means here. */
    private static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
