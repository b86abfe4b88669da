package io.mediamonitor.tools.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.alerts.stream.AlertSettings;
import io.mediamonitor.enrich.EnrichSettings;
import io.mediamonitor.enrich.LiveDictionary;
import io.mediamonitor.enrich.tagging.Dictionary;
import io.mediamonitor.model.Alert;
import io.mediamonitor.model.AlertArticle;
import io.mediamonitor.model.AlertStatus;
import io.mediamonitor.model.Article;
import io.mediamonitor.model.WatchlistEntry;
import io.mediamonitor.testing.DistinctWords;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The enrich and alert topologies together, on event time, over articles written for each case. */
class BacktestEngineTest {

    private static final Instant START = Instant.parse("2024-11-18T00:00:00Z");
    private static final List<String> OUTLETS = List.of("RFI", "Le Monde", "Jeune Afrique", "AFP", "Studio Tamani");
    private static final Dictionary DICTIONARY = Dictionary.builtIn();

    private BacktestEngine engine;
    private int serial;

    @BeforeEach
    void start() {
        engine = new BacktestEngine(EnrichSettings.defaults(), new LiveDictionary(entries -> DICTIONARY.tagger()),
                AlertSettings.defaults());
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void aRareActorCoveredByManyOutletsRaisesOneExplainedAlertAsSoonAsItHolds() {
        List<Alert> alerts = new ArrayList<>(background(Duration.ofDays(3)));
        Instant burst = START.plus(Duration.ofDays(3)).plusSeconds(600);

        List<Alert> raisedDuringBurst = africaCorpsArrives(burst);

        assertThat(alerts).as("no alert from three days of routine coverage").isEmpty();
        List<Alert> africaCorps = raisedDuringBurst.stream().filter(a -> a.getTerm().equals("actor:africa-corps")).toList();
        assertThat(africaCorps).isNotEmpty();
        Alert opened = africaCorps.get(0);
        assertThat(opened.getStatus()).isEqualTo(AlertStatus.OPEN);
        assertThat(opened.getDistinctSources()).isGreaterThanOrEqualTo(3);
        assertThat(opened.getObserved()).isGreaterThan((int) Math.ceil(opened.getExpected()));
        assertThat(opened.getTriggeredAt()).isBefore(opened.getWindowEnd());
        assertThat(opened.getTopArticles()).extracting(AlertArticle::getSource).doesNotHaveDuplicates()
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(opened.getLabel()).isNotBlank();
        assertThat(africaCorps).extracting(Alert::getId).containsOnly(opened.getId());
        assertThat(africaCorps.stream().filter(a -> a.getStatus() == AlertStatus.OPEN)).hasSize(1);
    }

    @Test
    void anAlertWhoseTermFallsQuietIsResolvedByStreamTimeAlone() {
        background(Duration.ofDays(3));
        Instant burst = START.plus(Duration.ofDays(3)).plusSeconds(600);
        List<Alert> raised = new ArrayList<>(africaCorpsArrives(burst));
        // then twelve hours of routine coverage that never names the Africa Corps: no count of its own arrives,
        // only the clock moves
        raised.addAll(routine(engine, burst.plus(Duration.ofHours(1)), Duration.ofHours(12)));

        List<Alert> africaCorps = raised.stream().filter(a -> a.getTerm().equals("actor:africa-corps")).toList();
        assertThat(africaCorps).extracting(Alert::getStatus).startsWith(AlertStatus.OPEN).endsWith(AlertStatus.RESOLVED);
        assertThat(africaCorps).extracting(Alert::getId).containsOnly(africaCorps.get(0).getId());
    }

    @Test
    void oneOutletRepeatingItselfIsNotASpike() {
        background(Duration.ofDays(3));
        Instant burst = START.plus(Duration.ofDays(3)).plusSeconds(600);

        List<Alert> raised = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            raised.addAll(engine.accept(article("Wagner Watch", "Wagner : mise à jour " + i,
                    "Le groupe Wagner, encore et toujours, mise à jour numéro " + i + ". " + ownWords(),
                    burst.plusSeconds(60L * i))));
        }

        assertThat(raised).noneMatch(a -> a.getTerm().equals("actor:wagner"));
    }

    @Test
    void aLiveBlogIsOneOutletEvenWhenAWireStoryLiftsTheSourcesInTheSameHour() {
        assertThat(liveBlogWithWire(engine)).as("the outlet counts for two of its stories").isEmpty();

        // The control: the same articles, with no limit per outlet, do alert.
        try (BacktestEngine unlimited = new BacktestEngine(EnrichSettings.defaults(),
                new LiveDictionary(entries -> DICTIONARY.tagger()), AlertSettings.defaults().withDetector(
                        AlertSettings.defaults().detector().withStoriesPerSource(1000)))) {
            assertThat(liveBlogWithWire(unlimited)).isNotEmpty();
        }
    }

