package io.mediamonitor.app.dashboard;

import io.mediamonitor.model.AlertAcknowledgement;
import java.util.Map;

/**
 * Who took which alert in hand: at most one acknowledgement per alert id, the latest. Kept on the compacted
 * {@code alerts.acknowledgements} topic ({@link KafkaAlertAcknowledgements}), so every dashboard instance shows the
 * same and a restart forgets nothing.
 */
public interface AlertAcknowledgements {

    /** Every acknowledgement standing now, by alert id. */
    Map<String, AlertAcknowledgement> all();

    /** Acknowledges the alert (again: the latest wins) and returns what was stored. */
    AlertAcknowledgement acknowledge(String alertId, String by, String note);

    /** Withdraws the alert's acknowledgement, if any. */
    void withdraw(String alertId);
}
