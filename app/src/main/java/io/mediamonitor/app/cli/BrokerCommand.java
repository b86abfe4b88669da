package io.mediamonitor.app.cli;

import io.mediamonitor.app.config.MonitorConfig;
import io.mediamonitor.app.jobs.KafkaEnvironment;
import io.mediamonitor.app.jobs.Lifecycle;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the embedded broker alone, for jobs started as separate processes. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        header = "Run a single-node Kafka broker (KRaft) for jobs started separately.",
        description = "Run a single-node Kafka broker (KRaft) with its data under --data-dir, create the media-monitor topics, and serve until Ctrl-C. Other processes connect with --bootstrap-servers 127.0.0.1:PORT.")
public final class BrokerCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Option(names = "--port", paramLabel = "PORT",
            description = "Client port on 127.0.0.1 (default: broker.port, else 9092; 0 picks a free one).")
    Integer port;

    @Override
    public Integer call() {
        MonitorConfig config = global.config();
        if (config.has("bootstrap.servers")) {
            throw new IllegalArgumentException("broker starts its own Kafka; drop --bootstrap-servers");
        }
        MonitorConfig withPort = port == null ? config : config.with(java.util.Map.of("broker.port", Integer.toString(port)));
        Lifecycle lifecycle = new Lifecycle();
        try {
            KafkaEnvironment kafka = lifecycle.manage(KafkaEnvironment.open(withPort));
            System.out.println("Kafka broker ready: bootstrap.servers=" + kafka.bootstrapServers()
                    + " (data in " + kafka.dataDir().toAbsolutePath() + "). Ctrl-C stops it.");
        } catch (RuntimeException e) {
            // a failed start closes what it had opened (broker, jobs) before the error is shown
            lifecycle.closeAll();
            throw e;
        }
        lifecycle.awaitShutdownSignal();
        return 0;
    }
}
