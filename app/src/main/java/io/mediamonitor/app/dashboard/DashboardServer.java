package io.mediamonitor.app.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mediamonitor.schema.Topic;
import io.mediamonitor.schema.Topics;
import io.micrometer.core.instrument.Gauge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live dashboard on the JDK's HTTP server: the page at {@code /}, its JSON under
 * {@code /api/}, alerts as server-sent events at {@code /api/alerts/stream}, Prometheus metrics at
 * {@code /metrics} and readiness at {@code /health} (200 when every check is up, else 503).
 */
public final class DashboardServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DashboardServer.class);
    /** Enriched articles kept for the searchable list. */
    private static final int RECENT_ARTICLES = 500;

    private final HttpServer server;
    private final ExecutorService executor;
    private final AlertStream stream;
    private final List<AutoCloseable> owned;
    private final URI url;

    private DashboardServer(HttpServer server, ExecutorService executor, AlertStream stream,
                            List<AutoCloseable> owned) {
        this.server = server;
        this.executor = executor;
        this.stream = stream;
        this.owned = owned;
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString();
        this.url = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + address.getPort() + "/");
    }

    /**
     * Starts the dashboard over Kafka: alerts and feed health are read from their topics (read
     * committed, from the beginning), throughput and lag with an Admin client; all three are closed
     * with the server. {@code metrics} and {@code health} stay the caller's.
     *
     * @param kafkaClientConfig bootstrap servers and security settings shared by the app's clients
     * @param mentions          the enrich job's interactive queries, see {@link MentionHistory#of}
     * @param labels            names of the terms, from the built-in dictionary; the operators' entries
     *                          ({@link KafkaDictionaryLabels}) and alerts add theirs
     */
    public static DashboardServer start(DashboardConfig config, Topics topics, Map<String, Object> kafkaClientConfig,
                                        MentionHistory mentions, TermLabels labels, MonitorMetrics metrics,
                                        HealthChecks health) {
        List<AutoCloseable> owned = new ArrayList<>();
        try {
            KafkaAlertFeed alerts = new KafkaAlertFeed(topics, kafkaClientConfig, config.alertCapacity());
            owned.add(alerts);
            KafkaFeedHealth feeds = new KafkaFeedHealth(topics, kafkaClientConfig);
            owned.add(feeds);
            KafkaRecentArticles articles = new KafkaRecentArticles(topics, kafkaClientConfig, RECENT_ARTICLES);
            owned.add(articles);
            KafkaAlertAcknowledgements acknowledgements = new KafkaAlertAcknowledgements(topics, kafkaClientConfig,
                    Clock.systemUTC());
            owned.add(acknowledgements);
            KafkaDictionaryLabels dictionary = new KafkaDictionaryLabels(topics, kafkaClientConfig, labels);
            owned.add(dictionary);
            RecordLag recordLag = new RecordLag(kafkaClientConfig);
            owned.add(recordLag);
            Admin admin = Admin.create(kafkaClientConfig);
            KafkaTopicStats stats = new KafkaTopicStats(admin, true, topics.all().stream().map(Topic::name).toList(),
                    config.topicsRefresh(), Clock.systemUTC(), recordLag);
            owned.add(stats);
            alerts.start();
            feeds.start();
            articles.start();
            dictionary.start();
            acknowledgements.start();
            DashboardSources sources = new DashboardSources(alerts, acknowledgements, feeds, mentions, stats, labels,
                    articles.articles());
            return start(config, sources, metrics, health, Clock.systemUTC(), owned);
        } catch (RuntimeException e) {
            closeAll(owned);
            throw e;
        }
    }

    /** Starts the dashboard over the given sources, which stay the caller's to close. */
    public static DashboardServer start(DashboardConfig config, DashboardSources sources, MonitorMetrics metrics,
                                        HealthChecks health, Clock clock) {
        return start(config, sources, metrics, health, clock, new ArrayList<>());
    }

    private static DashboardServer start(DashboardConfig config, DashboardSources sources, MonitorMetrics metrics,
                                         HealthChecks health, Clock clock, List<AutoCloseable> owned) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 64);
        } catch (IOException e) {
            closeAll(owned);
            throw new UncheckedIOException("cannot listen on " + config.bindAddress() + ":" + config.port(), e);
        }
        AtomicInteger threads = new AtomicInteger();
        // one thread per open event stream, so not the JDK's single-thread default
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "dashboard-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        AlertStream stream = new AlertStream(sources.alerts());
        server.createContext("/", new StaticFiles("/", "dashboard/", "index.html", false));
        server.createContext("/webjars/", new StaticFiles("/webjars/", "META-INF/resources/webjars/", null, true));
        server.createContext("/api/", new DashboardApi(config, sources, clock));
        server.createContext(AlertStream.PATH, stream);
        server.createContext("/metrics", exchange -> metrics(exchange, metrics));
        server.createContext("/health", exchange -> health(exchange, health));
        Gauge.builder("media_monitor.dashboard.streams", stream, AlertStream::clients)
                .description("Browsers following the alert stream").register(metrics.registry());
        server.start();
        DashboardServer dashboard = new DashboardServer(server, executor, stream, owned);
        log.info("Dashboard on {}", dashboard.url());
        return dashboard;
    }

    private static void metrics(HttpExchange exchange, MonitorMetrics metrics) throws IOException {
        HttpExchanges.text(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
    }

    private static void health(HttpExchange exchange, HealthChecks health) throws IOException {
        HealthChecks.Report report = health.check();
        HttpExchanges.json(exchange, report.up() ? 200 : 503, report);
    }

    /** The page's address, e.g. http://127.0.0.1:8080/ (ending with a slash). */
    public URI url() {
        return url;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        stream.close();
        // idle keep-alive connections would hold stop(n) for its whole delay
        server.stop(0);
        executor.shutdownNow();
        closeAll(owned);
    }

    private static void closeAll(List<AutoCloseable> closeables) {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                log.warn("closing {} failed", closeables.get(i), e);
            }
        }
    }
}
