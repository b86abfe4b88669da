package io.mediamonitor.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.enrich.tagging.Dictionary;
import io.mediamonitor.model.Alert;
import io.mediamonitor.model.AlertArticle;
import io.mediamonitor.model.AlertKind;
import io.mediamonitor.model.AlertStatus;
import io.mediamonitor.model.Alias;
import io.mediamonitor.model.Article;
import io.mediamonitor.model.CountryTag;
import io.mediamonitor.model.DictionaryEntry;
import io.mediamonitor.model.DictionaryEntryKind;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.model.FeedStatus;
import io.mediamonitor.model.Severity;
import io.mediamonitor.schema.TopicProvisioner;
import io.mediamonitor.schema.Topics;
import io.mediamonitor.testing.KafkaTestCluster;
import io.mediamonitor.testing.TopicReader;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in real headless Chromium over a real broker: an alert produced to the alerts
 * topic during the test shows up on the open page through the event stream, the chart draws, the
 * feed table and the topic table fill from Kafka. Leaves a screenshot in target/dashboard.png.
 */
class DashboardBrowserIT {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration STEP = Duration.ofMinutes(10);

    private static KafkaTestCluster kafka;
    private static Topics topics;
    private static MonitorMetrics metrics;
    private static DashboardServer dashboard;
    private static WebDriver browser;

    @TempDir
    static Path profile;

    @BeforeAll
    static void start() throws Exception {
        if (!browserAvailable()) {
            return; // each test reports itself skipped (an aborted @BeforeAll would report no test at all)
        }
        kafka = KafkaTestCluster.singleBroker();
        topics = new Topics("dash" + UUID.randomUUID().toString().substring(0, 8) + ".");
        try (Admin admin = kafka.admin()) {
            new TopicProvisioner(admin, (short) -1).ensure(topics);
        }
        produceFeedStatuses();
        produceOperatorsActor();
        commitGroupOffset();
        metrics = new MonitorMetrics();
        HealthChecks health = new HealthChecks();
        DashboardConfig config = DashboardConfig.defaults().withPort(0).withWindowSize(HOUR).withWindowStep(STEP);
        dashboard = DashboardServer.start(config, topics, kafka.clientConfig(), mentionsOfTheLastDays(),
                new TermLabels(Dictionary.builtIn().entries()), metrics, health);
        browser = chrome();
    }

    @BeforeEach
    void needsABrowser() {
        Assumptions.assumeTrue(browserAvailable(), "needs Debian's chromium and chromium-driver");
    }

