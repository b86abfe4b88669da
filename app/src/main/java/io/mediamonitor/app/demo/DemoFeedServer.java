package io.mediamonitor.app.demo;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the demo outlets as RSS 2.0 on 127.0.0.1 from inside the app, releasing each article at
 * its time so a run sees news arrive. Answers conditional GETs (ETag) like a real server.
 */
public final class DemoFeedServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoFeedServer.class);

    private final DemoCatalogue catalogue;
    private final Clock clock;
    private final Instant start;
    private final HttpServer server;

    private DemoFeedServer(DemoCatalogue catalogue, Clock clock, int port) throws IOException {
        this.catalogue = catalogue;
        this.clock = clock;
        this.start = clock.instant();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/feeds/", this::serveFeed);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "demo-feeds");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public static DemoFeedServer start(DemoCatalogue catalogue, Clock clock, int port) {
        try {
            DemoFeedServer server = new DemoFeedServer(catalogue, clock, port);
            log.info("Demo feeds served on {}", server.baseUrl());
            return server;
        } catch (IOException e) {
            throw new io.mediamonitor.app.config.ConfigException("cannot serve the demo feeds on port " + port + " ("
                    + e.getMessage() + "); pick another with -D demo.port=PORT");
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String feedUrl(String feedId) {
        return baseUrl() + "/feeds/" + feedId + ".xml";
    }

    public Instant startedAt() {
        return start;
    }

    /** Articles whose time has come, newest first, as a feed would list them. */
    List<DemoCatalogue.DemoArticle> released(String feedId) {
        Duration elapsed = Duration.between(start, clock.instant());
        List<DemoCatalogue.DemoArticle> visible = new ArrayList<>();
        for (DemoCatalogue.DemoArticle article : catalogue.articles()) {
            if (article.feed().equals(feedId) && article.at().compareTo(elapsed) <= 0) {
                visible.add(0, article);
            }
        }
        return visible;
    }

    private void serveFeed(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/feeds/".length()).replace(".xml", "");
        DemoCatalogue.DemoFeed feed = catalogue.feeds().stream().filter(f -> f.id().equals(name)).findFirst().orElse(null);
        if (feed == null) {
            respond(exchange, 404, "text/plain", "no such demo feed: " + name);
            return;
        }
        List<DemoCatalogue.DemoArticle> articles = released(feed.id());
        String etag = "\"" + feed.id() + "-" + articles.size() + "\"";
        exchange.getResponseHeaders().set("ETag", etag);
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        respond(exchange, 200, "application/rss+xml; charset=utf-8", rss(feed, articles));
    }

    private String rss(DemoCatalogue.DemoFeed feed, List<DemoCatalogue.DemoArticle> articles) {
        SyndFeed syndFeed = new SyndFeedImpl();
        syndFeed.setFeedType("rss_2.0");
        syndFeed.setTitle(feed.title());
        syndFeed.setLink(siteOf(feed));
        syndFeed.setDescription(feed.title() + " (invented outlet of the media-monitor demo)");
        syndFeed.setLanguage(feed.language());
        List<SyndEntry> entries = new ArrayList<>();
        for (DemoCatalogue.DemoArticle article : articles) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setTitle(article.title());
            entry.setLink(siteOf(feed) + "/articles/" + article.index());
            entry.setUri(entry.getLink());
            entry.setPublishedDate(Date.from(start.plus(article.at())));
            SyndContentImpl description = new SyndContentImpl();
            description.setType("text/plain");
            description.setValue(article.summary());
            entry.setDescription(description);
            entries.add(entry);
        }
        syndFeed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(syndFeed);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write demo feed " + feed.id(), e);
        }
    }

    /**
     * Article links are stable (not the server's port) so that a second run recognizes the same
     * articles; .example is reserved for examples and never resolves.
     */
    private static String siteOf(DemoCatalogue.DemoFeed feed) {
        return "https://" + feed.id() + ".example";
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
