package io.mediamonitor.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediamonitor.model.AlertStatus;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WebhookNotifierTest {

    private static final RetryPolicy FAST = new RetryPolicy(5, Duration.ofMillis(5), Duration.ofMillis(20));
    private final RetryingDelivery delivery = new RetryingDelivery(FAST, RetryingDelivery.Pause.sleeping());

    @Test
    void aFailureThenSuccessIsDeliveredOnceWithRetries() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (RecordingReceiver receiver = new RecordingReceiver(r -> calls.incrementAndGet() == 1 ? 500 : 200)) {
            WebhookNotifier webhook = new WebhookNotifier(receiver.uri("/hooks/alerts"));

            DeliveryOutcome outcome = delivery.deliver(webhook, TestAlerts.aesSpike());

            assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.DELIVERED);
            assertThat(outcome.attempts()).isEqualTo(2);
            assertThat(receiver.requests()).hasSize(2).allSatisfy(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.path()).isEqualTo("/hooks/alerts");
                assertThat(request.contentType()).startsWith("application/json");
                assertThat(request.idempotencyKey()).isEqualTo("3f1c9a7e0b2d4c6e8f1a2b3c4d5e6f70:0");
            });
            assertThat(new ObjectMapper().readTree(receiver.requests().get(1).body()))
                    .isEqualTo(AlertJson.toJson(TestAlerts.aesSpike()));
        }
    }

    @Test
    void alwaysFailingEndsFailedWithTheStatusAsReason() throws Exception {
        try (RecordingReceiver receiver = new RecordingReceiver(r -> 500)) {
            DeliveryOutcome outcome = delivery.deliver(new WebhookNotifier(receiver.uri("/secret-token")),
                    TestAlerts.aesSpike());

            assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
            assertThat(outcome.attempts()).isEqualTo(5);
            assertThat(outcome.reason()).contains("HTTP 500").contains("nope 500")
                    .as("the secret path stays out of dead-letter reasons").doesNotContain("secret-token");
            assertThat(receiver.requests()).hasSize(5);
        }
    }

    @Test
    void eachRevisionHasItsOwnIdempotencyKey() throws Exception {
        try (RecordingReceiver receiver = new RecordingReceiver(r -> 204)) {
            WebhookNotifier webhook = new WebhookNotifier(receiver.uri("/"));
            webhook.deliver(TestAlerts.aesSpike());
            webhook.deliver(TestAlerts.revision(TestAlerts.aesSpike(), 1, AlertStatus.ESCALATED));
            assertThat(receiver.requests()).extracting(RecordingReceiver.Request::idempotencyKey).containsExactly(
                    "3f1c9a7e0b2d4c6e8f1a2b3c4d5e6f70:0", "3f1c9a7e0b2d4c6e8f1a2b3c4d5e6f70:1");
        }
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        try (RecordingReceiver receiver = new RecordingReceiver(r -> 400)) {
            DeliveryOutcome outcome = delivery.deliver(new WebhookNotifier(receiver.uri("/")), TestAlerts.aesSpike());
            assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
            assertThat(outcome.attempts()).isEqualTo(1);
        }
    }

    @Test
    void credentialsInTheUrlAreRefusedAndNeverShown() {
        URI withCredentials = URI.create("https://alerts:s3cr3t-token@hooks.example.org/services/x");
        assertThat(JsonPoster.safe(withCredentials)).isEqualTo("https://hooks.example.org/…");
        assertThat(JsonPoster.safe(URI.create("http://hooks.example.org:8443/t0ken"))).isEqualTo(
                "http://hooks.example.org:8443/…");
        assertThatThrownBy(() -> new HttpChannelSettings(withCredentials))
                .hasMessageContaining("must not carry user:password@").hasMessageContaining("header.Authorization")
                .hasMessageNotContaining("s3cr3t-token");
    }

    @Test
    void tooManyRequestsAndServerErrorsAreRetryable() {
        assertThat(JsonPoster.retryable(429)).isTrue();
        assertThat(JsonPoster.retryable(503)).isTrue();
        assertThat(JsonPoster.retryable(408)).isTrue();
        assertThat(JsonPoster.retryable(404)).isFalse();
        assertThat(JsonPoster.retryable(301)).isFalse();
    }

    @Test
    void retryAfterSecondsAreReadAndDatesIgnored() {
        assertThat(JsonPoster.retryAfter("12")).isEqualTo(Duration.ofSeconds(12));
        assertThat(JsonPoster.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT")).isNull();
        assertThat(JsonPoster.retryAfter(null)).isNull();
    }

    @Test
    void aClosedPortIsARetryableFailure() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        WebhookNotifier webhook = new WebhookNotifier(URI.create("http://127.0.0.1:" + port + "/"),
                Duration.ofSeconds(2), Map.of());
        assertThatThrownBy(() -> webhook.deliver(TestAlerts.aesSpike()))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void aReceiverThatStallsInTheMiddleOfItsAnswerIsJudgedByItsHeadAtTheTimeout() throws Exception {
        // the head and two bytes of the thousand announced, then nothing, the connection left open: before, the
        // attempt waited for the rest of the body as long as the connection stayed open
        try (PartialAnswer accepted = new PartialAnswer(200, true)) {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> accepted.webhook().deliver(TestAlerts.aesSpike()));
        }
        try (PartialAnswer refused = new PartialAnswer(400, true)) {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(
                    () -> refused.webhook().deliver(TestAlerts.aesSpike()))
                    .isInstanceOfSatisfying(DeliveryException.class, e -> {
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.getMessage()).contains("answered HTTP 400: ok");
                    }));
        }
    }

    @Test
    void aBodyCutShortAfterTheHeadLeavesTheHeadsVerdict() throws Exception {
        try (PartialAnswer accepted = new PartialAnswer(200, false)) {
            accepted.webhook().deliver(TestAlerts.aesSpike()); // taken: retrying would post the alert twice
        }
        try (PartialAnswer refused = new PartialAnswer(401, false)) {
            assertThatThrownBy(() -> refused.webhook().deliver(TestAlerts.aesSpike()))
                    .isInstanceOfSatisfying(DeliveryException.class, e -> {
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.getMessage()).contains("answered HTTP 401");
                    });
        }
    }

    /** A receiver that answers the head of {@code status} and two bytes of a longer body, then stalls or closes. */
    private static final class PartialAnswer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final Thread receiver;

        PartialAnswer(int status, boolean stall) throws Exception {
            receiver = new Thread(() -> {
                try (Socket client = socket.accept()) {
                    client.getInputStream().read(new byte[8192]);
                    client.getOutputStream().write(("HTTP/1.1 " + status + " Whatever\r\nContent-Length: 1000\r\n"
                            + "\r\nok").getBytes(StandardCharsets.US_ASCII));
                    client.getOutputStream().flush();
                    if (stall) {
                        Thread.sleep(60_000);
                    }
                } catch (Exception e) {
                    // closed or interrupted at the end of the test
                }
            });
            receiver.setDaemon(true);
            receiver.start();
        }

        WebhookNotifier webhook() {
            return new WebhookNotifier(URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/"),
                    Duration.ofSeconds(1), Map.of());
        }

        @Override
        public void close() throws Exception {
            receiver.interrupt();
            socket.close();
        }
    }

    @Test
    void extraHeadersAreSentAndRestrictedOnesRefusedUpFront() throws Exception {
        try (RecordingReceiver receiver = new RecordingReceiver(r -> 200)) {
            assertThatThrownBy(() -> new WebhookNotifier(receiver.uri("/"), Duration.ofSeconds(1),
                    Map.of("Host", "evil.example"))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new WebhookNotifier(URI.create("ftp://example.org/x")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
