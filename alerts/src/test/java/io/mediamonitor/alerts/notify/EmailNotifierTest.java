package io.mediamonitor.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.mediamonitor.model.Alert;
import io.mediamonitor.model.AlertStatus;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real SMTP server in the test JVM (GreenMail on a free port of 127.0.0.1). */
class EmailNotifierTest {

    private GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        smtp.setUser("monitor@newsroom.example", "monitor", "s3cret");
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    private EmailNotifier notifier(String username, String password) {
        return new EmailNotifier(new EmailSettings("127.0.0.1", smtp.getSmtp().getPort(), username, password,
                "Media Monitor <monitor@newsroom.example>", List.of("desk@newsroom.example", "analyst@newsroom.example"),
                false, false, Duration.ofSeconds(5)));
    }

    @Test
    void sendsSubjectBodyAndRecipients() throws Exception {
        notifier("monitor", "s3cret").deliver(TestAlerts.aesSpike());

        assertThat(smtp.waitForIncomingEmail(5_000, 2)).isTrue();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2); // one copy per recipient mailbox
        MimeMessage mail = received[0];
        assertThat(mail.getSubject())
                .isEqualTo("[media-monitor] HIGH actor:aes — 6 stories from 5 sources (expected 0.4)");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Media Monitor <monitor@newsroom.example>");
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("desk@newsroom.example", "analyst@newsroom.example");
        assertThat(mail.getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        String body = ((String) mail.getContent()).replace("\r\n", "\n");
        assertThat(body.strip()).isEqualTo(AlertFormatter.text(TestAlerts.aesSpike()).strip());
        assertThat(body).contains("6 stories about the AES from 5 sources in one hour, against 0.4 expected.")
                .contains("Les chefs d'État de l'AES réunis à Niamey").contains("https://example.org/a2?x=1&y=2");
    }

    @Test
    void revisionsOfOneAlertThreadUnderTheFirst() throws Exception {
        EmailNotifier email = notifier(null, null);
        Alert open = TestAlerts.aesSpike();
        email.deliver(open);
        email.deliver(TestAlerts.revision(open, 1, AlertStatus.ESCALATED));
        email.deliver(TestAlerts.revision(open, 2, AlertStatus.RESOLVED));

        assertThat(smtp.waitForIncomingEmail(5_000, 6)).isTrue();
        List<MimeMessage> desk = smtp.findReceivedMessages(
                user -> user.getEmail().equals("desk@newsroom.example"), message -> true).toList();
        assertThat(desk).hasSize(3);
        String root = "<3f1c9a7e0b2d4c6e8f1a2b3c4d5e6f70.0@newsroom.example>";
        assertThat(desk.get(0).getMessageID()).isEqualTo(root);
        assertThat(desk.get(0).getHeader("In-Reply-To")).isNull();
        assertThat(desk.get(0).getHeader("References")).isNull();
        for (int revision = 1; revision <= 2; revision++) {
            MimeMessage update = desk.get(revision);
            assertThat(update.getMessageID())
                    .isEqualTo("<3f1c9a7e0b2d4c6e8f1a2b3c4d5e6f70." + revision + "@newsroom.example>");
            assertThat(update.getHeader("In-Reply-To")).containsExactly(root);
            assertThat(update.getHeader("References")).containsExactly(root);
        }
        assertThat(desk.get(1).getSubject()).startsWith("[media-monitor] ESCALATED HIGH actor:aes");
        assertThat(desk.get(2).getSubject()).startsWith("[media-monitor] RESOLVED HIGH actor:aes");
    }

    @Test
    void aRepeatedDeliveryKeepsItsMessageId() throws Exception {
        EmailNotifier email = notifier(null, null);
        assertThat(email.message(TestAlerts.aesSpike()).getMessageID())
                .isEqualTo(email.message(TestAlerts.aesSpike()).getMessageID());
    }