    private static boolean browserAvailable() {
        return CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (dashboard != null) {
            dashboard.close();
        }
        if (metrics != null) {
            metrics.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static WebDriver chrome() {
        // everything local: no Selenium Manager download, Debian's browser and driver
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.getPath());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1440,1400", "--lang=en-GB",
                "--user-data-dir=" + profile.resolve("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @Test
    void anAlertProducedWhileThePageIsOpenAppearsWithItsArticlesAndTheChart() throws Exception {
        browser.get(dashboard.url().toString());
        // tables are rebuilt on every poll, so an element found a moment ago may be gone: look again
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(ExpectedConditions.textToBe(By.id("stream-state"), "live"));
        assertThat(browser.findElement(By.id("alerts-empty")).isDisplayed()).isTrue();

        produceAlert();

        By firstCard = By.cssSelector("#alerts .alert");
        wait.until(ExpectedConditions.visibilityOfElementLocated(firstCard));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(firstCard, "Alliance des États du Sahel"));
        WebElement card = browser.findElement(firstCard);
        assertThat(card.getText())
                .contains("actor:aes", "OPEN", "HIGH", "observed 14 vs expected 2.1",
                        "Les ministres de l'AES annoncent une force unifiée à Niamey");
        assertThat(card.findElement(By.linkText("Les ministres de l'AES annoncent une force unifiée à Niamey"))
                .getAttribute("href")).isEqualTo("https://sahel-hebdo.example/aes-force-unifiee");
        assertThat(browser.findElement(By.id("alerts-empty")).isDisplayed()).isFalse();

        // the chart switched to the alert's term, drew its canvas, and says how the baseline is computed
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart .uplot canvas")));
        assertThat(browser.findElement(By.id("term-select")).getAttribute("value")).isEqualTo("actor:aes");
        assertThat(browser.findElement(By.cssSelector("#chart canvas")).getSize().getWidth()).isGreaterThan(300);
        assertThat(browser.findElement(By.id("baseline-legend")).getText()).contains("mean of the previous 24 h");

        // feed health and topics come from Kafka too
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feeds"), "Le Courrier de Bamako"));
        assertThat(browser.findElement(By.id("feeds")).getText()).contains("HTTP 503", "failing");
        // the alert and its transaction marker moved the alerts topic's end offsets
        By alertsOffsets = By.xpath("//table[@id='topics']//tr[td[1]='" + topics.alerts().name() + "']/td[3]");
        wait.until(d -> !d.findElements(alertsOffsets).isEmpty()
                && Long.parseLong(d.findElement(alertsOffsets).getText().replace(",", "")) > 0);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("groups"), "media-monitor-notify"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("top-countries"), "Mali"));

        // names everywhere: an actor that never alerted reads as the dictionary names it
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("top-actors"), "Africa Corps"));
        assertThat(browser.findElement(By.id("top-actors")).getText()).doesNotContain("africa-corps");
        // and one an operator added to the dictionary (media.dictionary), by the name the operator gave it
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("top-actors"),
                "Front de libération de l'Azawad"));
        // terms grouped by kind, the actor × country pairs behind their switch
        assertThat(browser.findElements(By.cssSelector("#term-select optgroup"))).extracting(g -> g.getAttribute("label"))
                .contains("Countries", "Actors").doesNotContain("Actor × country");
        browser.findElement(By.id("show-pairs")).click();
        By pair = By.cssSelector("#term-select option[value='pair:wagner|ML']");
        wait.until(ExpectedConditions.presenceOfElementLocated(pair));
        assertThat(browser.findElement(pair).getAttribute("textContent")).isEqualTo("Groupe Wagner × Mali");

        // the latest enriched articles, searchable
        produceEnrichedArticles();
        By articles = By.id("articles");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(articles, "Sahel juntas unveil a joint force"));
        browser.findElement(By.id("articles-search")).sendKeys("niamey");
        wait.until(d -> !d.findElement(articles).getText().contains("Sahel juntas unveil a joint force"));
        assertThat(browser.findElement(articles).getText())
                .contains("Les ministres de l'AES annoncent une force unifiée à Niamey", "Sahel Hebdo", "Niger");
        browser.findElement(By.id("articles-search")).clear();

        // the history lists the alert; acknowledging it from its card names who did, there and in the history
        By history = By.id("history");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(history, "Alliance des États du Sahel"));
        browser.findElement(By.id("ack-name")).sendKeys("Aïcha");
        browser.findElement(By.id("ack-name")).sendKeys(org.openqa.selenium.Keys.TAB);
        // a refused acknowledgement says so beside the button that was clicked, and nowhere else
        ((ChromeDriver) browser).executeScript("""
                const realFetch = window.fetch;
                window.fetch = (url, options) => {
                  if (!String(url).endsWith('/acknowledgement')) return realFetch(url, options);
                  window.fetch = realFetch;
                  return Promise.resolve(new Response(JSON.stringify({ error: 'Kafka did not acknowledge the write' }),
                      { status: 503, headers: { 'Content-Type': 'application/json' } }));
                };""");
        click(wait, By.cssSelector("#alerts .alert button.ack"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(firstCard,
                "Not saved: Kafka did not acknowledge the write"));
        assertThat(browser.findElement(By.id("history-error")).getText()).isEmpty();
        click(wait, By.cssSelector("#alerts .alert button.ack"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(firstCard, "✓ Aïcha"));
        assertThat(browser.findElement(firstCard).getText()).doesNotContain("Not saved");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(history, "✓ Aïcha"));
        assertThat(term(browser)).as("an acknowledgement is not a click on the card").isEqualTo("actor:aes");
        click(wait, By.id("history-unacknowledged"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("history-empty")));
        click(wait, By.id("history-unacknowledged"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(history, "Alliance des États du Sahel"));
        // a row of the history shows its alert on the chart
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("term-select")))
                .selectByValue("country:ML");
        wait.until(d -> term(d).equals("country:ML"));
        click(wait, By.cssSelector("#history tbody tr td"));
        wait.until(d -> term(d).equals("actor:aes"));
        assertThat(TopicReader.readToEnd(kafka.bootstrapServers(), topics.alertAcknowledgements(),
                Duration.ofSeconds(30))).singleElement().satisfies(record ->
                assertThat(record.value().getAcknowledgedBy()).isEqualTo("Aïcha"));

        // a laptop's screen: the chart and the newest alert in full, without scrolling
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
        wait.until(d -> ((Number) ((ChromeDriver) d).executeScript("return window.innerWidth")).intValue() <= 1280);
        Number viewport = (Number) ((ChromeDriver) browser).executeScript("return window.innerHeight");
        for (String selector : List.of("#chart canvas", "#alerts .alert")) {
            Number bottom = (Number) ((ChromeDriver) browser).executeScript(
                    "return document.querySelector(arguments[0]).getBoundingClientRect().bottom", selector);
            assertThat(bottom.doubleValue()).as("%s ends within the first %s px", selector, viewport)
                    .isLessThanOrEqualTo(viewport.doubleValue());
        }
        Path laptop = Path.of("target", "dashboard-1280x800.png");
        Files.createDirectories(laptop.getParent());
        Files.copy(((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath(), laptop,
                StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1400));
        wait.until(d -> ((Number) ((ChromeDriver) d).executeScript("return window.innerWidth")).intValue() > 1280);
        // the topic table's headers each on one line (their text, not their cells, which share the row's height)
        @SuppressWarnings("unchecked")
        List<Number> headerHeights = (List<Number>) ((ChromeDriver) browser).executeScript(
                "return [...document.querySelectorAll('#topics th')].map(th => {"
                        + " const text = document.createRange(); text.selectNodeContents(th);"
                        + " return text.getBoundingClientRect().height; })");
        assertThat(headerHeights).extracting(Number::doubleValue).as("no header wraps").allSatisfy(height ->
                assertThat(height).isLessThan(headerHeights.get(0).doubleValue() + 1));

        Path shot = Path.of("target", "dashboard.png");
        Files.createDirectories(shot.getParent());
        Files.copy(((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath(), shot,
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    /** Clicks an element the page may be re-rendering (cards and history rows are redrawn on refresh). */
    private static void click(WebDriverWait wait, By element) {
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            d.findElement(element).click();
            return true;
        });
    }

    private static String term(WebDriver driver) {
        return driver.findElement(By.id("term-select")).getAttribute("value");
    }

    private static void produceAlert() throws Exception {
        Instant window = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(HOUR);
        Alert alert = Alert.newBuilder()
                .setId("actor:aes@" + window.toEpochMilli()).setRevision(0).setKind(AlertKind.SPIKE)
                .setTerm("actor:aes").setLabel("Alliance des États du Sahel")
                .setStatus(AlertStatus.OPEN).setSeverity(Severity.HIGH)
                .setWindowStart(window).setWindowEnd(window.plus(HOUR)).setTriggeredAt(window.plusSeconds(2400))
                .setObserved(14).setExpected(2.1).setScore(8.3).setDistinctSources(5)
                .setMethod("poisson tail, p < 1e-8")
                .setExplanation("Mentions de l'AES : 14 récits en une heure contre 2,1 attendus, dans 5 sources.")
                .setTopArticles(List.of(
                        AlertArticle.newBuilder()
                                .setTitle("Les ministres de l'AES annoncent une force unifiée à Niamey")
                                .setUrl("https://sahel-hebdo.example/aes-force-unifiee").setSource("Sahel Hebdo")
                                .setPublishedAt(window.plusSeconds(900)).build(),
                        AlertArticle.newBuilder()
                                .setTitle("Sahel juntas unveil a joint force")
                                .setUrl("https://west-africa-monitor.example/joint-force")
                                .setSource("West Africa Monitor").setPublishedAt(window.plusSeconds(1800)).build()))
                .build();
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "dashboard-it-" + UUID.randomUUID());
        try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(config,
                topics.alerts().keySerde().serializer(), topics.alerts().valueSerde().serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topics.alerts().name(), alert.getTerm(), alert));
            producer.commitTransaction();
        }
    }

    private static void produceOperatorsActor() throws Exception {
        DictionaryEntry entry = DictionaryEntry.newBuilder().setKind(DictionaryEntryKind.ACTOR).setId("front-azawad")
                .setName("Front de libération de l'Azawad").setType("armed-group")
                .setAliases(List.of(new Alias("Front de libération de l'Azawad", "fr", false))).build();
        try (KafkaProducer<String, DictionaryEntry> producer = new KafkaProducer<>(kafka.clientConfig(),
                topics.dictionary().keySerde().serializer(), topics.dictionary().valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topics.dictionary().name(), "actor:front-azawad", entry)).get();
        }
    }

    private static void produceEnrichedArticles() throws Exception {
        Instant at = Instant.now().minus(Duration.ofMinutes(30));
        try (KafkaProducer<String, EnrichedArticle> producer = new KafkaProducer<>(kafka.clientConfig(),
                topics.articlesEnriched().keySerde().serializer(), topics.articlesEnriched().valueSerde().serializer())) {
            for (String[] a : new String[][] {
                    {"e1", "Les ministres de l'AES annoncent une force unifiée à Niamey", "Sahel Hebdo", "NE", "Niger"},
                    {"e2", "Sahel juntas unveil a joint force", "West Africa Monitor", "ML", "Mali"}}) {
                EnrichedArticle article = EnrichedArticle.newBuilder()
                        .setArticle(Article.newBuilder().setId(a[0]).setUrl("https://example.org/" + a[0])
                                .setTitle(a[1]).setSource(a[2]).setFeedUrl("https://example.org/feed")
                                .setPublishedAt(at).setFetchedAt(at).build())
                        .setStoryId(a[0]).setDictionaryVersion("test").setEnrichedAt(at)
                        .setCountries(List.of(new CountryTag(a[3], a[4], 1, List.of(a[4]))))
                        .build();
                producer.send(new ProducerRecord<>(topics.articlesEnriched().name(), a[0], article)).get();
            }
        }
    }

    private static void produceFeedStatuses() throws Exception {
        Instant now = Instant.now();
        try (KafkaProducer<String, FeedStatus> producer = new KafkaProducer<>(kafka.clientConfig(),
                topics.feedsStatus().keySerde().serializer(), topics.feedsStatus().valueSerde().serializer())) {
            for (FeedStatus status : List.of(
                    FeedStatus.newBuilder().setFeedUrl("https://bamako.example/rss").setFeedName("Le Courrier de Bamako")
                            .setLastAttemptAt(now.minusSeconds(90)).setLastSuccessAt(now.minusSeconds(90))
                            .setHttpStatus(200).setNewArticles(3).setLastArticleAt(now.minusSeconds(2400)).build(),
                    FeedStatus.newBuilder().setFeedUrl("https://ouaga.example/rss").setFeedName("Ouaga Info")
                            .setLastAttemptAt(now.minusSeconds(300)).setLastSuccessAt(now.minus(Duration.ofHours(7)))
                            .setLastErrorAt(now.minusSeconds(300)).setLastError("HTTP 503").setHttpStatus(503)
                            .setConsecutiveFailures(4).setLastArticleAt(now.minus(Duration.ofHours(9))).build(),
                    FeedStatus.newBuilder().setFeedUrl("https://niamey.example/rss").setFeedName("Niamey Express")
                            .setLastAttemptAt(now.minusSeconds(600)).setLastSuccessAt(now.minusSeconds(600))
                            .setHttpStatus(304).setLastArticleAt(now.minus(Duration.ofHours(40))).build())) {
                producer.send(new ProducerRecord<>(topics.feedsStatus().name(), status.getFeedUrl(), status)).get();
            }
        }
    }

    /** A consumer group one record behind on the alerts topic, so the lag table has a row. */
    private static void commitGroupOffset() {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "media-monitor-notify-" + topics.prefix());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.commitSync(Map.of(new TopicPartition(topics.alerts().name(), 0), new OffsetAndMetadata(0)));
        }
    }

    /** Three days of hopping-window counts ending now: a quiet background and a burst an hour ago. */
    private static MentionHistory mentionsOfTheLastDays() {
        ListMentionHistory history = new ListMentionHistory();
        Instant now = Instant.now();
        Instant burst = now.truncatedTo(ChronoUnit.HOURS).minus(HOUR);
        long stepMs = STEP.toMillis();
        Instant start = Instant.ofEpochMilli(now.minus(Duration.ofDays(4)).toEpochMilli() / stepMs * stepMs);
        int i = 0;
        for (Instant window = start; window.isBefore(now); window = window.plus(STEP), i++) {
            int quiet = (i / 6) % 5 == 0 ? 2 : (i / 6) % 3 == 0 ? 1 : 0;
            boolean inBurst = !window.isBefore(burst.minus(Duration.ofMinutes(50))) && !window.isAfter(burst);
            int aes = inBurst ? 14 - (int) Duration.between(window, burst).toMinutes() / 10 * 2 : quiet;
            if (aes > 0) {
                history.add(Fixtures.count("actor:aes", window, HOUR, aes, "RFI", "Sahel Hebdo", "Ouaga Info"));
            }
            history.add(Fixtures.count("country:ML", window, HOUR, 2 + i % 3, "Le Courrier de Bamako", "RFI"));
            if (i % 4 == 0) {
                history.add(Fixtures.count("country:BF", window, HOUR, 1, "Ouaga Info"));
            }
            // in every window: whichever windows the top list sums, these are in it
            history.add(Fixtures.count("actor:africa-corps", window, HOUR, 1, "West Africa Monitor"));
            history.add(Fixtures.count("pair:wagner|ML", window, HOUR, 1, "RFI"));
            history.add(Fixtures.count("actor:front-azawad", window, HOUR, 1, "Le Courrier de Bamako"));
        }
        return history;
    }
}
