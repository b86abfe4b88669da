package io.mediamonitor.app.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Serves files from the classpath: the page from {@code dashboard/} and front-end libraries from
 * WebJars ({@code META-INF/resources/webjars/}), so the dashboard works on machines with no
 * network. Paths with {@code ..} or backslashes are refused.
 */
final class StaticFiles implements HttpHandler {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json; charset=utf-8");

    private final String urlPrefix;
    private final String resourceRoot;
    private final String index;
    private final boolean immutable;

    /**
     * @param urlPrefix    the context path this handler is mounted on, e.g. "/webjars/"
     * @param resourceRoot classpath folder the rest of the path is resolved in
     * @param index        file served for the bare prefix, or null
     * @param immutable    whether files are versioned and may be cached for long (WebJars)
     */
    StaticFiles(String urlPrefix, String resourceRoot, String index, boolean immutable) {
        this.urlPrefix = urlPrefix;
        this.resourceRoot = resourceRoot;
        this.index = index;
        this.immutable = immutable;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            HttpExchanges.text(exchange, 405, "text/plain; charset=utf-8", "method not allowed");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String relative = path.length() > urlPrefix.length() ? path.substring(urlPrefix.length()) : "";
        if (relative.isEmpty() && index != null) {
            relative = index;
        }
        if (relative.isEmpty() || relative.contains("..") || relative.contains("\\") || relative.startsWith("/")) {
            HttpExchanges.text(exchange, 404, "text/plain; charset=utf-8", "not found");
            return;
        }
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(resourceRoot + relative)) {
            if (in == null) {
                HttpExchanges.text(exchange, 404, "text/plain; charset=utf-8", "not found: " + path);
                return;
            }
            byte[] body = in.readAllBytes();
            exchange.getResponseHeaders().set("Cache-Control",
                    immutable ? "public, max-age=31536000, immutable" : "no-cache");
            HttpExchanges.send(exchange, 200, typeOf(relative), body);
        }
    }

    static String typeOf(String name) {
        int dot = name.lastIndexOf('.');
        return TYPES.getOrDefault(dot < 0 ? "" : name.substring(dot + 1), "application/octet-stream");
    }
}
