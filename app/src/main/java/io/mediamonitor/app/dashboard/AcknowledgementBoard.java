package io.mediamonitor.app.dashboard;

import io.mediamonitor.model.AlertAcknowledgement;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The acknowledgements in memory, as the topic's records say them: a record sets an alert's, a tombstone removes
 * it. Acknowledging here only stores ({@link KafkaAlertAcknowledgements} writes to the topic first).
 */
public final class AcknowledgementBoard implements AlertAcknowledgements {

    /** Longest name and note kept: what a person types, not a document. */
    static final int MAX_TEXT = 200;

    private final Map<String, AlertAcknowledgement> byAlert = new ConcurrentHashMap<>();
    private final Clock clock;

    public AcknowledgementBoard(Clock clock) {
        this.clock = clock;
    }

    /** A record of the topic: an acknowledgement, or null when it was withdrawn. */
    public void offer(String alertId, AlertAcknowledgement acknowledgement) {
        if (acknowledgement == null) {
            byAlert.remove(alertId);
        } else {
            byAlert.put(alertId, acknowledgement);
        }
    }

    /** The record acknowledging the alert now, with the name and note trimmed and bounded. */
    AlertAcknowledgement record(String alertId, String by, String note) {
        if (alertId == null || alertId.isBlank()) {
            throw new IllegalArgumentException("an alert id is required");
        }
        return AlertAcknowledgement.newBuilder()
                .setAlertId(alertId)
                .setAcknowledgedAt(clock.instant())
                .setAcknowledgedBy(text(by))
                .setNote(text(note))
                .build();
    }

    private static String text(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() <= MAX_TEXT) {
            return trimmed;
        }
        // not between the two halves of a character outside the BMP (an emoji), which would be stored as '?'
        int end = Character.isHighSurrogate(trimmed.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
        return trimmed.substring(0, end);
    }

    @Override
    public Map<String, AlertAcknowledgement> all() {
        return Map.copyOf(byAlert);
    }

    @Override
    public AlertAcknowledgement acknowledge(String alertId, String by, String note) {
        AlertAcknowledgement acknowledgement = record(alertId, by, note);
        offer(alertId, acknowledgement);
        return acknowledgement;
    }

    @Override
    public void withdraw(String alertId) {
        offer(alertId, null);
    }
}
