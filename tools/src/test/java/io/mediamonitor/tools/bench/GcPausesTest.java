package io.mediamonitor.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GcPausesTest {

    @Test
    void namesTheCollectorAsItsFlagDoes() {
        assertThat(GcPauses.collector(List.of("G1 Young Generation", "G1 Concurrent GC", "G1 Old Generation")))
                .isEqualTo("G1");
        assertThat(GcPauses.collector(List.of("PS Scavenge", "PS MarkSweep"))).isEqualTo("Parallel");
        assertThat(GcPauses.collector(List.of("Copy", "MarkSweepCompact"))).isEqualTo("Serial");
        assertThat(GcPauses.collector(List.of("ZGC Cycles", "ZGC Pauses"))).isEqualTo("ZGC");
        assertThat(GcPauses.collector(List.of("Epsilon"))).isEqualTo("Epsilon");
    }

    @Test
    void countsThePausesTheJvmMakesAfterAReset() {
        try (GcPauses pauses = new GcPauses()) {
            pauses.reset();
            System.gc(); // a full collection: a pause with every collector this JVM may run the tests with
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pauses.summary().pauses())
                    .isPositive());
            GcPauses.Summary summary = pauses.summary();
            assertThat(summary.longestMs()).isLessThanOrEqualTo(summary.totalMs());
            assertThat(summary.collector()).isEqualTo(GcPauses.collector());

            pauses.reset();
            assertThat(pauses.summary().pauses()).isZero();
        }
    }
}
