package io.mediamonitor.alerts.notify;

import io.mediamonitor.model.Alert;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;

/**
 * E-mail over SMTP (Jakarta Mail, Eclipse Angus). Subject {@link AlertFormatter#subject}, plain
 * UTF-8 body {@link AlertFormatter#text}. Every record of one alert id lands in one mail thread:
 * its Message-ID is {@code <id.revision@domain>} and later revisions carry
 * {@code In-Reply-To}/{@code References} pointing at revision 0's {@code <id.0@domain>}, the OPEN
 * mail. A repeat delivery of the same revision has the same Message-ID, which mail stores and
 * clients use to drop duplicates.
 */
public final class EmailNotifier implements Notifier {

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

    @Override
    public void deliver(Alert alert) throws DeliveryException {
        try {
            MimeMessage message = message(alert);
            // one connection per alert: alerts are rare, and a pooled connection would go stale
            try (Transport transport = session.getTransport(settings.ssl() ? "smtps" : "smtp")) {
                transport.connect(settings.host(), settings.port(),
                        settings.authenticated() ? settings.username() : null,
                        settings.authenticated() ? settings.password() : null);
                transport.sendMessage(message, message.getAllRecipients());
            }
        } catch (AuthenticationFailedException e) {
            throw DeliveryException.permanent("SMTP login refused by " + settings.host() + ": " + e.getMessage(), e);
        } catch (SendFailedException e) {
            // the server refused the addresses themselves: the same message will be refused again
            boolean addressesRefused = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
            String message = "SMTP " + settings.host() + " refused the message: " + e.getMessage();
            throw addressesRefused ? DeliveryException.permanent(message, e) : DeliveryException.retryable(message, e);
        } catch (MessagingException e) {
            throw DeliveryException.retryable("SMTP " + settings.host() + ":" + settings.port() + " failed: "
                    + e.getMessage(), e);
        }
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
        String millis = String.valueOf(settings.timeout().toMillis());
        props.put(p + "connectiontimeout", millis);
        props.put(p + "timeout", millis);
        props.put(p + "writetimeout", millis);
        return props;
    }

    /**
     * How long one attempt may take, as far as the timeouts bound it: every reply of the SMTP exchange may wait up
     * to the timeout (connecting, the greeting, EHLO, MAIL, DATA, the message and QUIT; STARTTLS, its handshake
     * and the second EHLO; the three replies of AUTH LOGIN; one per recipient). A server that trickles a reply, or a
     * slow name lookup, is not bounded by them.
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
