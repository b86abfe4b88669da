package io.mediamonitor.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleNotifierTest {

    @Test
    void printsTheSummaryOfEachAlert() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleNotifier console = ConsoleNotifier.to(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        console.deliver(TestAlerts.aesSpike());
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo(AlertFormatter.summary(TestAlerts.aesSpike()) + System.lineSeparator());
    }
}
