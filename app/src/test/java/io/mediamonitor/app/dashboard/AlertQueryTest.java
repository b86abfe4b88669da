package io.mediamonitor.app.dashboard;

import static io.mediamonitor.app.dashboard.Fixtures.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediamonitor.model.Alert;
import io.mediamonitor.model.AlertAcknowledgement;
import io.mediamonitor.model.AlertKind;
import io.mediamonitor.model.AlertStatus;
import io.mediamonitor.model.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertQueryTest {

    private static final Instant DAY1 = Instant.parse("2025-03-10T08:00:00Z");
    private static final Instant DAY2 = Instant.parse("2025-03-11T08:00:00Z");
    private static final Instant DAY3 = Instant.parse("2025-03-12T08:00:00Z");

    private final Alert aesOpen = alert("a", 0, "actor:aes", "AES", AlertStatus.OPEN, DAY3, 12, 1.2);
    private final Alert maliResolved = with(alert("m", 3, "country:ML", "Mali", AlertStatus.RESOLVED, DAY2, 9, 3),
            Severity.LOW, AlertKind.SUSTAINED_RISE);
    private final Alert aesOld = with(alert("o", 1, "actor:aes", "AES", AlertStatus.RESOLVED, DAY1, 6, 0.5),
            Severity.MEDIUM, AlertKind.SPIKE);
    private final List<Alert> newestFirst = List.of(aesOpen, maliResolved, aesOld);
    private final Map<String, AlertAcknowledgement> acknowledged = Map.of("m", AlertAcknowledgement.newBuilder()
            .setAlertId("m").setAcknowledgedAt(DAY2).setAcknowledgedBy("Aïcha").build());

    @Test
    void noCriterionKeepsEveryAlertNewestFirst() {
        assertThat(AlertQuery.from(Map.of()).select(newestFirst, acknowledged)).containsExactly(aesOpen, maliResolved,
                aesOld);
    }

    @Test
    void criteriaCombine() {
        assertThat(select(Map.of("term", "actor:aes"))).containsExactly(aesOpen, aesOld);
        assertThat(select(Map.of("severity", "high,medium"))).containsExactly(aesOpen, aesOld);
        assertThat(select(Map.of("status", "resolved", "term", "actor:aes"))).containsExactly(aesOld);
        assertThat(select(Map.of("kind", "sustained_rise"))).containsExactly(maliResolved);
        assertThat(select(Map.of("acknowledged", "true"))).containsExactly(maliResolved);
        assertThat(select(Map.of("acknowledged", "false"))).containsExactly(aesOpen, aesOld);
        assertThat(select(Map.of("limit", "2"))).containsExactly(aesOpen, maliResolved);
    }

    @Test
    void timeIsTheLastUpdateFromInclusiveToExclusive() {
        Instant day2Update = maliResolved.getTriggeredAt();
        assertThat(select(Map.of("from", day2Update.toString()))).containsExactly(aesOpen, maliResolved);
        assertThat(select(Map.of("to", day2Update.toString()))).containsExactly(aesOld);
        assertThat(select(Map.of("from", DAY2.toString(), "to", DAY3.toString()))).containsExactly(maliResolved);
    }

    @Test
    void anUnknownNameIsRefusedWithWhatIsKnown() {
        assertThatThrownBy(() -> AlertQuery.from(Map.of("severity", "urgent")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("severity urgent is unknown; known: [LOW, MEDIUM, HIGH, CRITICAL]");
        assertThatThrownBy(() -> AlertQuery.from(Map.of("acknowledged", "yes")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("true or false");
    }

    private List<Alert> select(Map<String, String> params) {
        return AlertQuery.from(params).select(newestFirst, acknowledged);
    }

    private static Alert with(Alert alert, Severity severity, AlertKind kind) {
        return Alert.newBuilder(alert).setSeverity(severity).setKind(kind).build();
    }
}
