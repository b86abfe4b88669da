package io.mediamonitor.alerts.notify;

import io.mediamonitor.model.Alert;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls a notifier until it succeeds, fails permanently, runs out of attempts or is told to stop. */
public final class RetryingDelivery {

    private static final Logger log = LoggerFactory.getLogger(RetryingDelivery.class);

    /** Waits between attempts; returns false when the wait was cut short because the caller is stopping. */
    @FunctionalInterface
    public interface Pause {
        boolean await(Duration duration);

        /** A plain sleep that an interrupt cuts short. */
        static Pause sleeping() {
            return duration -> {
                try {
                    Thread.sleep(duration.toMillis());
                    return true;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            };
        }
    }

    private final RetryPolicy policy;
    private final Pause pause;

    public RetryingDelivery(RetryPolicy policy, Pause pause) {
        this.policy = policy;
        this.pause = pause;
    }

    public RetryPolicy policy() {
        return policy;
    }

    public DeliveryOutcome deliver(Notifier notifier, Alert alert) {
        String reason = "";
        Duration hint = null;
        for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
            try {
                notifier.deliver(alert);
                if (attempt > 1) {
                    log.info("Alert {}:{} delivered at attempt {}", alert.getId(), alert.getRevision(), attempt);
                }
                return new DeliveryOutcome(DeliveryOutcome.Status.DELIVERED, attempt, "");
            } catch (DeliveryException e) {
                reason = e.getMessage();
                hint = e.retryAfter().orElse(null);
                if (!e.retryable()) {
                    log.warn("Alert {}:{} refused for good at attempt {}: {}", alert.getId(), alert.getRevision(),
                            attempt, reason);
                    return new DeliveryOutcome(DeliveryOutcome.Status.FAILED, attempt, reason);
                }
            } catch (RuntimeException e) {
                // a bug in a notifier must not stop the stream; it is retried and then dead-lettered
                reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                hint = null;
            }
            if (attempt < policy.attempts()) {
                Duration wait = waitAfter(attempt, hint);
                log.warn("Alert {}:{} attempt {}/{} failed ({}), retrying in {} ms", alert.getId(),
                        alert.getRevision(), attempt, policy.attempts(), reason, wait.toMillis());
                if (!pause.await(wait)) {
                    return new DeliveryOutcome(DeliveryOutcome.Status.STOPPED, attempt, reason);
                }
            }
        }
        log.warn("Alert {}:{} failed after {} attempts: {}", alert.getId(), alert.getRevision(), policy.attempts(),
                reason);
        return new DeliveryOutcome(DeliveryOutcome.Status.FAILED, policy.attempts(), reason);
    }

    /** The policy's backoff, lengthened to the receiver's Retry-After hint but never past the policy's max. */
    Duration waitAfter(int failedAttempt, Duration hint) {
        Duration backoff = policy.backoffAfter(failedAttempt);
        if (hint == null || hint.compareTo(backoff) <= 0) {
            return backoff;
        }
        return hint.compareTo(policy.max()) > 0 ? policy.max() : hint;
    }
}
