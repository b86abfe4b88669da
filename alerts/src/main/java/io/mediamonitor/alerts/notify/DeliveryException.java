package io.mediamonitor.alerts.notify;

/**
 * A receiver did not take an alert. Retryable failures (timeouts, 5xx, 429, a refused connection)
 * are tried again with backoff; permanent ones (a 4xx, a rejected address) go straight to the
 * dead-letter topic, since repeating the same request cannot succeed.
 */
public final class DeliveryException extends Exception {

    private final boolean retryable;

    public DeliveryException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
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
}
