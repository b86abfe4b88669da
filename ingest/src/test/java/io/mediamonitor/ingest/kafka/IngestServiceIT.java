package io.mediamonitor.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediamonitor.ingest.FeedReport;
import io.mediamonitor.ingest.FeedServer;
import io.mediamonitor.ingest.Fixtures;
import io.mediamonitor.ingest.IngestConfig;
import io.mediamonitor.ingest.IngestReport;
import io.mediamonitor.ingest.IngestService;
import io.mediamonitor.model.Article;
import io.mediamonitor.model.Feed;
import io.mediamonitor.model.FeedStatus;
import io.mediamonitor.schema.TopicProvisioner;
import io.mediamonitor.schema.Topics;
import io.mediamonitor.testing.KafkaTestCluster;
import io.mediamonitor.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The service against a real broker and a real HTTP server. */
class IngestServiceIT {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    /** Shard feeds the server serves, to pick one per partition from. */
    private static final int SHARD_PATHS = 200;

    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static KafkaTestCluster kafka;
    private static FeedServer server;

    @BeforeAll
    static void start() {
        kafka = KafkaTestCluster.singleBroker();
        server = new FeedServer()
                .feed("/fr.xml", Fixtures.feed("rss2-sahel-fr.xml"), "application/rss+xml", "\"fr-1\"")
                .feed("/en.xml", Fixtures.feed("rss2-sahel-en.xml"), "application/rss+xml", "\"en-1\"")
                // a server that ignores validators: only the seen ids prevent republishing
                .route("/atom-no-cache.xml", ex -> FeedServer.send(ex, 200, "application/atom+xml",
                        Fixtures.feed("atom-sahel-en.xml")))
                .route("/rdf-no-cache.xml", ex -> FeedServer.send(ex, 200, "application/rdf+xml",
                        Fixtures.feed("rss1-sahel.rdf")))
                .route("/down.xml", ex -> FeedServer.send(ex, 500, "text/plain", "down".getBytes()))
                .route("/busy.xml", ex -> {
                    ex.getResponseHeaders().set("Retry-After", "3600");
                    FeedServer.send(ex, 429, "text/plain", new byte[0]);
                });
        for (int i = 0; i < SHARD_PATHS; i++) {
            server.route("/shard-" + i + ".xml", ex -> FeedServer.send(ex, 200, "application/rss+xml",
                    Fixtures.rss("Shard", "https://shard.example" + ex.getRequestURI().getPath(), 2)));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
        kafka.close();
    }

    /** A test's own topics, provisioned as the CLI's Kafka environment does before ingest starts. */
    private static Topics freshTopics() {
        Topics topics = new Topics("t" + PREFIXES.incrementAndGet() + ".");
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            new TopicProvisioner(admin, (short) -1)
                    .ensure(List.of(topics.articlesRaw(), topics.feeds(), topics.feedsStatus()));
        }
        return topics;
    }

    private static IngestConfig config(String group) {
        return IngestConfig.defaults().withAllowPrivateAddresses(true).withSeenCapacity(10_000).withGroupId(group)
                .withConnectTimeout(Duration.ofSeconds(2)).withRequestTimeout(Duration.ofSeconds(5))
                .withParseTimeout(Duration.ofSeconds(5));
    }

    private static Feed feed(String path, String name) {
        return Feed.newBuilder().setUrl(server.url(path)).setName(name).build();
    }

    private static List<Article> published(Topics topics) {
        return TopicReader.readToEnd(kafka.bootstrapServers(), topics.articlesRaw(), READ_TIMEOUT).stream()
                .map(ConsumerRecord::value).toList();
    }