    /** Three quiet days, then 15 live-blog entries from one outlet and one dispatch carried by 8 outlets. */
    private List<Alert> liveBlogWithWire(BacktestEngine target) {
        background(target, Duration.ofDays(3));
        Instant start = START.plus(Duration.ofDays(3)).plusSeconds(600);
        List<Alert> raised = new ArrayList<>();
        String[] places = {"Kidal", "Gao", "Tombouctou", "Mopti", "Ségou"};
        for (int i = 0; i < 15; i++) {
            raised.addAll(target.accept(article("Le Direct", "En direct : Wagner à " + places[i % 5] + ", point "
                    + (i + 1) + " sur " + (100 + i * 7), "Notre envoyé suit les mercenaires de Wagner, entrée "
                    + (i * 13 + 5) + ". " + ownWords(), start.plusSeconds(200L * i))));
        }
        for (int i = 0; i < 8; i++) {
            raised.addAll(target.accept(article("Outlet " + i, "Wagner : Moscou confirme un redéploiement",
                    "Le groupe Wagner se redéploie, confirme Moscou.", start.plusSeconds(900L + 60L * i))));
        }
        return raised.stream().filter(a -> a.getTerm().equals("actor:wagner")).toList();
    }

    @Test
    void aWatchlistEntryCanSilenceATermThatWouldOtherwiseAlert() {
        background(Duration.ofDays(3));
        engine.watch(WatchlistEntry.newBuilder().setTerm("actor:africa-corps").setEnabled(false).build());
        Instant burst = START.plus(Duration.ofDays(3)).plusSeconds(600);

        List<Alert> raised = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            raised.addAll(engine.accept(article(OUTLETS.get(i % OUTLETS.size()), "Africa Corps et Wagner " + i,
                    "L'Africa Corps, héritier du groupe Wagner, au Mali, dépêche " + i + ". " + ownWords(),
                    burst.plusSeconds(300L * i))));
        }

        assertThat(raised).noneMatch(a -> a.getTerm().equals("actor:africa-corps"));
        // the control: the same burst raises the unsilenced term it also mentions
        assertThat(raised).anyMatch(a -> a.getTerm().equals("actor:wagner"));
    }

    /** Six outlets' stories, five minutes apart from {@code burst}, on the Africa Corps arriving in Bamako. */
    private List<Alert> africaCorpsArrives(Instant burst) {
        List<Alert> raised = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            raised.addAll(engine.accept(article(OUTLETS.get(i % OUTLETS.size()),
                    "Moscou annonce l'arrivée de l'Africa Corps, épisode " + i,
                    "Un contingent de l'Africa Corps est attendu à Bamako, selon la source " + i + ". " + ownWords(),
                    burst.plusSeconds(300L * i))));
        }
        return raised;
    }

    /** Routine coverage: one article every 30 minutes about everyday life in Mali and Niger. */
    private List<Alert> background(Duration length) {
        return background(engine, length);
    }

    private List<Alert> background(BacktestEngine target, Duration length) {
        return routine(target, START, length);
    }

    private List<Alert> routine(BacktestEngine target, Instant from, Duration length) {
        List<Alert> raised = new ArrayList<>();
        for (Instant t = from; t.isBefore(from.plus(length)); t = t.plus(Duration.ofMinutes(30))) {
            String outlet = OUTLETS.get(serial % OUTLETS.size());
            String place = serial % 2 == 0 ? "au Mali" : "au Niger";
            raised.addAll(target.accept(article(outlet, "Chronique du marché " + place + " numéro " + serial,
                    "Les prix des céréales " + place + ", relevé " + serial + ". " + ownWords(), t)));
        }
        return raised;
    }

    /** Words of each article's own, so that distinct stories stay distinct (story dedup joins near-duplicates). */
    private final DistinctWords words = new DistinctWords(5);

    private String ownWords() {
        return words.sentence();
    }

    private Article article(String source, String title, String summary, Instant publishedAt) {
        String id = "bt-" + serial++;
        return Article.newBuilder()
                .setId(id).setUrl("https://example.org/" + id).setTitle(title).setSummary(summary)
                .setSource(source).setFeedUrl("https://example.org/rss").setLanguage("fr")
                .setPublishedAt(publishedAt).setFetchedAt(publishedAt)
                .setSourceDomain("example.org")
                .build();
    }
}
