package io.mediamonitor.tools.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Local HTTP servers answering generated RSS feeds for the benchmark: {@code /feed/N.xml} is an
 * RSS 2.0 document of {@code items} entries about the Sahel with ETag {@code "N"}, answered 304
 * when the request carries that ETag. Spread over several loopback addresses (127.0.0.1,
 * 127.0.0.2, ...) so the per-host limit applies as it would across many sites.
 */
final class SyntheticFeedServer implements AutoCloseable {

    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService executor;
    private final int items;

    SyntheticFeedServer(int hosts, int items, int threads) {
        this.items = items;
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-http");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int h = 1; h <= hosts; h++) {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0." + h), 0), 1024);
                server.createContext("/feed/", this::handle);
                server.setExecutor(executor);
                server.start();
                servers.add(server);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot start the benchmark's feed servers", e);
        }
    }

    /** URL of feed {@code n}, on host {@code n % hosts}. */
    String url(int n) {
        InetSocketAddress address = servers.get(n % servers.size()).getAddress();
        return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/feed/" + n + ".xml";
    }

    static String etag(int n) {
        return "\"" + n + "\"";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            int n = Integer.parseInt(path.substring("/feed/".length(), path.length() - ".xml".length()));
            exchange.getResponseHeaders().set("ETag", etag(n));
            if (etag(n).equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body = document(n);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (NumberFormatException e) {
            exchange.sendResponseHeaders(404, -1);
        }
    }

    private byte[] document(int n) {
        StringBuilder doc = new StringBuilder(600 * items + 400);
        doc.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Sahel Wire ").append(n)
                .append("</title><link>https://wire").append(n).append(".example/</link>"
                        + "<description>Dépêches sur le Sahel</description><language>fr</language>");
        for (int i = 0; i < items; i++) {
            doc.append("<item><title>Mali : l'armée annonce une opération près de Gao (").append(n).append('-').append(i)
                    .append(")</title><link>https://wire").append(n).append(".example/depeche/").append(i)
                    .append("?utm_source=rss</link><guid>wire-").append(n).append('-').append(i).append("</guid>")
                    .append("<description><![CDATA[<p>Les forces armées du <b>Mali</b> et leurs partenaires de "
                            + "l'Alliance des États du Sahel ont mené une opération dans la région de Gao, selon "
                            + "un communiqué publié à Bamako.</p>]]></description>")
                    .append("<dc:creator>Rédaction</dc:creator><category>Sécurité</category>")
                    .append("<pubDate>Mon, 03 Nov 2025 ").append(String.format("%02d:%02d", i % 24, n % 60))
                    .append(":00 GMT</pubDate></item>");
        }
        doc.append("</channel></rss>");
        return doc.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        executor.shutdownNow();
    }
}
