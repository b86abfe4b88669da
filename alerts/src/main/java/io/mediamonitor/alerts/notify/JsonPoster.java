package io.mediamonitor.alerts.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POSTs a JSON body and turns the answer into success or a {@link DeliveryException}: 2xx is
 * success; 408, 425, 429 and 5xx, timeouts and connection failures are worth retrying; any other
 * status (a bad URL, a refused token, a malformed payload) is permanent. Redirects are not
 * followed, since a POST silently turned into a GET would lose the alert.
 */
final class JsonPoster {

    private static final int BODY_EXCERPT = 300;

    private final URI uri;
    private final Duration timeout;
    private final Map<String, String> headers;
    private final HttpClient client;

    JsonPoster(URI uri, Duration timeout, Map<String, String> headers) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("notification URL must be http or https: " + uri);
        }
        this.uri = uri;
        this.timeout = timeout;
        this.headers = Map.copyOf(headers);
        // refuse restricted or malformed header names (Host, Content-Length...) now, not per alert
        HttpRequest.Builder check = HttpRequest.newBuilder(uri);
        this.headers.forEach(check::header);
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                // no h2c upgrade dance on plain http: some receivers mishandle it on a POST
                .version(scheme.equals("http") ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    URI uri() {
        return uri;
    }

    void post(String json, Map<String, String> extraHeaders) throws DeliveryException {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(extraHeaders);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "media-monitor-notify")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        all.forEach(request::header);
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw DeliveryException.retryable("POST " + safe(uri) + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.retryable("POST " + safe(uri) + " interrupted", e);
        }
        int status = response.statusCode();
        String excerpt = excerpt(response.body());
        if (status >= 200 && status < 300) {
            return;
        }
        String message = "POST " + safe(uri) + " answered HTTP " + status + (excerpt.isEmpty() ? "" : ": " + excerpt);
        if (!retryable(status)) {
            throw DeliveryException.permanent(message);
        }
        throw new DeliveryException(message, true, null,
                retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
    }

    static boolean retryable(int status) {
        return status == 408 || status == 425 || status == 429 || status >= 500;
    }

    /** {@code Retry-After} in seconds (the form Slack and most webhooks use); null for absent or a date. */
    static Duration retryAfter(String header) {
        if (header == null || !header.strip().matches("\\d{1,6}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(header.strip()));
    }

    /**
     * The URL without its path and query for messages and dead-letter reasons: Slack and many
     * webhook URLs carry their secret in the path.
     */
    static String safe(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority() + "/…";
    }

    private static String excerpt(InputStream body) {
        try (body) {
            String text = new String(body.readNBytes(BODY_EXCERPT), StandardCharsets.UTF_8);
            return AlertFormatter.clean(text);
        } catch (IOException e) {
            return "";
        }
    }
}
