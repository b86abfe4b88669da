package io.mediamonitor.kafka;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, before a command starts anything, that a Kafka broker answers at {@code bootstrap.servers}, and gives up
 * within a deadline with one line naming the address and what to check.
 *
 * <p>Each address is first tried with a plain socket and a Kafka ApiVersions request: a closed port, an unknown host
 * or a server speaking another protocol is told apart in milliseconds, without a Kafka client retrying (and logging)
 * until its own timeouts, and without a client reading an HTTP reply as the size of a 1.2 GB response (an
 * OutOfMemoryError on a small heap). Then an admin client asks for the cluster's nodes, which also covers security
 * settings.
 */
public final class BootstrapProbe {

    private static final Logger log = LoggerFactory.getLogger(BootstrapProbe.class);
    /** Larger than any ApiVersions response: a reply announcing more is another protocol. */
    private static final int MAX_PLAUSIBLE_RESPONSE = 1024 * 1024;

    private BootstrapProbe() {
    }

    /** @throws KafkaUnreachableException when no broker answered within the timeout */
    public static void check(Map<String, Object> clientConfig, Duration timeout) {
        String bootstrap = String.valueOf(clientConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        long deadline = System.nanoTime() + timeout.toNanos();
        Object protocol = clientConfig.getOrDefault(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
        // over TLS a plain request gets no Kafka answer: there, only the connection is tried by hand
        boolean speaksPlainKafka = !String.valueOf(protocol).toUpperCase(java.util.Locale.ROOT).contains("SSL");
        List<String> problems = new ArrayList<>();
        String[] addresses = bootstrap.split(",");
        for (int i = 0; i < addresses.length; i++) {
            // the time left, shared by the addresses left: one silent address does not use it all
            Duration share = remaining(deadline, 1).dividedBy(addresses.length - i);
            String problem = probe(addresses[i].trim(), share, speaksPlainKafka);
            if (problem == null) {
                askForNodes(bootstrap, clientConfig, remaining(deadline, 1000));
                return;
            }
            problems.add(problem);
        }
        throw new KafkaUnreachableException("cannot reach Kafka at " + bootstrap + ": " + String.join("; ", problems)
                + ". Check that a broker runs there and that --bootstrap-servers (bootstrap.servers) names its client "
                + "listener", null);
    }

    /** @return what is wrong with the address, or null when a Kafka broker answers there */
    static String probe(String address, Duration timeout, boolean speaksPlainKafka) {
        String host = Utils.getHost(address);
        Integer port = Utils.getPort(address);
        if (host == null || port == null) {
            return address + " is not host:port";
        }
        int millis = (int) Math.max(1, timeout.toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), millis);
            if (!speaksPlainKafka) {
                return null;
            }
            socket.setSoTimeout(millis);
            OutputStream out = socket.getOutputStream();
            out.write(apiVersionsRequest());
            out.flush();
            byte[] size = new DataInputStream(socket.getInputStream()).readNBytes(4);
            if (size.length < 4) {
                return address + " closed the connection without a Kafka answer";
            }
            if (new String(size, StandardCharsets.US_ASCII).equals("HTTP")) {
                return address + " answers HTTP, not the Kafka protocol";
            }
            int length = ByteBuffer.wrap(size).getInt();
            return length > 0 && length <= MAX_PLAUSIBLE_RESPONSE ? null
                    : address + " does not answer in the Kafka protocol";
        } catch (java.net.UnknownHostException e) {
            return "unknown host " + host;
        } catch (java.net.SocketTimeoutException e) {
            return address + " did not answer within " + readable(Duration.ofMillis(millis));
        } catch (IOException e) {
            return address + ": " + e.getMessage();
        }
    }

    /**
     * An ApiVersions request, version 0 (every broker answers it, before any authentication): size, api key 18,
     * version 0, correlation id 1, client id "media-monitor-probe", no body.
     */
    private static byte[] apiVersionsRequest() {
        byte[] clientId = "media-monitor-probe".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer request = ByteBuffer.allocate(4 + 2 + 2 + 4 + 2 + clientId.length);
        request.putInt(request.capacity() - 4).putShort((short) 18).putShort((short) 0).putInt(1)
                .putShort((short) clientId.length).put(clientId);
        return request.array();
    }

    private static void askForNodes(String bootstrap, Map<String, Object> clientConfig, Duration timeout) {
        Map<String, Object> config = new java.util.HashMap<>(clientConfig);
        int millis = (int) Math.max(1, timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis)).nodes().get(millis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            log.debug("Kafka at {} did not describe its cluster", bootstrap, cause);
            throw new KafkaUnreachableException("Kafka at " + bootstrap + " did not answer within " + readable(timeout)
                    + " (" + DeadLetters.reason(cause) + "). Check the broker's health and the kafka.security.* "
                    + "and kafka.sasl.* settings", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnreachableException("interrupted while reaching Kafka at " + bootstrap, e);
        }
    }

    private static String readable(Duration duration) {
        return duration.toMillis() < 1000 ? duration.toMillis() + " ms"
                : Math.round(duration.toMillis() / 1000.0) + " s";
    }

    private static Duration remaining(long deadline, long atLeastMillis) {
        return Duration.ofMillis(Math.max(atLeastMillis, (deadline - System.nanoTime()) / 1_000_000));
    }
}
