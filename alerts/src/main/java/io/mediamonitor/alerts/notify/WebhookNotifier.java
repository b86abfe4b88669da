package io.mediamonitor.alerts.notify;

import io.mediamonitor.model.Alert;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Generic webhook: POSTs the alert as JSON ({@link AlertJson}) with the header
 * {@code Idempotency-Key: <alert id>:<revision>}, so a receiver can drop the repeats that
 * at-least-once delivery brings after a restart or a retry whose answer was lost.
 */
public final class WebhookNotifier implements Notifier {

    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private final JsonPoster poster;

    /**
     * @param url     receiver
     * @param timeout how long one attempt may take, the whole answer included
     * @param headers extra headers on every request (e.g. {@code Authorization})
     */
    public WebhookNotifier(URI url, Duration timeout, Map<String, String> headers) {
        this.poster = new JsonPoster(url, timeout, headers);
    }

    public WebhookNotifier(URI url) {
        this(url, Duration.ofSeconds(10), Map.of());
    }

    /** {@code <alert id>:<revision>}: one value per record of the alert topic. */
    public static String idempotencyKey(Alert alert) {
        return alert.getId() + ":" + alert.getRevision();
    }

    @Override
    public void deliver(Alert alert) throws DeliveryException {
        poster.post(AlertJson.toJsonString(alert), Map.of(IDEMPOTENCY_HEADER, idempotencyKey(alert)));
    }

    @Override
    public Duration attemptLimit() {
        return poster.attemptLimit();
    }

    @Override
    public String toString() {
        return "webhook " + JsonPoster.safe(poster.uri());
    }
}
