package io.mediamonitor.testing;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real KRaft Kafka cluster in the test JVM (1 or 3 brokers, random ports), wrapping Kafka's
 * internal KafkaClusterTestKit so that its API changes touch one class. Shared by every module's
 * integration tests through the schemas test-jar.
 */
public final class KafkaTestCluster implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private KafkaTestCluster(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static KafkaTestCluster singleBroker() {
        return start(1);
    }

    public static KafkaTestCluster threeBrokers() {
        return start(3);
    }

    private static KafkaTestCluster start(int brokers) {
        int replication = Math.min(3, brokers);
        try {
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    // what users run, as the embedded broker does: not the test kit's default, the next
                    // release's unfinished metadata version
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .setCombined(true)
                    .setNumBrokerNodes(brokers)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", (short) replication)
                    .setConfigProp("transaction.state.log.replication.factor", (short) replication)
                    .setConfigProp("transaction.state.log.min.isr", Math.min(2, brokers))
                    .setConfigProp("default.replication.factor", replication)
                    .setConfigProp("min.insync.replicas", Math.min(2, brokers))
                    .setConfigProp("group.initial.rebalance.delay.ms", 0)
                    .setConfigProp("num.partitions", 3)
                    .build();
            // broker-side noise (e.g. a client disconnecting mid-request) must not fail the test
            kit.nonFatalFaultHandler().setIgnore(true);
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return new KafkaTestCluster(kit);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test Kafka cluster", e);
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    public Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return Admin.create(props);
    }

    /** Stops one broker as a crash would leave it (its data kept); the others take over its leaderships. */
    public void stopBroker(int id) {
        broker(id).shutdown();
        broker(id).awaitShutdown();
    }

    /** Starts a stopped broker again on its data; it catches up and rejoins the in-sync replicas. */
    public void startBroker(int id) {
        broker(id).startup();
    }

    /** Broker ids; the first one also hosts the controller, so a test stops one of the others. */
    public java.util.Set<Integer> brokerIds() {
        return cluster.brokers().keySet();
    }

    private kafka.server.BrokerServer broker(int id) {
        kafka.server.BrokerServer broker = cluster.brokers().get(id);
        if (broker == null) {
            throw new IllegalArgumentException("no broker " + id + " in " + cluster.brokers().keySet());
        }
        return broker;
    }

    public Map<String, Object> clientConfig() {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the test Kafka cluster", e);
        }
    }
}
