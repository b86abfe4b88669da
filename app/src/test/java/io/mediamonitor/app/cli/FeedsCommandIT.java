package io.mediamonitor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.mediamonitor.app.MediaMonitor;
import io.mediamonitor.app.config.MonitorConfig;
import io.mediamonitor.app.jobs.FeedRegistry;
import io.mediamonitor.app.jobs.KafkaEnvironment;
import io.mediamonitor.app.jobs.TopicWriter;
import io.mediamonitor.ingest.FeedReport;
import io.mediamonitor.ingest.IngestConfig;
import io.mediamonitor.ingest.IngestService;
import io.mediamonitor.model.Feed;
import io.mediamonitor.schema.TopicProvisioner;
import io.mediamonitor.schema.Topics;
import io.mediamonitor.testing.KafkaTestCluster;
import io.mediamonitor.testing.TopicReader;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A feed taken out of the configuration stays registered until an operator withdraws it with 'feeds remove'. */
class FeedsCommandIT {

    private static final String PREFIX = "feeds-it.";

    @TempDir
    Path dataDir;

    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    @Test
    void aWithdrawnFeedIsNoLongerPolledAndLeavesTheFeedHealth() throws Exception {
        Topics topics = new Topics(PREFIX);
        HttpServer server = feedServer();
        try (KafkaTestCluster kafka = KafkaTestCluster.singleBroker(); Admin admin = kafka.admin()) {
            new TopicProvisioner(admin, (short) -1)
                    .ensure(List.of(topics.articlesRaw(), topics.feeds(), topics.feedsStatus()));
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Feed fr = Feed.newBuilder().setUrl(base + "/fr.xml").setName("Journal du Sahel").build();
            Feed en = Feed.newBuilder().setUrl(base + "/en.xml").setName("Sahel Monitor").build();
            try (IngestService ingest = new IngestService(kafka.clientConfig(), topics, config(), List.of(fr, en))) {
                assertThat(ingest.runOnce().feeds()).hasSize(2);
            }

            String listed = run(kafka, "feeds");
            assertThat(listed).contains("2 feed(s) registered on feeds-it.feeds")
                    .contains(en.getUrl() + "  Sahel Monitor  (not configured)");
            assertThat(MediaMonitor.commandLine().execute(args(kafka, "feeds", "remove", base + "/nowhere.xml")))
                    .as("an unknown URL withdraws nothing").isEqualTo(2);
            assertThat(run(kafka, "feeds", "remove", en.getUrl())).contains("Withdrew " + en.getUrl());

            int enHits = hits.get("/en.xml").get();
            List<FeedReport> polled;
            try (IngestService ingest = new IngestService(kafka.clientConfig(), topics, config(), List.of(fr))) {
                polled = ingest.runOnce().feeds();
            }
            assertThat(polled).extracting(FeedReport::feedUrl).containsExactly(fr.getUrl());
            assertThat(hits.get("/en.xml").get()).isEqualTo(enHits);
            assertThat(TopicReader.latest(kafka.bootstrapServers(), topics.feedsStatus(), Duration.ofSeconds(30)))
                    .containsOnlyKeys(fr.getUrl());
            assertThat(run(kafka, "feeds")).contains("1 feed(s) registered").doesNotContain(en.getUrl());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRunWithFeedsOfItsOwnWithdrawsTheDemoFeedsAnEarlierRunRegistered() throws Exception {
        Topics topics = new Topics(PREFIX);
        try (KafkaTestCluster kafka = KafkaTestCluster.singleBroker(); Admin admin = kafka.admin()) {
            new TopicProvisioner(admin, (short) -1).ensure(List.of(topics.feeds(), topics.feedsStatus()));
            Feed demo = Feed.newBuilder().setUrl("http://127.0.0.1:8079/feeds/journal-du-sahel.xml")
                    .setName("Journal du Sahel").setTags(List.of(FeedRegistry.DEMO_TAG)).build();
            Feed rfi = Feed.newBuilder().setUrl("https://www.rfi.fr/fr/afrique/rss").setName("RFI Afrique").build();
            Feed kept = Feed.newBuilder().setUrl("https://other.example/rss").setName("Another instance's").build();
            Map<String, Feed> earlier = new java.util.LinkedHashMap<>();
            earlier.put(demo.getUrl(), demo);
            earlier.put(kept.getUrl(), kept);
            TopicWriter.write(kafka.clientConfig(), topics.feeds(), earlier);
            MonitorConfig config = MonitorConfig.load(null, Map.of(), Map.of("bootstrap.servers",
                    kafka.bootstrapServers(), "topics.prefix", PREFIX, "data.dir", dataDir.toString()));

            try (KafkaEnvironment environment = KafkaEnvironment.openForReading(config)) {
                assertThat(FeedRegistry.reconcile(environment, List.of(rfi), true)).containsExactly(demo.getUrl());
                assertThat(FeedRegistry.read(environment)).containsOnlyKeys(kept.getUrl());
            }
        }
    }

    private String run(KafkaTestCluster kafka, String... command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(MediaMonitor.commandLine().execute(args(kafka, command))).as(String.join(" ", command)).isZero();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private String[] args(KafkaTestCluster kafka, String... command) {
        List<String> all = new java.util.ArrayList<>(List.of(command));
        all.addAll(List.of("--bootstrap-servers", kafka.bootstrapServers(), "--data-dir", dataDir.toString(),
                "-D", "topics.prefix=" + PREFIX));
        return all.toArray(String[]::new);
    }

    private static IngestConfig config() {
        return IngestConfig.defaults().withAllowPrivateAddresses(true).withGroupId("feeds-it")
                .withConnectTimeout(Duration.ofSeconds(2)).withRequestTimeout(Duration.ofSeconds(5));
    }

    private HttpServer feedServer() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        for (String path : List.of("/fr.xml", "/en.xml")) {
            hits.put(path, new AtomicInteger());
            byte[] body = ("<rss version=\"2.0\"><channel><title>" + path + "</title><link>https://ex.example/</link>"
                    + "<description>d</description><item><title>Niamey " + path + "</title>"
                    + "<link>https://ex.example" + path.replace(".xml", "/1") + "</link>"
                    + "<pubDate>Mon, 06 Apr 2026 09:15:00 +0000</pubDate></item></channel></rss>")
                    .getBytes(StandardCharsets.UTF_8);
            server.createContext(path, exchange -> {
                hits.get(path).incrementAndGet();
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
        }
        server.start();
        return server;
    }
}