    @Test
    void publishesEachStoryOnceAcrossFeedsPollsAndRestarts() throws Exception {
        Topics topics = freshTopics();
        List<Feed> feeds = List.of(feed("/fr.xml", "Journal du Sahel"), feed("/en.xml", "Sahel Monitor"),
                feed("/atom-no-cache.xml", ""), feed("/rdf-no-cache.xml", "Veille Sahel"));
        IngestReport first;
        try (IngestService service = new IngestService(kafka.clientConfig(), topics, config("g1"), feeds)) {
            first = service.runOnce();
            assertThat(first.feeds()).hasSize(4).allMatch(FeedReport::ok);
            // 3 + 2 + 2 + 2 entries; the AES story is in both the French and the English feed
            assertThat(first.newArticles()).isEqualTo(8);
            IngestReport second = service.runOnce();
            assertThat(second.newArticles()).isZero();
            assertThat(second.feeds()).filteredOn(r -> r.feedUrl().endsWith("/fr.xml"))
                    .singleElement().satisfies(r -> assertThat(r.notModified()).isTrue());
        }
        List<Article> articles = published(topics);
        assertThat(articles).hasSize(8);
        assertThat(articles).extracting(Article::getId).doesNotHaveDuplicates();
        Article shared = articles.stream().filter(a -> a.getUrl().contains("aes-force-conjointe")).findFirst().orElseThrow();
        assertThat(shared.getUrl()).isEqualTo("https://www.journal-du-sahel.example/politique/aes-force-conjointe?id=42");

        // a new instance: ids come back from articles.raw, validators from feeds.status
        int conditionalBefore = (int) server.requests().stream().filter(r -> "\"fr-1\"".equals(r.ifNoneMatch())).count();
        try (IngestService restarted = new IngestService(kafka.clientConfig(), topics, config("g1"), feeds)) {
            IngestReport again = restarted.runOnce();
            assertThat(again.feeds()).hasSize(4).allMatch(FeedReport::ok);
            assertThat(again.newArticles()).isZero();
            assertThat(restarted.seenIds()).isEqualTo(8);
        }
        assertThat(server.requests().stream().filter(r -> "\"fr-1\"".equals(r.ifNoneMatch())).count())
                .isGreaterThan(conditionalBefore);
        assertThat(published(topics)).hasSize(8);
    }

    @Test
    void reportsFeedHealthOnTheStatusTopic() throws Exception {
        Topics topics = freshTopics();
        List<Feed> feeds = List.of(feed("/fr.xml", "JdS"), feed("/down.xml", "Down"), feed("/busy.xml", "Busy"));
        try (IngestService service = new IngestService(kafka.clientConfig(), topics, config("g2"), feeds)) {
            IngestReport report = service.runOnce();
            assertThat(report.failures()).isEqualTo(2);
            assertThat(report.allFailed()).isFalse();
            service.runOnce();
        }
        Map<String, FeedStatus> statuses = TopicReader.latest(kafka.bootstrapServers(), topics.feedsStatus(), READ_TIMEOUT);
        FeedStatus ok = statuses.get(server.url("/fr.xml"));
        assertThat(ok.getFeedName()).isEqualTo("JdS");
        assertThat(ok.getEtag()).isEqualTo("\"fr-1\"");
        assertThat(ok.getLastModified()).isEqualTo("Mon, 03 Nov 2025 10:00:00 GMT");
        assertThat(ok.getHttpStatus()).isEqualTo(304);
        assertThat(ok.getItemsSeen()).isEqualTo(3);
        assertThat(ok.getConsecutiveFailures()).isZero();
        assertThat(ok.getLastSuccessAt()).isNotNull();
        assertThat(ok.getLastArticleAt()).isNotNull();
        assertThat(ok.getNextPollAt()).isAfter(ok.getLastAttemptAt());

        FeedStatus down = statuses.get(server.url("/down.xml"));
        assertThat(down.getLastError()).isEqualTo("HTTP 500");
        assertThat(down.getHttpStatus()).isEqualTo(500);
        assertThat(down.getConsecutiveFailures()).isEqualTo(2);
        assertThat(down.getLastSuccessAt()).isNull();

        FeedStatus busy = statuses.get(server.url("/busy.xml"));
        assertThat(busy.getHttpStatus()).isEqualTo(429);
        // Retry-After: 3600 is honoured even though the backoff alone would be shorter
        assertThat(Duration.between(busy.getLastAttemptAt(), busy.getNextPollAt())).isGreaterThanOrEqualTo(Duration.ofHours(1));
    }

