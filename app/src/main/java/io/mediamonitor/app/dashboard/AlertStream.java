package io.mediamonitor.app.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.mediamonitor.model.Alert;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server-sent events of alerts: first every alert known (oldest first), then each new revision as
 * the feed receives it. The client keeps the highest revision per id, so the overlap between the
 * snapshot and the live events is harmless. A comment line every 15 s keeps proxies from closing
 * an idle stream; a browser that reads too slowly is disconnected (its EventSource reconnects and
 * gets a fresh snapshot).
 */
final class AlertStream implements HttpHandler {

    /** Where the dashboard serves it. */
    static final String PATH = "/api/alerts/stream";

    private static final long KEEPALIVE_MS = 15_000;
    private static final int QUEUE = 1_000;
    private static final Alert OVERFLOW = new Alert();

    private final AlertFeed feed;
    private final AtomicInteger clients = new AtomicInteger();
    private volatile boolean closed;

    AlertStream(AlertFeed feed) {
        this.feed = feed;
    }

    int clients() {
        return clients.get();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.equals(PATH) && !path.equals(PATH + "/")) {
            // the JDK server's contexts match by prefix: /api/alerts/streamXYZ is no stream
            HttpExchanges.json(exchange, 404, java.util.Map.of("error", "no such endpoint: " + path));
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
        exchange.sendResponseHeaders(200, 0);
        BlockingQueue<Alert> queue = new LinkedBlockingQueue<>(QUEUE);
        clients.incrementAndGet();
        try (OutputStream out = exchange.getResponseBody();
             AutoCloseable subscription = feed.subscribe(alert -> {
                 if (!queue.offer(alert)) {
                     queue.clear();
                     queue.offer(OVERFLOW);
                 }
             })) {
            write(out, "retry: 3000\n\n");
            List<Alert> snapshot = feed.latest();
            for (int i = snapshot.size() - 1; i >= 0; i--) {
                write(out, event(snapshot.get(i)));
            }
            out.flush();
            long lastWrite = System.currentTimeMillis();
            while (!closed) {
                Alert alert = queue.poll(1, TimeUnit.SECONDS);
                if (alert == OVERFLOW) {
                    break;
                }
                if (alert != null) {
                    write(out, event(alert));
                } else if (System.currentTimeMillis() - lastWrite < KEEPALIVE_MS) {
                    continue;
                } else {
                    write(out, ": keepalive\n\n");
                }
                out.flush();
                lastWrite = System.currentTimeMillis();
            }
        } catch (IOException e) {
            // the browser went away: nothing to do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IOException(e);
        } finally {
            clients.decrementAndGet();
            exchange.close();
        }
    }

    static String event(Alert alert) throws IOException {
        return "event: alert\nid: " + alert.getId() + "/" + alert.getRevision() + "\ndata: "
                + HttpExchanges.JSON.writeValueAsString(AlertView.of(alert)) + "\n\n";
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Ends every open stream within a second. */
    void close() {
        closed = true;
    }
}
