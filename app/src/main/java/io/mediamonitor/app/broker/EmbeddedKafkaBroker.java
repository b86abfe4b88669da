package io.mediamonitor.app.broker;

import io.mediamonitor.app.config.ConfigException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) in this JVM, so the
 * default run mode needs no installed Kafka. Its log lives under {@code dataDir/kafka}: a restart
 * on the same directory keeps topics and committed offsets.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path logDir;
    private final DataDirLock lock;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path logDir, DataDirLock lock) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.logDir = logDir;
        this.lock = lock;
    }

    /**
     * Formats the log directory on first use, starts the broker and waits until it answers.
     *
     * @param port client port on 127.0.0.1; 0 picks a free one
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port) {
        Path logDir = dataDir.resolve("kafka").toAbsolutePath();
        DataDirLock lock = DataDirLock.acquire(dataDir);
        try {
            int clientPort = port == 0 ? freePort() : port;
            int controllerPort = freePort();
            try {
                Files.createDirectories(logDir);
            } catch (IOException e) {
                throw new ConfigException("cannot create the broker's log directory " + logDir + ": " + e
                        + " (set another with --data-dir)");
            }
            Properties props = brokerProperties(logDir, clientPort, controllerPort);
            format(logDir);
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
            try {
                server.startup();
            } catch (RuntimeException | Error e) {
                // a half-started server would keep the directory's files open under a released lock
                stopQuietly(server);
                throw e;
            }
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, "127.0.0.1:" + clientPort, logDir, lock);
            lock.noteAddress(broker.bootstrapServers);
            try {
                broker.awaitReady();
            } catch (RuntimeException | Error e) {
                stopQuietly(server); // a second shutdown after awaitReady's own is a no-op
                throw e;
            }
            log.info("Embedded Kafka broker ready on {} (data in {})", broker.bootstrapServers, logDir);
            return broker;
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
    }

    static Properties brokerProperties(Path logDir, int clientPort, int controllerPort) {
        Properties props = new Properties();
        props.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", Integer.toString(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                // one node: every internal topic has one replica
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                // 50 partitions each (the defaults, sized for large clusters) take seconds to create and load
                // on a small machine, while every job's group and transactions wait for their coordinator
                Map.entry("offsets.topic.num.partitions", "6"),
                Map.entry("transaction.state.log.num.partitions", "6"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("default.replication.factor", "1"),
                Map.entry("min.insync.replicas", "1"),
                Map.entry("num.partitions", "3"),
                // topics come from the catalogue; a typo must not create a topic
                Map.entry("auto.create.topics.enable", "false"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("log.retention.check.interval.ms", "60000")));
        return props;
    }

    /** Writes meta.properties and the bootstrap checkpoint once; a formatted directory is left as is. */
    private static void format(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(NODE_ID)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDir.toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the broker's log directory " + logDir + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        awaitGroupCoordinator(admin);
                        return;
                    }
                } catch (Exception e) {
                    if (Instant.now().isAfter(deadline)) {
                        close();
                        throw new IllegalStateException("embedded broker not ready after " + READY_TIMEOUT, e);
                    }
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the embedded broker", e);
        }
    }

    /**
     * Creates the offsets topic and waits until its coordinator has loaded, so that the jobs' first
     * rebalances do not race the coordinator ("not the correct coordinator", "coordinator is
     * loading"), which on a fresh broker cost a second rebalance and a restore of every task.
     */
    private static void awaitGroupCoordinator(Admin admin) throws Exception {
        // an offset fetch finds the coordinator (creating the topic) and is retried while it loads
        admin.listConsumerGroupOffsets("media-monitor-broker-ready").all().get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path logDir() {
        return logDir;
    }

    @Override
    public void close() {
        try {
            server.shutdown();
            server.awaitShutdown();
            log.info("Embedded Kafka broker stopped");
        } finally {
            lock.close();
        }
    }

    private static void stopQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (Exception e) { // Kafka's Scala code may throw checked exceptions too
            log.debug("Stopping the half-started broker failed", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
