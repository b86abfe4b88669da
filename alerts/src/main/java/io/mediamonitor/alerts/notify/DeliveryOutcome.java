package io.mediamonitor.alerts.notify;

/**
 * What became of one alert after all attempts.
 *
 * @param status   delivered, failed for good, or cut short because the channel is stopping
 * @param attempts attempts made
 * @param reason   last failure's message, empty when delivered
 */
public record DeliveryOutcome(Status status, int attempts, String reason) {

    public enum Status {
        DELIVERED,
        /** Every attempt failed, or a failure was permanent: the record goes to the dead-letter topic. */
        FAILED,
        /** The channel is closing: neither delivered nor dead-lettered, so the offset is not committed. */
        STOPPED
    }

    public boolean delivered() {
        return status == Status.DELIVERED;
    }
}
