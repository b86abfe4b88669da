package io.mediamonitor.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediamonitor.ingest.FeedServer;
import io.mediamonitor.ingest.Fixtures;
import io.mediamonitor.ingest.IngestConfig;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FeedFetcherTest {

    private static final byte[] FEED = Fixtures.feed("rss2-sahel-fr.xml");
    private static FeedServer server;
    private static final IngestConfig CONFIG = IngestConfig.defaults()
            .withAllowPrivateAddresses(true)
            .withConnectTimeout(Duration.ofSeconds(5))
            .withRequestTimeout(Duration.ofSeconds(15))
            .withParseTimeout(Duration.ofSeconds(5))
            .withMaxBodyBytes(64 * 1024);
    private static final FeedFetcher fetcher = new FeedFetcher(CONFIG.fetchLimits());

    @BeforeAll
    static void start() {
        server = new FeedServer()
                .feed("/fr.xml", FEED, "application/rss+xml; charset=UTF-8", "\"v1\"")
                .route("/gzip.xml", ex -> {
                    ex.getResponseHeaders().set("Content-Encoding", "gzip");
                    FeedServer.send(ex, 200, "application/rss+xml", FeedServer.gzip(FEED));
                })
                .route("/deflate.xml", ex -> {
                    ex.getResponseHeaders().set("Content-Encoding", "deflate");
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(6, true))) {
                        d.write(FEED); // raw deflate, as some servers send it
                    }
                    FeedServer.send(ex, 200, "application/rss+xml", out.toByteArray());
                })
                .route("/bomb.xml", ex -> {
                    ex.getResponseHeaders().set("Content-Encoding", "gzip");
                    FeedServer.send(ex, 200, "application/rss+xml", gzipBomb(50 * 1024 * 1024));
                })
                .route("/busy", ex -> {
                    ex.getResponseHeaders().set("Retry-After", "120");
                    FeedServer.send(ex, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
                })
                .route("/maintenance", ex -> {
                    ex.getResponseHeaders().set("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME
                            .format(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1)));
                    FeedServer.send(ex, 503, "text/plain", new byte[0]);
                })
                .route("/broken", ex -> FeedServer.send(ex, 500, "text/html", "<h1>oops</h1>".getBytes(StandardCharsets.UTF_8)))
                .route("/slow-headers", ex -> sleep(3_000))
                .route("/slow-body", ex -> {
                    ex.sendResponseHeaders(200, 0);
                    OutputStream out = ex.getResponseBody();
                    for (int i = 0; i < 30; i++) {
                        out.write("<rss>".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        sleep(100);
                    }
                })
                .route("/big-declared", ex -> FeedServer.send(ex, 200, "application/xml", new byte[200 * 1024]))
                .route("/big-streamed", ex -> {
                    ex.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse early
                    try (OutputStream out = ex.getResponseBody()) {
                        byte[] chunk = new byte[8192];
                        for (int i = 0; i < 1_000; i++) {
                            out.write(chunk);
                        }
                    }
                })
                .route("/moved", ex -> redirect(ex, 301, "/fr.xml"))
                .route("/moved-twice", ex -> redirect(ex, 308, "/moved"))
                .route("/temporary", ex -> redirect(ex, 302, "/moved"))
                .route("/loop", ex -> redirect(ex, 302, "/loop"))
                ;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void conditionalGetTurnsIntoNotModified() throws Exception {
        FetchResult first = fetcher.fetch(FetchRequest.unconditional(server.url("/fr.xml")));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.notModified()).isFalse();
        assertThat(first.body()).isEqualTo(FEED);
        assertThat(first.etag()).isEqualTo("\"v1\"");
        assertThat(first.lastModified()).isEqualTo("Mon, 03 Nov 2025 10:00:00 GMT");

        FetchResult second = fetcher.fetch(new FetchRequest(server.url("/fr.xml"), first.etag(), first.lastModified()));
        assertThat(second.status()).isEqualTo(304);
        assertThat(second.notModified()).isTrue();
        assertThat(second.body()).isEmpty();
        assertThat(second.etag()).isEqualTo("\"v1\"");

        FeedServer.Seen conditional = server.requests().stream().filter(r -> "\"v1\"".equals(r.ifNoneMatch()))
                .findFirst().orElseThrow();
        assertThat(conditional.ifModifiedSince()).isEqualTo("Mon, 03 Nov 2025 10:00:00 GMT");
        assertThat(conditional.userAgent()).isEqualTo("media-monitor/0.1 (+https://github.com/media-monitor/media-monitor)");
        assertThat(conditional.acceptEncoding()).contains("gzip").contains("deflate");
    }

    @Test
    void decodesGzipAndRawDeflate() throws Exception {
        assertThat(fetcher.fetch(FetchRequest.unconditional(server.url("/gzip.xml"))).body()).isEqualTo(FEED);
        assertThat(fetcher.fetch(FetchRequest.unconditional(server.url("/deflate.xml"))).body()).isEqualTo(FEED);
    }

    @Test
    void aGzipBombStopsAtTheDecompressedCap() {
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.unconditional(server.url("/bomb.xml"))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_LARGE))
                .hasMessageContaining("decompressed body exceeds 65536 bytes");
    }

    @Test
    void honoursRetryAfterInSecondsAndAsADate() {
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.unconditional(server.url("/busy"))))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(429);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
                    assertThat(e.getMessage()).isEqualTo("HTTP 429");
                });
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.unconditional(server.url("/maintenance"))))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.retryAfter()).isBetween(Duration.ofMinutes(58), Duration.ofMinutes(61));
                });
    }

    @Test
    void serverErrorIsReportedWithItsStatus() {
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.unconditional(server.url("/broken"))))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(500);
                    assertThat(e.retryAfter()).isNull();
                    assertThat(e.kind()).isEqualTo(FetchException.Kind.HTTP_STATUS);
                })
                .hasMessage("HTTP 500");
    }

    @Test
    void deadlineCoversSlowHeadersAndSlowBodies() {
        // only this test is impatient: a loaded CI machine must not fail ordinary fetches
        FeedFetcher impatient = new FeedFetcher(CONFIG.withConnectTimeout(Duration.ofSeconds(2))
                .withRequestTimeout(Duration.ofMillis(700)).fetchLimits());
        assertThatThrownBy(() -> impatient.fetch(FetchRequest.unconditional(server.url("/slow-headers"))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TIMEOUT))
                .hasMessageContaining("timeout after 700 ms");
        assertThatThrownBy(() -> impatient.fetch(FetchRequest.unconditional(server.url("/slow-body"))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TIMEOUT));
    }

    @Test
    void oversizedBodiesAreRefusedWhetherDeclaredOrStreamed() {
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.unconditional(server.url("/big-declared"))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_LARGE))
                .hasMessageContaining("body exceeds 65536 bytes");
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.unconditional(server.url("/big-streamed"))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_LARGE));
    }

    @Test
    void permanentRedirectsReportTheNewUrlTemporaryOnesDoNot() throws Exception {
        FetchResult moved = fetcher.fetch(FetchRequest.unconditional(server.url("/moved-twice")));
        assertThat(moved.body()).isEqualTo(FEED);
        assertThat(moved.permanentUrl()).isEqualTo(server.url("/fr.xml"));
        FetchResult temporary = fetcher.fetch(FetchRequest.unconditional(server.url("/temporary")));
        assertThat(temporary.finalUrl()).isEqualTo(server.url("/fr.xml"));
        assertThat(temporary.permanentUrl()).isNull();
    }

    @Test
    void redirectLoopsAreBounded() {
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.unconditional(server.url("/loop"))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_MANY_REDIRECTS));
    }

    @Test
    void privateAddressesAndOtherSchemesAreRefusedByDefault() {
        FeedFetcher strict = new FeedFetcher(IngestConfig.defaults().fetchLimits());
        int before = server.hits("/fr.xml");
        assertThatThrownBy(() -> strict.fetch(FetchRequest.unconditional(server.url("/fr.xml"))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.REFUSED))
                .hasMessageContaining("127.0.0.1").hasMessageContaining("private or loopback");
        assertThat(server.hits("/fr.xml")).isEqualTo(before);
        assertThatThrownBy(() -> strict.fetch(FetchRequest.unconditional("file:///etc/passwd")))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.REFUSED));
        assertThatThrownBy(() -> strict.fetch(FetchRequest.unconditional("http://10.1.2.3/feed")))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.REFUSED));
    }

    @Test
    void connectionRefusedIsANetworkError() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.unconditional("http://127.0.0.1:" + port + "/x")))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.NETWORK));
    }

    @Test
    void perHostConcurrencyIsCapped() throws Exception {
        FeedFetcher onePerHost = new FeedFetcher(CONFIG.withPerHostConcurrency(1).withFetchThreads(4).fetchLimits());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (FeedServer server = new FeedServer()) {
            server.route("/slow-ok", ex -> {
                sleep(150);
                FeedServer.send(ex, 200, "application/xml", FEED);
            });
            List<Future<FetchResult>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> onePerHost.fetch(FetchRequest.unconditional(server.url("/slow-ok")))));
            }
            for (Future<FetchResult> r : results) {
                assertThat(r.get().status()).isEqualTo(200);
            }
            assertThat(server.hits("/slow-ok")).isEqualTo(4);
            assertThat(server.maxInFlight()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange ex, int status, String to) throws java.io.IOException {
        ex.getResponseHeaders().set("Location", to);
        ex.sendResponseHeaders(status, -1);
    }

    private static byte[] gzipBomb(int zeros) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < zeros / block.length; i++) {
                gz.write(block);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
