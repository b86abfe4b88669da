package io.mediamonitor.alerts.notify;

import io.mediamonitor.model.Alert;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.SocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * E-mail over SMTP (Jakarta Mail, Eclipse Angus). Subject {@link AlertFormatter#subject}, plain
 * UTF-8 body {@link AlertFormatter#text}. Every record of one alert id lands in one mail thread:
 * its Message-ID is {@code <id.revision@domain>} and later revisions carry
 * {@code In-Reply-To}/{@code References} pointing at revision 0's {@code <id.0@domain>}, the OPEN
 * mail. A repeat delivery of the same revision has the same Message-ID, which mail stores and
 * clients use to drop duplicates.
 */
public final class EmailNotifier implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(EmailNotifier.class);

    private final EmailSettings settings;
    private final Session session;
    private final InternetAddress from;
    private final InternetAddress[] to;
    private final String domain;
    private final Clock clock;

    public EmailNotifier(EmailSettings settings) {
        this(settings, Clock.systemUTC());
    }

    EmailNotifier(EmailSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.session = Session.getInstance(properties(settings));
        try {
            this.from = new InternetAddress(settings.from(), true);
            this.to = new InternetAddress[settings.to().size()];
            for (int i = 0; i < to.length; i++) {
                to[i] = new InternetAddress(settings.to().get(i), true);
            }
        } catch (AddressException e) {
            throw new IllegalArgumentException("bad e-mail address: " + e.getMessage(), e);
        }
        String address = from.getAddress();
        int at = address.lastIndexOf('@');
        this.domain = at < 0 ? "media-monitor.invalid" : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** {@code <id.revision@domain>}. */
    public static String messageId(Alert alert, String domain) {
        return "<" + alert.getId() + "." + alert.getRevision() + "@" + domain + ">";
    }

    /** The Message-ID of the alert's first record (revision 0), to which later records reply. */
    public static String threadRootId(Alert alert, String domain) {
        return "<" + alert.getId() + ".0@" + domain + ">";
    }

    /** The message for one alert, built but not sent. */
    MimeMessage message(Alert alert) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, messageId(alert, domain));
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(AlertFormatter.subject(alert), "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        message.setText(AlertFormatter.text(alert), "UTF-8");
        if (alert.getRevision() > 0) {
            String root = threadRootId(alert, domain);
            message.setHeader("In-Reply-To", root);
            message.setHeader("References", root);
        }
        message.setHeader("X-Media-Monitor-Alert", WebhookNotifier.idempotencyKey(alert));
        message.saveChanges();
        return message;
    }

    /**
     * Sends the alert on a thread of its own and waits at most {@link #attemptLimit()}: Jakarta Mail's timeouts
     * bound each reply, not the exchange, so a server that trickles its replies (or a slow name lookup) would
     * otherwise hold the channel for as long as it likes. At the deadline the attempt's sockets are closed, which
     * ends the exchange, and the attempt fails as retryable; should the server have taken the message just before,
     * the next attempt repeats its Message-ID, by which mail stores drop the copy.
     */
    @Override
    public void deliver(Alert alert) throws DeliveryException {
        AttemptSockets sockets = new AttemptSockets();
        FutureTask<Void> exchange = new FutureTask<>(() -> {
            send(alert, sockets);
            return null;
        });
        Thread thread = new Thread(exchange, "smtp " + settings.host() + ":" + settings.port());
        thread.setDaemon(true);
        thread.start();
        Duration limit = attemptLimit();
        try {
            exchange.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            sockets.closeAll();
            throw DeliveryException.retryable("SMTP " + settings.host() + ":" + settings.port()
                    + " did not finish the exchange within " + limit.toMillis() + " ms (timeout "
                    + settings.timeout().toMillis() + " ms for each of its replies)", e);
        } catch (InterruptedException e) {
            sockets.closeAll();
            Thread.currentThread().interrupt();
            throw DeliveryException.retryable("sending to SMTP " + settings.host() + " was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DeliveryException failure) {
                throw failure;
            }
            throw DeliveryException.retryable("SMTP " + settings.host() + ":" + settings.port() + " failed: "
                    + e.getCause(), e.getCause());
        }
    }

    /** One SMTP exchange, over sockets opened by {@code sockets}. */
    private void send(Alert alert, AttemptSockets sockets) throws DeliveryException {
        try {
            MimeMessage message = message(alert);
            Session attempt = Session.getInstance(properties(settings, sockets));
            // one connection per alert: alerts are rare, and a pooled connection would go stale
            try (Transport transport = attempt.getTransport(settings.ssl() ? "smtps" : "smtp")) {
                transport.connect(settings.host(), settings.port(),
                        settings.authenticated() ? settings.username() : null,
                        settings.authenticated() ? settings.password() : null);
                transport.sendMessage(message, message.getAllRecipients());
            }
        } catch (AuthenticationFailedException e) {
            throw DeliveryException.permanent("SMTP login refused by " + settings.host() + ": " + e.getMessage(), e);
        } catch (SendFailedException e) {
            Address[] refused = orNone(e.getInvalidAddresses());
            Address[] sent = orNone(e.getValidSentAddresses());
            Address[] unsent = orNone(e.getValidUnsentAddresses());
            if (sent.length > 0) {
                // one address the server no longer knows, or puts off (451, 452), must not keep the alert from the
                // others, and a retry would send it to them again
                log.warn("SMTP {} took alert {}:{} for {} but not for {} (refused) nor {} (put off): {}",
                        settings.host(), alert.getId(), alert.getRevision(), Arrays.toString(sent),
                        Arrays.toString(refused), Arrays.toString(unsent), e.getMessage());
                return;
            }
            String message = "SMTP " + settings.host() + " refused the message: " + e.getMessage()
                    + (refused.length > 0 ? " " + Arrays.toString(refused) : "");
            // every address refused: the same message will be refused again
            throw refused.length > 0 && unsent.length == 0
                    ? DeliveryException.permanent(message, e) : DeliveryException.retryable(message, e);
        } catch (MessagingException e) {
            throw DeliveryException.retryable("SMTP " + settings.host() + ":" + settings.port() + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static Address[] orNone(Address[] addresses) {
        return addresses == null ? new Address[0] : addresses;
    }

    /** The settings' properties, with the attempt's sockets opened by {@code sockets}. */
    static Properties properties(EmailSettings settings, SocketFactory sockets) {
        Properties props = properties(settings);
        // the plain socket under every mode: with implicit TLS and STARTTLS, Jakarta Mail layers TLS over it,
        // so closing it ends the exchange whatever it is waiting for
        String prefix = "mail." + (settings.ssl() ? "smtps" : "smtp") + ".socketFactory";
        props.put(prefix, sockets);
        // on a failure of the factory's socket (closed at the deadline mid-connect), Jakarta Mail would otherwise
        // open one of its own, which the deadline does not know of
        props.put(prefix + ".fallback", "false");
        return props;
    }

    static Properties properties(EmailSettings settings) {
        Properties props = new Properties();
        String protocol = settings.ssl() ? "smtps" : "smtp";
        props.put("mail.transport.protocol", protocol);
        String p = "mail." + protocol + ".";
        props.put(p + "host", settings.host());
        props.put(p + "port", String.valueOf(settings.port()));
        props.put(p + "auth", String.valueOf(settings.authenticated()));
        props.put(p + "starttls.enable", String.valueOf(settings.starttls()));
        props.put(p + "starttls.required", String.valueOf(settings.starttls()));
        props.put(p + "ssl.checkserveridentity", "true");
        // send to the addresses the server takes, and report the ones it refuses
        props.put(p + "sendpartial", "true");
        String millis = String.valueOf(settings.timeout().toMillis());
        props.put(p + "connectiontimeout", millis);
        props.put(p + "timeout", millis);
        props.put(p + "writetimeout", millis);
        return props;
    }

    /**
     * How long one attempt may take: the clock's deadline of {@link #deliver}, as long as the exchange takes when
     * every reply waits up to the timeout (connecting, the greeting, EHLO, MAIL, DATA, the message and QUIT;
     * STARTTLS, its handshake and the second EHLO; the three replies of AUTH LOGIN; one per recipient).
     */
    @Override
    public Duration attemptLimit() {
        int replies = 7 + (settings.starttls() ? 3 : 0) + (settings.username() != null ? 3 : 0) + settings.to().size();
        return settings.timeout().multipliedBy(replies);
    }

    @Override
    public String toString() {
        return "email " + settings;
    }

    /** The sockets one attempt opens, so that its deadline can close them under a stalled exchange. */
    static final class AttemptSockets extends SocketFactory {
        private final List<Socket> opened = new CopyOnWriteArrayList<>();
        private volatile boolean closed;

        @Override
        public Socket createSocket() throws IOException {
            return track(new Socket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return track(new Socket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return track(new Socket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return track(new Socket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return track(new Socket(address, port, localAddress, localPort));
        }

        private Socket track(Socket socket) throws IOException {
            opened.add(socket);
            if (closed) {
                // the deadline passed while this one was being opened
                socket.close();
            }
            return socket;
        }

        void closeAll() {
            closed = true;
            for (Socket socket : opened) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing is all that is asked; a socket that fails to close is closed enough
                }
            }
        }
    }

    /** Jakarta Mail assigns a random Message-ID on save; ours must be stable per alert revision. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
