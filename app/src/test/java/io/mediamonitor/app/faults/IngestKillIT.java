package io.mediamonitor.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.mediamonitor.schema.TopicProvisioner;
import io.mediamonitor.schema.Topics;
import io.mediamonitor.testing.KafkaTestCluster;
import io.mediamonitor.testing.TopicReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest job as its own process (the packaged jar), polling feeds served on 127.0.0.1, killed with SIGKILL in
 * the middle of its first round of polls and started again: every item of every feed is on the raw topic exactly
 * once under read_committed.
 */
class IngestKillIT {

    private static final String PREFIX = "ingest-kill-it.";
    private static final int FEEDS = 30;
    private static final int ITEMS = 100;

    @TempDir
    Path work;

    @Test
    void aKilledIngesterRestartedPublishesEveryItemOnce() throws Exception {
        Topics topics = new Topics(PREFIX);
        HttpServer feeds = slowFeedServer();
        try (KafkaTestCluster kafka = KafkaTestCluster.singleBroker(); Admin admin = kafka.admin()) {
            new TopicProvisioner(admin, (short) -1).ensure(topics);
            Path config = config(feeds.getAddress().getPort());
            JobProcess first = start(kafka, config, "first");
            try {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                        .until(() -> raw(kafka, topics).size() >= FEEDS * ITEMS / 4);
            } finally {
                first.kill(); // mid-round: most feeds not polled yet, some half published
            }
            int beforeRestart = raw(kafka, topics).size();
            assertThat(beforeRestart).as("killed before the round ended").isLessThan(FEEDS * ITEMS);

            JobProcess second = start(kafka, config, "second");
            try {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> raw(kafka, topics).size() >= FEEDS * ITEMS);
                Thread.sleep(3_000); // a duplicate published late would show now
                List<String> ids = raw(kafka, topics);
                assertThat(ids).hasSize(FEEDS * ITEMS).doesNotHaveDuplicates();
            } finally {
                second.kill();
            }
        } finally {
            feeds.stop(0);
        }
    }

    private JobProcess start(KafkaTestCluster kafka, Path config, String name) throws IOException {
        return JobProcess.start("256m", work.resolve(name + ".log"), "ingest", "--config", config.toString(),
                "--bootstrap-servers", kafka.bootstrapServers(), "--data-dir", work.resolve("data").toString());
    }

    /** The feeds in a config file, as an operator lists them; loopback feeds allowed for the test. */
    private Path config(int port) throws IOException {
        StringBuilder yaml = new StringBuilder("topics:\n  prefix: " + PREFIX + "\ningest:\n"
                + "  allow.private.addresses: true\n  fetch.threads: 4\n  per.host.concurrency: 4\n"
                // the round publishes a feed's items as soon as its poll ends, not all at its end: the kill falls
                // among publications
                + "  round.max.articles: " + ITEMS + "\nfeeds:\n");
        for (int f = 0; f < FEEDS; f++) {
            yaml.append("  - url: http://127.0.0.1:").append(port).append("/feed/").append(f).append('\n')
                    .append("    name: Outlet ").append(f).append('\n')
                    .append("    language: fr\n");
        }
        Path file = work.resolve("media-monitor.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** Each feed answers after 300 ms, so a round of polls takes seconds and the kill falls inside it. */
    private static HttpServer slowFeedServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed/", exchange -> {
            String feed = exchange.getRequestURI().getPath().substring("/feed/".length());
            byte[] body = rss(feed).getBytes(StandardCharsets.UTF_8);
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        return server;
    }

    private static String rss(String feed) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>Outlet " + feed + "</title><link>https://outlet" + feed + ".example/</link>"
                + "<description>test</description>");
        Instant now = Instant.now();
        for (int i = 0; i < ITEMS; i++) {
            String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.minusSeconds(60L * i).atOffset(ZoneOffset.UTC));
            xml.append("<item><title>Dépêche ").append(feed).append('-').append(i).append(" sur le Mali</title>")
                    .append("<link>https://outlet").append(feed).append(".example/articles/").append(i).append("</link>")
                    .append("<description>Le Mali et le Niger, article ").append(i).append(".</description>")
                    .append("<pubDate>").append(date).append("</pubDate></item>");
        }
        return xml.append("</channel></rss>").toString();
    }

    private static List<String> raw(KafkaTestCluster kafka, Topics topics) {
        return TopicReader.readToEnd(kafka.bootstrapServers(), topics.articlesRaw().name(), new StringDeserializer(),
                new ByteArrayDeserializer(), Duration.ofSeconds(30)).stream().map(ConsumerRecord::key).toList();
    }
}