    @Test
    void afterARestartAFeedThatAskedToWaitWaitsWhileTheOthersArePolledAtOnce() throws Exception {
        Topics topics = freshTopics();
        try (IngestService before = new IngestService(kafka.clientConfig(), topics, config("g10"),
                List.of(feed("/busy.xml", "Busy")))) {
            assertThat(before.runOnce().failures()).isEqualTo(1); // 429, Retry-After: 3600
        }
        int busyHits = server.hits("/busy.xml");
        try (IngestService after = new IngestService(kafka.clientConfig(), topics, config("g10"),
                List.of(feed("/busy.xml", "Busy"), feed("/en.xml", "Sahel Monitor")))) {
            after.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> published(topics).size() == 2);
        }
        assertThat(server.hits("/busy.xml")).as("requests to the feed that asked to wait an hour").isEqualTo(busyHits);
    }

    @Test
    void startPollsOwnedFeedsOnTheirScheduleUntilStopped() throws Exception {
        Topics topics = freshTopics();
        try (IngestService service = new IngestService(kafka.clientConfig(), topics, config("g6"),
                List.of(feed("/en.xml", "Sahel Monitor"), feed("/rdf-no-cache.xml", "Veille Sahel")))) {
            service.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> published(topics).size() == 4);
            assertThat(TopicReader.latest(kafka.bootstrapServers(), topics.feedsStatus(), READ_TIMEOUT)).hasSize(2);
        }
        assertThat(published(topics)).extracting(Article::getId).doesNotHaveDuplicates();
    }

    @Test
    void theFirstRoundPublishesEveryFeedsHistoryOldestFirstAcrossFeeds() throws Exception {
        Topics topics = freshTopics();
        Instant newest = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        List<Feed> feeds = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            // five days each, hourly, the three feeds' items interleaved
            byte[] history = history("https://history-" + f + ".example", newest.minus(Duration.ofMinutes(15L * f)), 120);
            server.route("/history-" + f + ".xml", ex -> FeedServer.send(ex, 200, "application/rss+xml", history));
            feeds.add(feed("/history-" + f + ".xml", "History " + f));
        }
        try (IngestService service = new IngestService(kafka.clientConfig(), topics, config("g8"), feeds)) {
            service.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> published(topics).size() == 360);
        }
        List<ConsumerRecord<String, Article>> records =
                TopicReader.readToEnd(kafka.bootstrapServers(), topics.articlesRaw(), READ_TIMEOUT);
        assertThat(records).hasSize(360).extracting(ConsumerRecord::key).doesNotHaveDuplicates();
        // feed after feed, each feed's oldest items would follow the newest of the feed before it in every partition
        Map<Integer, List<Instant>> byPartition = records.stream().sorted(Comparator.comparingLong(ConsumerRecord::offset))
                .collect(Collectors.groupingBy(ConsumerRecord::partition, TreeMap::new,
                        Collectors.mapping(r -> r.value().getPublishedAt(), Collectors.toList())));
        assertThat(byPartition).isNotEmpty();
        byPartition.forEach((partition, times) -> assertThat(times).as("partition %d", partition).isSorted());
    }

    @Test
    void aRoundsReportsKeepTheFeedsOrderWhicheverFeedAnswersLastAndWhenPublishedInParts() throws Exception {
        Topics topics = freshTopics();
        Instant newest = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        AtomicInteger slowFeed = new AtomicInteger(0);
        List<Feed> feeds = new ArrayList<>();
        for (int f = 0; f < 4; f++) {
            int feedIndex = f;
            byte[] history = history("https://parts-" + f + ".example", newest.minus(Duration.ofMinutes(10L * f)), 30);
            server.route("/parts-" + f + ".xml", ex -> {
                if (slowFeed.get() == feedIndex) {
                    try {
                        Thread.sleep(1_000); // answers after the others, taken last by the round
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                FeedServer.send(ex, 200, "application/rss+xml", history);
            });
            feeds.add(feed("/parts-" + f + ".xml", "Parts " + f));
        }
        // 40 articles held at most: the round publishes in parts
        try (IngestService service = new IngestService(kafka.clientConfig(), topics,
                config("g12").withRoundMaxArticles(40), feeds)) {
            IngestReport first = service.runOnce();
            slowFeed.set(3);
            IngestReport second = service.runOnce();

            assertThat(first.feeds()).extracting(FeedReport::feedUrl)
                    .containsExactlyInAnyOrderElementsOf(feeds.stream().map(Feed::getUrl).toList());
            assertThat(first.feeds()).allSatisfy(report -> assertThat(report.newArticles()).as(report.feedUrl())
                    .isEqualTo(30));
            assertThat(second.feeds()).as("the same order, though another feed answered last")
                    .extracting(FeedReport::feedUrl)
                    .containsExactlyElementsOf(first.feeds().stream().map(FeedReport::feedUrl).toList());
            assertThat(second.feeds()).allMatch(FeedReport::ok).extracting(FeedReport::newArticles).containsOnly(0);
        }
        assertThat(published(topics)).hasSize(120).extracting(Article::getId).doesNotHaveDuplicates();
    }

    /** An RSS document of {@code items} hourly items, the newest at {@code newest}. */
    private static byte[] history(String base, Instant newest, int items) {
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
                .append("<title>History</title><link>").append(base).append("</link><description>d</description>");
        for (int i = 0; i < items; i++) {
            doc.append("<item><title>Story ").append(i).append(" of ").append(base).append("</title><link>")
                    .append(base).append("/story/").append(i).append("</link><description>News from Bamako.</description>")
                    .append("<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            newest.minus(Duration.ofHours(i)).atOffset(ZoneOffset.UTC))).append("</pubDate></item>");
        }
        return doc.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyFeedFailingIsVisibleInTheReport() throws Exception {
        Topics topics = freshTopics();
        try (IngestService service = new IngestService(kafka.clientConfig(), topics, config("g3"),
                List.of(feed("/down.xml", "Down"), feed("/missing.xml", "Missing")))) {
            IngestReport report = service.runOnce();
            assertThat(report.allFailed()).isTrue();
            assertThat(report.feeds()).extracting(FeedReport::error).containsExactlyInAnyOrder("HTTP 500", "HTTP 404");
        }
    }

    @Test
    void feedsRegisteredOnTheTopicArePolledAndTombstonesRemoveThem() throws Exception {
        Topics topics = freshTopics();
        try (IngestService service = new IngestService(kafka.clientConfig(), topics, config("g4"), List.of());
             KafkaProducer<String, Feed> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                     topics.feeds().keySerde().serializer(), topics.feeds().valueSerde().serializer())) {
            assertThat(service.runOnce().feeds()).isEmpty();
            Feed added = feed("/en.xml", "Sahel Monitor");
            producer.send(new ProducerRecord<>(topics.feeds().name(), added.getUrl(), added)).get();
            await().atMost(Duration.ofSeconds(20)).until(() -> service.ownedFeeds().contains(added.getUrl()));
            IngestReport report = service.runOnce();
            assertThat(report.feeds()).singleElement().satisfies(r -> assertThat(r.newArticles()).isEqualTo(2));

            producer.send(new ProducerRecord<>(topics.feeds().name(), added.getUrl(), null)).get();
            await().atMost(Duration.ofSeconds(20)).until(() -> service.ownedFeeds().isEmpty());
            assertThat(service.runOnce().feeds()).isEmpty();
        }
    }

    @Test
    void twoInstancesShareTheFeedsWithoutOverlap() throws Exception {
        Topics topics = freshTopics();
        // one feed per partition: however the group splits the partitions, each instance owns feeds (feeds keyed
        // by chance could all land in one instance's half, as the server's port changes the keys)
        int partitions = topics.feeds().spec().partitions();
        java.util.Map<Integer, Feed> byPartition = new java.util.TreeMap<>();
        for (int i = 0; i < SHARD_PATHS && byPartition.size() < partitions; i++) {
            Feed feed = feed("/shard-" + i + ".xml", "Shard " + i);
            byPartition.putIfAbsent(org.apache.kafka.common.utils.Utils.toPositive(
                    org.apache.kafka.common.utils.Utils.murmur2(feed.getUrl().getBytes(StandardCharsets.UTF_8)))
                    % partitions, feed);
        }
        assertThat(byPartition).as("feeds for every partition").hasSize(partitions);
        List<Feed> feeds = List.copyOf(byPartition.values());
        Set<String> all = feeds.stream().map(Feed::getUrl).collect(Collectors.toSet());
        try (IngestService a = new IngestService(kafka.clientConfig(), topics, config("g5"), feeds);
             IngestService b = new IngestService(kafka.clientConfig(), topics, config("g5"), feeds)) {
            a.runOnce();
            b.runOnce();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Set<String> union = new HashSet<>(a.ownedFeeds());
                union.addAll(b.ownedFeeds());
                return union.equals(all) && a.ownedFeeds().size() + b.ownedFeeds().size() == all.size()
                        && !a.ownedFeeds().isEmpty() && !b.ownedFeeds().isEmpty();
            });
            Set<String> ownedByA = a.ownedFeeds();
            Set<String> ownedByB = b.ownedFeeds();
            assertThat(ownedByA).doesNotContainAnyElementsOf(ownedByB);

            // b leaves: its feeds move to a
            b.stop();
            await().atMost(Duration.ofSeconds(60)).until(() -> a.ownedFeeds().equals(all));
        }
        // every shard article published once, whichever instance polled it
        assertThat(published(topics)).extracting(Article::getId).hasSize(2 * feeds.size()).doesNotHaveDuplicates();
    }
}
