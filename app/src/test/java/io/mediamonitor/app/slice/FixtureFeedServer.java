package io.mediamonitor.app.slice;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.io.UncheckedIOException;

/** A real HTTP server on 127.0.0.1 serving test fixture feeds from the classpath under /feeds/. */
final class FixtureFeedServer implements AutoCloseable {

    private final HttpServer server;

    FixtureFeedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/feeds/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring(1);
            try (InputStream in = FixtureFeedServer.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                    return;
                }
                byte[] body = in.readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    String url(String fixture) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/feeds/" + fixture;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
