package io.mediamonitor.alerts.notify;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of a channel that POSTs JSON: the webhook (with extra headers such as {@code Authorization}) or Slack
 * (an incoming-webhook URL, no headers).
 *
 * @param url     receiver, http or https
 * @param timeout how long one attempt may take: connecting, and the whole answer, its body included
 * @param headers extra headers on every request
 */
public record HttpChannelSettings(URI url, Duration timeout, Map<String, String> headers) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public HttpChannelSettings {
        String scheme = url == null || url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("a notification URL must be http(s) with a host: " + url);
        }
        if (url.getRawUserInfo() != null) {
            // Java's HTTP client sends no credentials from the URL: every alert would get a 401, and the secret
            // would show wherever the URL is named
            throw new IllegalArgumentException("a notification URL must not carry user:password@ (it would not be "
                    + "sent): " + JsonPoster.safe(url) + "; give the credentials as a header, e.g. "
                    + "notify.webhook.header.Authorization");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a notification timeout must be positive: " + timeout);
        }
        headers = Map.copyOf(headers);
        // restricted or malformed header names (Host, Content-Length...) are refused now, not per alert
        HttpRequest.Builder check = HttpRequest.newBuilder(url);
        headers.forEach(check::header);
    }

    public HttpChannelSettings(URI url) {
        this(url, DEFAULT_TIMEOUT, Map.of());
    }
}
