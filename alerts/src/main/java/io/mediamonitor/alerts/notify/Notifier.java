package io.mediamonitor.alerts.notify;

import io.mediamonitor.model.Alert;
import java.time.Duration;

/**
 * One way of telling people about an alert (console, webhook, Slack, e-mail). A notifier delivers
 * one alert per call and throws when the receiver did not take it; retries, dead-lettering and
 * offset commits are the {@link NotificationChannel}'s job, so implementations stay simple.
 */
@FunctionalInterface
public interface Notifier {

    /**
     * Delivers one alert; returns only once the receiver accepted it.
     *
     * @throws DeliveryException when it did not; {@link DeliveryException#retryable()} says whether
     *                           trying again later may help
     */
    void deliver(Alert alert) throws DeliveryException;

    /** How long one {@link #deliver} may take at most, as far as its timeouts bound it; zero for an instant one. */
    default Duration attemptLimit() {
        return Duration.ZERO;
    }
}
