package io.mediamonitor.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.model.Alert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryingDeliveryTest {

    private final List<Duration> pauses = new ArrayList<>();
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30));
    private final RetryingDelivery delivery = new RetryingDelivery(policy, d -> pauses.add(d));

    @Test
    void retriesWithBackoffUntilTheReceiverTakesIt() {
        AtomicInteger calls = new AtomicInteger();
        DeliveryOutcome outcome = delivery.deliver(alert -> {
            if (calls.incrementAndGet() < 3) {
                throw DeliveryException.retryable("HTTP 503");
            }
        }, TestAlerts.aesSpike());
        assertThat(outcome).isEqualTo(new DeliveryOutcome(DeliveryOutcome.Status.DELIVERED, 3, ""));
        assertThat(pauses).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1_000));
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheLastReason() {
        AtomicInteger calls = new AtomicInteger();
        DeliveryOutcome outcome = delivery.deliver(alert -> {
            throw DeliveryException.retryable("HTTP 500 #" + calls.incrementAndGet());
        }, TestAlerts.aesSpike());
        assertThat(outcome).isEqualTo(new DeliveryOutcome(DeliveryOutcome.Status.FAILED, 5, "HTTP 500 #5"));
        assertThat(pauses).hasSize(4);
    }

    @Test
    void permanentFailuresAreNotRepeated() {
        AtomicInteger calls = new AtomicInteger();
        DeliveryOutcome outcome = delivery.deliver(alert -> {
            calls.incrementAndGet();
            throw DeliveryException.permanent("HTTP 404");
        }, TestAlerts.aesSpike());
        assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
        assertThat(calls).hasValue(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void aBuggyNotifierIsRetriedThenReportedNotPropagated() {
        Notifier buggy = alert -> {
            throw new IllegalStateException("boom");
        };
        DeliveryOutcome outcome = delivery.deliver(buggy, TestAlerts.aesSpike());
        assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
        assertThat(outcome.reason()).isEqualTo("IllegalStateException: boom");
    }

    @Test
    void stoppingDuringAPauseAbandonsTheAlert() {
        List<Alert> seen = new ArrayList<>();
        RetryingDelivery stopping = new RetryingDelivery(policy, d -> false);
        DeliveryOutcome outcome = stopping.deliver(alert -> {
            seen.add(alert);
            throw DeliveryException.retryable("timeout");
        }, TestAlerts.aesSpike());
        assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.STOPPED);
        assertThat(seen).hasSize(1);
    }

    @Test
    void aRetryAfterHintLengthensThePauseUpToThePolicyMax() {
        AtomicInteger calls = new AtomicInteger();
        DeliveryOutcome outcome = delivery.deliver(alert -> {
            int call = calls.incrementAndGet();
            if (call == 1) {
                throw new DeliveryException("HTTP 429", true, null, Duration.ofSeconds(7));
            }
            if (call == 2) {
                throw new DeliveryException("HTTP 429", true, null, Duration.ofMinutes(10));
            }
        }, TestAlerts.aesSpike());
        assertThat(outcome.delivered()).isTrue();
        assertThat(pauses).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(30));
    }
}