    @Test
    void aRefusedLoginIsPermanent() {
        assertThatThrownBy(() -> notifier("monitor", "wrong").deliver(TestAlerts.aesSpike()))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).startsWith("SMTP login refused by 127.0.0.1");
                });
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUnreachableServerIsARetryableFailure() {
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        EmailNotifier email = new EmailNotifier(new EmailSettings("127.0.0.1", port, null, null,
                "monitor@newsroom.example", List.of("desk@newsroom.example"), false, false, Duration.ofSeconds(2)));
        assertThatThrownBy(() -> email.deliver(TestAlerts.aesSpike()))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void aServerThatTricklesItsRepliesIsCutOffAtTheAttemptsDeadline() throws Exception {
        // each byte comes well within the read timeout, so only a deadline on the whole attempt ends the wait
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AtomicBoolean cutOff = new AtomicBoolean();
            Thread trickle = new Thread(() -> {
                try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                    out.write("220 ".getBytes(StandardCharsets.US_ASCII));
                    while (true) {
                        out.write('.');
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (IOException e) {
                    cutOff.set(true);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "trickling smtp");
            trickle.setDaemon(true);
            trickle.start();
            EmailNotifier email = new EmailNotifier(new EmailSettings("127.0.0.1", server.getLocalPort(), null, null,
                    "monitor@newsroom.example", List.of("desk@newsroom.example"), false, false,
                    Duration.ofMillis(400)));
            assertThat(email.attemptLimit()).isEqualTo(Duration.ofMillis(8 * 400));

            assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                    assertThatThrownBy(() -> email.deliver(TestAlerts.aesSpike()))
                            .isInstanceOfSatisfying(DeliveryException.class, e -> {
                                assertThat(e.retryable()).isTrue();
                                assertThat(e.getMessage()).isEqualTo("SMTP 127.0.0.1:" + server.getLocalPort()
                                        + " did not finish the exchange within 3200 ms (timeout 400 ms for each"
                                        + " of its replies)");
                            }));
            // the attempt's connection is closed, not left to the server
            await().atMost(Duration.ofSeconds(10)).untilTrue(cutOff);
            trickle.interrupt();
        }
    }

    @Test
    void aTlsHandshakeTrickledPastTheDeadlineIsCutOffWithoutASecondConnection() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        connections.incrementAndGet();
                        Thread trickle = new Thread(() -> {
                            try (client; OutputStream out = client.getOutputStream()) {
                                // a TLS handshake record announcing 16 KiB, then a byte every 100 ms
                                out.write(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00});
                                while (true) {
                                    out.write(0);
                                    out.flush();
                                    Thread.sleep(100);
                                }
                            } catch (IOException | InterruptedException e) {
                                // cut off by the client, as it should be
                            }
                        }, "trickling tls");
                        trickle.setDaemon(true);
                        trickle.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "tls acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
            EmailNotifier email = new EmailNotifier(new EmailSettings("127.0.0.1", server.getLocalPort(), null, null,
                    "monitor@newsroom.example", List.of("desk@newsroom.example"), false, true,
                    Duration.ofMillis(400)));

            assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                    assertThatThrownBy(() -> email.deliver(TestAlerts.aesSpike()))
                            .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue()));
            // the exchange ends with its deadline: no connection of Jakarta Mail's own carries it on
            String exchange = "smtp 127.0.0.1:" + server.getLocalPort();
            await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(thread -> thread.getName().equals(exchange)));
            assertThat(connections.get()).as("connections the attempt opened").isEqualTo(1);
        }
    }

    @Test
    void oneRecipientTheServerRefusesDoesNotKeepTheAlertFromTheOthers() throws Exception {
        // before, Jakarta Mail sent nothing when one RCPT was refused, and the alert was dead-lettered for everyone
        try (RefusingSmtp server = new RefusingSmtp("left-the-company@")) {
            EmailNotifier email = server.notifier("desk@newsroom.example", "left-the-company@newsroom.example");

            email.deliver(TestAlerts.aesSpike());

            assertThat(server.accepted()).containsExactly("desk@newsroom.example");
        }
    }

    @Test
    void aRecipientPutOffForNowDoesNotSendTheAlertAgainToThoseWhoGotIt() throws Exception {
        // 451 (greylisting) or 452 (too many recipients) for one: the others got it; a retry would send it again
        try (RefusingSmtp server = new RefusingSmtp("analyst@", "451 4.7.1 try again later")) {
            EmailNotifier email = server.notifier("desk@newsroom.example", "analyst@newsroom.example");

            email.deliver(TestAlerts.aesSpike());

            assertThat(server.accepted()).containsExactly("desk@newsroom.example");
        }
    }

    @Test
    void everyRecipientRefusedIsAPermanentFailureNamingThem() throws Exception {
        try (RefusingSmtp server = new RefusingSmtp("@newsroom.example")) {
            EmailNotifier email = server.notifier("desk@newsroom.example", "analyst@newsroom.example");

            assertThatThrownBy(() -> email.deliver(TestAlerts.aesSpike())).isInstanceOfSatisfying(
                    DeliveryException.class, e -> assertThat(e.retryable()).isFalse())
                    .hasMessageContaining("desk@newsroom.example").hasMessageContaining("analyst@newsroom.example");
            assertThat(server.accepted()).isEmpty();
        }
    }

    @Test
    void settingsNeverPrintThePassword() {
        EmailSettings settings = new EmailSettings("smtp.example.org", 587, "user", "hunter2", "a@example.org",
                List.of("b@example.org"), true, false, Duration.ofSeconds(5));
        assertThat(settings.toString()).doesNotContain("hunter2").contains("smtp.example.org:587");
        assertThat(EmailNotifier.properties(settings)).containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.auth", "true");
    }

    /**
     * An SMTP server on 127.0.0.1 that answers 550 to the recipients containing {@code refused} and keeps the
     * others of each message it takes (GreenMail takes every recipient).
     */
    private static final class RefusingSmtp implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        private final List<String> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final String refused;
        private final String refusal;

        RefusingSmtp(String refused) throws IOException {
            this(refused, "550 5.1.1 user unknown");
        }

        RefusingSmtp(String refused, String refusal) throws IOException {
            this.refused = refused.toLowerCase(java.util.Locale.ROOT);
            this.refusal = refusal;
            Thread thread = new Thread(this::serve, "refusing smtp");
            thread.setDaemon(true);
            thread.start();
        }

        EmailNotifier notifier(String... to) {
            return new EmailNotifier(new EmailSettings("127.0.0.1", server.getLocalPort(), null, null,
                    "monitor@newsroom.example", List.of(to), false, false, Duration.ofSeconds(5)));
        }

        List<String> accepted() {
            return accepted;
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket client = server.accept();
                     java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                             client.getInputStream(), StandardCharsets.US_ASCII));
                     OutputStream out = client.getOutputStream()) {
                    reply(out, "220 refusing ESMTP");
                    List<String> taken = new java.util.ArrayList<>();
                    boolean data = false;
                    String line;
                    while ((line = in.readLine()) != null) {
                        String command = line.toLowerCase(java.util.Locale.ROOT);
                        if (data) {
                            if (line.equals(".")) {
                                data = false;
                                accepted.addAll(taken);
                                reply(out, "250 queued");
                            }
                        } else if (command.startsWith("rcpt to:")) {
                            String address = command.substring(command.indexOf('<') + 1, command.indexOf('>'));
                            if (address.contains(refused)) {
                                reply(out, refusal);
                            } else {
                                taken.add(address);
                                reply(out, "250 ok");
                            }
                        } else if (command.startsWith("data")) {
                            data = true;
                            reply(out, "354 go on");
                        } else if (command.startsWith("quit")) {
                            reply(out, "221 bye");
                            break;
                        } else {
                            reply(out, "250 ok");
                        }
                    }
                } catch (IOException e) {
                    return; // closed
                }
            }
        }

        private static void reply(OutputStream out, String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
