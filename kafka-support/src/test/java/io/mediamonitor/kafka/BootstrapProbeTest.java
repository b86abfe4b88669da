package io.mediamonitor.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediamonitor.testing.KafkaTestCluster;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The check every command makes before it starts: a wrong address fails fast, with one line saying why. */
class BootstrapProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Test
    void aClosedPortFailsAtOnceNamingTheAddressAndWhatToCheck() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String address = "127.0.0.1:" + port;
        long start = System.nanoTime();

        assertThatThrownBy(() -> BootstrapProbe.check(Map.of("bootstrap.servers", address), TIMEOUT))
                .isInstanceOf(KafkaUnreachableException.class)
                .hasMessageStartingWith("cannot reach Kafka at " + address + ": " + address)
                .hasMessageContaining("--bootstrap-servers")
                .hasMessageNotContaining("\n");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT);
    }

    @Test
    void anHttpProxyIsNamedForWhatItIsInsteadOfReadAsAGiganticKafkaResponse() throws Exception {
        // like a proxy that answers whatever it is sent with an HTTP error: a Kafka client would read "HTTP" as
        // the size of a 1.2 GB response
        try (ServerSocket proxy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> {
                try (Socket client = proxy.accept()) {
                    client.getInputStream().read(new byte[64]);
                    client.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                    // the test fails on the probe's message if the proxy could not answer
                }
            });
            answering.start();
            String address = "127.0.0.1:" + proxy.getLocalPort();
            assertThatThrownBy(() -> BootstrapProbe.check(Map.of("bootstrap.servers", address), TIMEOUT))
                    .isInstanceOf(KafkaUnreachableException.class)
                    .hasMessageContaining(address + " answers HTTP, not the Kafka protocol");
            answering.join(5_000);
        }
    }

    @Test
    void aServerThatNeverAnswersIsGivenUpOnAtTheDeadline() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String address = "127.0.0.1:" + silent.getLocalPort();
            assertThatThrownBy(() -> BootstrapProbe.check(Map.of("bootstrap.servers", address),
                    Duration.ofMillis(500)))
                    .isInstanceOf(KafkaUnreachableException.class)
                    .hasMessageContaining("did not answer within");
        }
    }

    @Test
    void anUnknownHostIsSaidToBeUnknown() {
        assertThatThrownBy(() -> BootstrapProbe.check(Map.of("bootstrap.servers", "no-such-broker.invalid:9092"),
                TIMEOUT))
                .isInstanceOf(KafkaUnreachableException.class)
                .hasMessageContaining("unknown host no-such-broker.invalid");
    }

    @Test
    void aRealBrokerPassesEvenAfterADeadAddressInTheList() throws Exception {
        int dead;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = socket.getLocalPort();
        }
        try (KafkaTestCluster kafka = KafkaTestCluster.singleBroker()) {
            String bootstrap = "127.0.0.1:" + dead + "," + kafka.bootstrapServers();
            assertThatCode(() -> BootstrapProbe.check(Map.of("bootstrap.servers", bootstrap), Duration.ofSeconds(15)))
                    .doesNotThrowAnyException();
        }
    }
}
