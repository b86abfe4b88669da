package io.mediamonitor.app.slice;

import io.mediamonitor.app.broker.EmbeddedKafkaBroker;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The first slice on the embedded broker the app itself starts. */
class FirstSliceIT extends FirstSliceContract {

    @TempDir
    static Path brokerDir;

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(brokerDir, 0);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Override
    String bootstrapServers() {
        return broker.bootstrapServers();
    }
}
