package io.mediamonitor.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.app.dashboard.HealthChecks.Status;
import org.junit.jupiter.api.Test;

class HealthChecksTest {

    @Test
    void upOnlyWhenEveryCheckIsUp() {
        HealthChecks checks = new HealthChecks()
                .register("kafka", () -> Status.up("1 broker(s)"))
                .register("enrich", () -> Status.up("RUNNING"));
        assertThat(checks.check().up()).isTrue();

        checks.register("alerts", () -> Status.down("PENDING_ERROR"));
        HealthChecks.Report report = checks.check();
        assertThat(report.up()).isFalse();
        assertThat(report.checks()).containsOnlyKeys("alerts", "enrich", "kafka");
        assertThat(report.checks().get("alerts")).isEqualTo(Status.down("PENDING_ERROR"));

        checks.unregister("alerts");
        assertThat(checks.check().up()).isTrue();
    }

    @Test
    void aCheckThatThrowsOrAnswersNothingIsDown() {
        HealthChecks checks = new HealthChecks()
                .register("kafka", () -> {
                    throw new IllegalStateException("no route to broker");
                })
                .register("enrich", () -> null);
        HealthChecks.Report report = checks.check();
        assertThat(report.up()).isFalse();
        assertThat(report.checks().get("kafka").detail()).contains("no route to broker");
        assertThat(report.checks().get("enrich").up()).isFalse();
    }
}
