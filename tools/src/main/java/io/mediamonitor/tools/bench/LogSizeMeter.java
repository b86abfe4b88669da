package io.mediamonitor.tools.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Node;

/**
 * Bytes on the brokers' disks per topic (every replica, from Admin describeLogDirs), for the topics
 * whose names start with one of the given prefixes: the run's catalogue topics and the Streams
 * applications' changelog and repartition topics.
 */
final class LogSizeMeter {

    private final Admin admin;
    private final List<String> prefixes;

    LogSizeMeter(Admin admin, List<String> prefixes) {
        this.admin = admin;
        this.prefixes = prefixes;
    }

    Map<String, Long> bytesByTopic() throws InterruptedException {
        try {
            List<Integer> brokers = admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).stream().map(Node::id).toList();
            Map<String, Long> sizes = new TreeMap<>();
            admin.describeLogDirs(brokers).allDescriptions().get(30, TimeUnit.SECONDS).values().forEach(dirs ->
                    dirs.values().forEach(dir -> dir.replicaInfos().forEach((partition, replica) -> {
                        if (prefixes.stream().anyMatch(partition.topic()::startsWith)) {
                            sizes.merge(partition.topic(), replica.size(), Long::sum);
                        }
                    })));
            return sizes;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the log sizes: " + e.getMessage(), e);
        }
    }

    /** What was written between two readings, per topic. */
    static Map<String, Long> written(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> written = new TreeMap<>();
        after.forEach((topic, bytes) -> written.put(topic, bytes - before.getOrDefault(topic, 0L)));
        return written;
    }
}
