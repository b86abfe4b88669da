package io.mediamonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.ingest.fetch.FeedFetcher;
import io.mediamonitor.model.Article;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FeedPollerTest {

    private static final Instant NOW = Instant.parse("2025-11-03T12:00:00Z");
    private static FeedServer server;
    private static FeedPoller poller;

    @BeforeAll
    static void start() {
        server = new FeedServer()
                .feed("/fr.xml", Fixtures.feed("rss2-sahel-fr.xml"), "application/rss+xml", "\"fr-1\"")
                .feed("/latin1.xml", Fixtures.feed("rss2-latin1.xml"), "text/xml", "\"l-1\"")
                .feed("/atom.xml", Fixtures.feed("atom-sahel-en.xml"), "application/atom+xml", "\"a-1\"")
                .feed("/rdf.xml", Fixtures.feed("rss1-sahel.rdf"), "application/rdf+xml", "\"r-1\"")
                .feed("/malformed.xml", Fixtures.feed("malformed.xml"), "application/xml", "\"m-1\"")
                .route("/xxe.xml", ex -> FeedServer.send(ex, 200, "application/xml", Fixtures.xxe("file:///etc/passwd")))
                .route("/language-dash.xml", ex -> FeedServer.send(ex, 200, "application/rss+xml", ("<rss version=\"2.0\">"
                        + "<channel><title>Sahel</title><link>https://dash.example/</link><language>-</language>"
                        + "<item><title>Bamako : le conseil des ministres</title><link>https://dash.example/a</link>"
                        + "<description>Le gouvernement de transition a adopté le budget.</description></item>"
                        + "</channel></rss>").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .route("/moved.xml", ex -> {
                    ex.getResponseHeaders().set("Location", "/blog/feeds/atom.xml");
                    FeedServer.send(ex, 302, "text/plain", new byte[0]);
                })
                .route("/blog/feeds/atom.xml", ex -> FeedServer.send(ex, 200, "application/atom+xml", ("<feed "
                        + "xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"../posts/\"><title>Blog</title><id>urn:b</id>"
                        + "<updated>2026-04-01T00:00:00Z</updated><entry><title>Gao</title><id>urn:b:1</id>"
                        + "<link href=\"gao.html\"/><updated>2026-04-01T00:00:00Z</updated></entry></feed>")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .route("/gzip.xml", ex -> {
                    ex.getResponseHeaders().set("Content-Encoding", "gzip");
                    FeedServer.send(ex, 200, "application/rss+xml; charset=utf-8",
                            FeedServer.gzip(Fixtures.feed("rss2-sahel-en.xml")));
                });
        poller = new FeedPoller(new FeedFetcher(IngestConfig.defaults().withAllowPrivateAddresses(true).fetchLimits()),
                IngestConfig.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void pollsParsesAndNormalizesThenGets304() throws Exception {
        PollOutcome first = poller.poll(server.url("/fr.xml"), null, "Journal du Sahel", null, null, null, NOW);
        assertThat(first.ok()).isTrue();
        assertThat(first.notModified()).isFalse();
        assertThat(first.itemsSeen()).isEqualTo(3);
        assertThat(first.articles()).extracting(Article::getLanguage).containsOnly("fr");
        assertThat(first.serverHint()).isEqualTo(Duration.ofMinutes(30)); // <ttl>30</ttl>
        assertThat(first.etag()).isEqualTo("\"fr-1\"");

        PollOutcome second = poller.poll(server.url("/fr.xml"), null, null, null, first.etag(), first.lastModified(), NOW);
        assertThat(second.ok()).isTrue();
        assertThat(second.notModified()).isTrue();
        assertThat(second.httpStatus()).isEqualTo(304);
        assertThat(second.articles()).isEmpty();
    }

    @Test
    void readsLatin1AtomRdfAndGzip() throws Exception {
        assertThat(poller.poll(server.url("/latin1.xml"), null, null, null, null, null, NOW).articles().get(0).getTitle())
                .isEqualTo("Kidal : l'armée malienne contrôle la ville, selon l'état-major");
        assertThat(poller.poll(server.url("/atom.xml"), null, null, null, null, null, NOW).articles()).hasSize(2);
        assertThat(poller.poll(server.url("/rdf.xml"), null, null, null, null, null, NOW).articles()).hasSize(2);
        assertThat(poller.poll(server.url("/gzip.xml"), null, null, null, null, null, NOW).articles())
                .extracting(Article::getSource).containsOnly("Sahel Monitor");
    }

    @Test
    void aRelativeXmlBaseIsReadAgainstTheUrlTheFeedWasServedFromAfterRedirects() throws Exception {
        PollOutcome outcome = poller.poll(server.url("/moved.xml"), null, null, null, null, null, NOW);

        assertThat(outcome.ok()).as(outcome.error()).isTrue();
        assertThat(outcome.articles()).extracting(Article::getUrl).containsExactly(server.url("/blog/posts/gao.html"));
    }

    @Test
    void aDeclaredLanguageOfSeparatorsAloneIsNoLanguageAndTheItemsAreRead() throws Exception {
        PollOutcome outcome = poller.poll(server.url("/language-dash.xml"), null, null, null, null, null, NOW);

        assertThat(outcome.ok()).as(outcome.error()).isTrue();
        assertThat(outcome.articles()).extracting(Article::getTitle).containsExactly("Bamako : le conseil des ministres");
    }

    @Test
    void aFailureNoFeedShouldCauseFailsThatFeedNamingTheErrorInsteadOfThrowing() throws Exception {
        FeedPoller failing = new FeedPoller(new FeedFetcher(IngestConfig.defaults().withAllowPrivateAddresses(true)
                .fetchLimits()), IngestConfig.defaults(), (feed, context) -> {
                    throw new IllegalStateException("a bug met by " + context.feedUrl());
                });

        PollOutcome outcome = failing.poll(server.url("/fr.xml"), null, null, null, null, null, NOW);

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.articles()).isEmpty();
        assertThat(outcome.error()).isEqualTo("unexpected error: java.lang.IllegalStateException: a bug met by "
                + server.url("/fr.xml"));
    }

    @Test
    void badDocumentsBecomeErrorsNamingTheCause() throws Exception {
        PollOutcome malformed = poller.poll(server.url("/malformed.xml"), null, null, null, null, null, NOW);
        assertThat(malformed.ok()).isFalse();
        assertThat(malformed.httpStatus()).isEqualTo(200);
        assertThat(malformed.error()).startsWith("XML: ").contains("at line ");
        PollOutcome xxe = poller.poll(server.url("/xxe.xml"), null, null, null, null, null, NOW);
        assertThat(xxe.ok()).isFalse();
        assertThat(xxe.error()).contains("DOCTYPE");
        assertThat(xxe.articles()).isEmpty();
        assertThat(java.util.List.of(malformed.failure(), xxe.failure())).containsOnly(FeedFailure.PARSE);
    }

    @Test
    void fetchErrorsBecomeErrors() throws Exception {
        PollOutcome missing = poller.poll(server.url("/nowhere.xml"), null, null, null, null, null, NOW);
        assertThat(missing.ok()).isFalse();
        assertThat(missing.httpStatus()).isEqualTo(404);
        assertThat(missing.error()).isEqualTo("HTTP 404");
        assertThat(missing.failure()).isEqualTo(FeedFailure.HTTP_4XX);
    }

    @Test
    void aFeedNoServerAnswersForFailsAsANetworkFailureAndAPrivateAddressAsRefused() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        // the kinds the feed-error metric counts: before, both were "other" (read from the error's words)
        PollOutcome refusedConnection = poller.poll("http://127.0.0.1:" + closed + "/rss", null, null, null, null,
                null, NOW);
        assertThat(refusedConnection.failure()).as(refusedConnection.error()).isEqualTo(FeedFailure.NETWORK);
        FeedPoller guarded = new FeedPoller(new FeedFetcher(IngestConfig.defaults().fetchLimits()),
                IngestConfig.defaults());
        PollOutcome privateAddress = guarded.poll(server.url("/fr.xml"), null, null, null, null, null, NOW);
        assertThat(privateAddress.failure()).as(privateAddress.error()).isEqualTo(FeedFailure.REFUSED);
        assertThat(FeedFailure.REFUSED.label()).isEqualTo("refused");
        assertThat(FeedFailure.HTTP_5XX.label()).isEqualTo("http_5xx");
    }
}
