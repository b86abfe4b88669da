package io.mediamonitor.ingest.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches feed documents politely and defensively with the JDK HttpClient: conditional GET,
 * gzip/deflate, bounded redirects checked against the {@link AddressGuard}, a connect timeout and
 * a deadline on the whole exchange, a cap on the body both as received and decompressed, a
 * per-host concurrency limit, and Retry-After read on 429 and 503. Thread-safe; one per service.
 */
public final class FeedFetcher implements AutoCloseable {

    /** Error pages are read only this far (their content is never used). */
    private static final long ERROR_BODY_BYTES = 16 * 1024;
    private static final Pattern MAX_AGE = Pattern.compile("max-age\\s*=\\s*\"?(\\d+)");

    private final HttpClient client;
    private final FetchLimits config;
    private final AddressGuard guard;
    private final HostLimiter hosts;

    public FeedFetcher(FetchLimits config) {
        this.config = config;
        this.guard = new AddressGuard(config.allowPrivateAddresses());
        this.hosts = new HostLimiter(config.perHostConcurrency());
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // followed here, so each hop is checked
                .build();
    }

    public FetchResult fetch(FetchRequest request) throws FetchException, InterruptedException {
        long start = System.nanoTime();
        long deadline = 0; // set once the first host permit is held: waiting our turn is not the server's time
        URI uri = parse(request.url());
        boolean allPermanent = true;
        for (int hop = 0; ; hop++) {
            guard.check(uri);
            HttpResponse<byte[]> response;
            try (HostLimiter.Permit ignored = hosts.acquire(uri.getHost())) {
                if (deadline == 0) {
                    deadline = System.nanoTime() + config.requestTimeout().toNanos();
                }
                response = exchange(uri, request, deadline);
            }
            int status = response.statusCode();
            HttpHeaders headers = response.headers();
            if (isRedirect(status)) {
                String location = headers.firstValue("Location").orElse(null);
                if (location == null) {
                    throw new FetchException(FetchException.Kind.HTTP_STATUS, "HTTP " + status + " without Location",
                            status, null, null);
                }
                if (hop >= config.maxRedirects()) {
                    throw new FetchException(FetchException.Kind.TOO_MANY_REDIRECTS,
                            "too many redirects (more than " + config.maxRedirects() + ")", status, null, null);
                }
                allPermanent &= status == 301 || status == 308;
                uri = resolve(uri, location);
                continue;
            }
            String finalUrl = uri.toString();
            String permanentUrl = allPermanent && hop > 0 ? finalUrl : null;
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            String etag = headers.firstValue("ETag").orElse(null);
            String lastModified = headers.firstValue("Last-Modified").orElse(null);
            Duration maxAge = maxAge(headers);
            if (status == 304) {
                return new FetchResult(304, true, new byte[0], null, orElse(etag, request.etag()),
                        orElse(lastModified, request.lastModified()), finalUrl, permanentUrl, maxAge, elapsed);
            }
            if (status != 200) {
                Duration retryAfter = status == 429 || status == 503
                        ? RetryAfter.parse(headers.firstValue("Retry-After").orElse(null), Instant.now()) : null;
                throw new FetchException(FetchException.Kind.HTTP_STATUS, "HTTP " + status, status, retryAfter, null);
            }
            if (etag != null && etag.equals(request.etag())) {
                // servers that ignore If-None-Match but send the same validator: nothing changed
                return new FetchResult(200, true, new byte[0], null, etag, orElse(lastModified, request.lastModified()),
                        finalUrl, permanentUrl, maxAge, elapsed);
            }
            byte[] body = ContentDecoder.decode(response.body(), headers.firstValue("Content-Encoding").orElse(null),
                    config.maxBodyBytes());
            return new FetchResult(200, false, body, headers.firstValue("Content-Type").orElse(null), etag,
                    lastModified, finalUrl, permanentUrl, maxAge, elapsed);
        }
    }

    private HttpResponse<byte[]> exchange(URI uri, FetchRequest request, long deadline)
            throws FetchException, InterruptedException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw timeout();
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(Duration.ofNanos(remaining))
                .header("User-Agent", config.userAgent())
                .header("Accept", "application/rss+xml, application/atom+xml, application/rdf+xml, "
                        + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8")
                .header("Accept-Encoding", "gzip, deflate");
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            // no h2c upgrade dance on clear text: plenty of servers mishandle it
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        if (request.etag() != null) {
            builder.header("If-None-Match", request.etag());
        }
        if (request.lastModified() != null) {
            builder.header("If-Modified-Since", request.lastModified());
        }
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(builder.build(), this::bodyHandler);
        try {
            return future.get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timeout();
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        }
    }

    private HttpResponse.BodySubscriber<byte[]> bodyHandler(HttpResponse.ResponseInfo info) {
        if (info.statusCode() != 200) {
            return new LimitedBodySubscriber(ERROR_BODY_BYTES, true);
        }
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        LimitedBodySubscriber subscriber = new LimitedBodySubscriber(config.maxBodyBytes(), false);
        if (declared > config.maxBodyBytes()) {
            // refuse before downloading anything
            return new LimitedBodySubscriber(0, false);
        }
        return subscriber;
    }

    private FetchException translate(Throwable cause) {
        if (cause instanceof LimitedBodySubscriber.TooLarge || cause instanceof IOException
                && cause.getCause() instanceof LimitedBodySubscriber.TooLarge) {
            return new FetchException(FetchException.Kind.TOO_LARGE, "body exceeds " + config.maxBodyBytes() + " bytes",
                    200, null, cause);
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new FetchException(FetchException.Kind.TIMEOUT,
                    "connect timeout after " + config.connectTimeout().toMillis() + " ms", null, null, cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return timeout();
        }
        if (cause instanceof ConnectException) {
            return new FetchException(FetchException.Kind.NETWORK, "connection refused", null, null, cause);
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new FetchException(FetchException.Kind.NETWORK, "network error: " + message, null, null, cause);
    }

    private FetchException timeout() {
        return new FetchException(FetchException.Kind.TIMEOUT,
                "timeout after " + config.requestTimeout().toMillis() + " ms", null, null, null);
    }

    private static URI parse(String url) throws FetchException {
        try {
            URI uri = new URI(url.strip());
            if (!uri.isAbsolute()) {
                throw new FetchException(FetchException.Kind.REFUSED, "not an absolute URL: " + url);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new FetchException(FetchException.Kind.REFUSED, "invalid URL: " + e.getMessage(), null, null, e);
        }
    }

    private static URI resolve(URI base, String location) throws FetchException {
        try {
            return base.resolve(new URI(location.strip().replace(" ", "%20")));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.HTTP_STATUS, "invalid redirect Location: " + location,
                    null, null, e);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static Duration maxAge(HttpHeaders headers) {
        String cacheControl = headers.firstValue("Cache-Control").orElse(null);
        if (cacheControl == null) {
            return null;
        }
        String lower = cacheControl.toLowerCase(Locale.ROOT);
        if (lower.contains("no-cache") || lower.contains("no-store")) {
            return null;
        }
        Matcher m = MAX_AGE.matcher(lower);
        if (m.find()) {
            try {
                return Duration.ofSeconds(Long.parseLong(m.group(1)));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }

    @Override
    public void close() {
        // HttpClient gains close() only in Java 21; its threads are daemons and end with it
    }
}
