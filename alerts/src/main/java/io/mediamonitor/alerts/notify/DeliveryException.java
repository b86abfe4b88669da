package io.mediamonitor.alerts.notify;

import java.time.Duration;
import java.util.Optional;

/**
 * A receiver did not take an alert. Retryable failures (timeouts, 5xx, 429, a refused connection)
 * are tried again with backoff; permanent ones (a 4xx, a rejected address) go straight to the
 * dead-letter topic, since repeating the same request cannot succeed.
 */
public final class DeliveryException extends Exception {

    private final boolean retryable;
    private final Duration retryAfter;

    public DeliveryException(String message, boolean retryable, Throwable cause) {
        this(message, retryable, cause, null);
    }

    /** @param retryAfter the receiver's own hint (HTTP {@code Retry-After}), or null */
    public DeliveryException(String message, boolean retryable, Throwable cause, Duration retryAfter) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public static DeliveryException retryable(String message) {
        return new DeliveryException(message, true, null);
    }

    public static DeliveryException retryable(String message, Throwable cause) {
        return new DeliveryException(message, true, cause);
    }

    public static DeliveryException permanent(String message) {
        return new DeliveryException(message, false, null);
    }

    public static DeliveryException permanent(String message, Throwable cause) {
        return new DeliveryException(message, false, cause);
    }

    public boolean retryable() {
        return retryable;
    }

    /** How long the receiver asked us to wait before the next attempt, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
