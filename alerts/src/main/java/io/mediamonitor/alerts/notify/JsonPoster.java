package io.mediamonitor.alerts.notify;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /** How long one post may take: the whole exchange has the timeout. */
    Duration attemptLimit() {
        return timeout;
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
        // the request's timeout bounds the wait for the answer's head only: a receiver that sends its head and
        // then stalls would hold the channel as long as it kept the connection open, so the whole exchange has the
        // timeout too. The head's status decides, whatever becomes of the body after it.
        Excerpt excerpt = new Excerpt();
        CompletableFuture<HttpResponse<String>> answer = client.sendAsync(request.build(), excerpt::after);
        try {
            answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            if (excerpt.head() == null) {
                throw DeliveryException.retryable("POST " + safe(uri) + " gave no answer within " + timeout, e);
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (excerpt.head() == null) {
                throw DeliveryException.retryable("POST " + safe(uri) + " failed: " + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
            }
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw DeliveryException.retryable("POST " + safe(uri) + " interrupted", e);
        }
        HttpResponse.ResponseInfo head = excerpt.head();
        int status = head.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String text = AlertFormatter.clean(excerpt.text());
        String message = "POST " + safe(uri) + " answered HTTP " + status + (text.isEmpty() ? "" : ": " + text);
        if (!retryable(status)) {
            throw DeliveryException.permanent(message);
        }
        throw new DeliveryException(message, true, null,
                retryAfter(head.headers().firstValue("Retry-After").orElse(null)));
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
     * The URL without its user-info, path and query for messages and dead-letter reasons: Slack and many webhook
     * URLs carry their secret in the path, and some in {@code user:password@}.
     */
    static String safe(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + "/…";
    }

    /**
     * An answer's head and the first bytes of its body, for a failure's message: once those are kept, or the body
     * breaks off, the body is done with (the head has said what the receiver did with the alert).
     */
    private static final class Excerpt implements HttpResponse.BodySubscriber<String> {
        private final CompletableFuture<String> body = new CompletableFuture<>();
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream(BODY_EXCERPT);
        private volatile HttpResponse.ResponseInfo head;
        private Flow.Subscription subscription;

        /** The body handler: the head has arrived, this reads the body. */
        Excerpt after(HttpResponse.ResponseInfo head) {
            this.head = head;
            return this;
        }

        /** The answer's head, or null when none arrived. */
        HttpResponse.ResponseInfo head() {
            return head;
        }

        synchronized String text() {
            return kept.toString(StandardCharsets.UTF_8);
        }

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public synchronized void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public synchronized void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int room = Math.min(buffer.remaining(), BODY_EXCERPT - kept.size());
                byte[] bytes = new byte[room];
                buffer.get(bytes);
                kept.write(bytes, 0, room);
            }
            if (kept.size() >= BODY_EXCERPT && !body.isDone()) {
                subscription.cancel();
                body.complete(text());
            }
        }

        @Override
        public void onError(Throwable error) {
            body.complete(text());
        }

        @Override
        public void onComplete() {
            body.complete(text());
        }
    }
}
