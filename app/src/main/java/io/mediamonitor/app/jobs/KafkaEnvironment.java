package io.mediamonitor.app.jobs;

import io.mediamonitor.app.broker.EmbeddedKafkaBroker;
import io.mediamonitor.app.config.ConfigException;
import io.mediamonitor.app.config.MonitorConfig;
import io.mediamonitor.kafka.BootstrapProbe;
import io.mediamonitor.schema.TopicProvisioner;
import io.mediamonitor.schema.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka a command talks to: the cluster named by bootstrap.servers, or else an embedded
 * broker started under data.dir. A cluster is checked first ({@link BootstrapProbe}): a wrong address fails
 * within {@code bootstrap.timeout.ms} (default 10 s) with one line. Opening it for a job also creates any missing
 * catalogue topic, so every job can start first on a fresh cluster; commands that only read create nothing.
 */
public final class KafkaEnvironment implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaEnvironment.class);
    public static final int DEFAULT_BROKER_PORT = 9092;
    /** Kafka's own default connection set-up timeout: with the JVM's start, a command ends within 15 s. */
    public static final Duration DEFAULT_BOOTSTRAP_TIMEOUT = Duration.ofSeconds(10);

    private final EmbeddedKafkaBroker broker;
    private final String bootstrapServers;
    private final Topics topics;
    private final Map<String, Object> clientConfig;
    private final Path dataDir;

    private KafkaEnvironment(EmbeddedKafkaBroker broker, String bootstrapServers, Topics topics,
                             Map<String, Object> clientConfig, Path dataDir) {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.clientConfig = clientConfig;
        this.dataDir = dataDir;
    }

    public static Path dataDir(MonitorConfig config) {
        return Path.of(config.string("data.dir", "data"));
    }

    /** The topic catalogue as configured: {@code topics.prefix} and {@code topics.partitions}. */
    public static Topics topics(MonitorConfig config) {
        return new Topics(config.string("topics.prefix", Topics.DEFAULT_PREFIX),
                config.integer("topics.partitions", Topics.DEFAULT_PARTITIONS));
    }

    /** For jobs and commands that write: missing catalogue topics are created. */
    public static KafkaEnvironment open(MonitorConfig config) {
        return open(config, true);
    }

    /** For commands that only read: nothing is created. */
    public static KafkaEnvironment openForReading(MonitorConfig config) {
        return open(config, false);
    }

    private static KafkaEnvironment open(MonitorConfig config, boolean createTopics) {
        Path dataDir = dataDir(config);
        String bootstrap = config.string("bootstrap.servers", null);
        EmbeddedKafkaBroker broker = null;
        if (bootstrap == null) {
            int port = config.integer("broker.port", DEFAULT_BROKER_PORT);
            ensurePortFree(port);
            broker = EmbeddedKafkaBroker.start(dataDir, port);
            bootstrap = broker.bootstrapServers();
        }
        Map<String, Object> client = new LinkedHashMap<>(config.withPrefix("kafka"));
        client.put("bootstrap.servers", bootstrap);
        if (broker == null) {
            BootstrapProbe.check(client, config.duration("bootstrap.timeout.ms", DEFAULT_BOOTSTRAP_TIMEOUT));
        }
        Topics topics = topics(config);
        KafkaEnvironment environment = new KafkaEnvironment(broker, bootstrap, topics, Map.copyOf(client), dataDir);
        try {
            if (createTopics) {
                environment.createTopics(replicationFactor(config));
            }
        } catch (RuntimeException e) {
            environment.close();
            throw e;
        }
        return environment;
    }

    private static short replicationFactor(MonitorConfig config) {
        int factor = config.integer("topics.replication.factor", -1);
        if (factor == 0 || factor < -1 || factor > Short.MAX_VALUE) {
            throw new ConfigException("topics.replication.factor: expected -1 (the broker's default) or a number of"
                    + " replicas from 1, got " + factor);
        }
        return (short) factor;
    }

    private void createTopics(short replicationFactor) {
        try (Admin admin = Admin.create(clientConfig)) {
            List<String> created = new TopicProvisioner(admin, replicationFactor).ensure(topics);
            if (!created.isEmpty()) {
                log.info("Created {} topics: {}", created.size(), created);
            }
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof InvalidReplicationFactorException refused) {
                // a production setting pointed at a smaller cluster: the configuration's, not a failure at run time
                throw new ConfigException("topics.replication.factor=" + replicationFactor + ": "
                        + refused.getMessage() + " Set it to at most the number of brokers, or -1 for the broker's"
                        + " default.");
            }
            throw e;
        }
    }

    private static void ensurePortFree(int port) {
        Ports.ensureFree("127.0.0.1", port, "the embedded broker", "Is a broker already running? Use it with "
                + "--bootstrap-servers 127.0.0.1:" + port + ", or pick another port with -D broker.port=0");
    }

    public boolean embedded() {
        return broker != null;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Topics topics() {
        return topics;
    }

    /** Settings for every Kafka client: bootstrap.servers plus every config key under kafka. */
    public Map<String, Object> clientConfig() {
        return clientConfig;
    }

    public Path dataDir() {
        return dataDir;
    }


    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
    }
}
