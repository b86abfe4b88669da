package io.mediamonitor.alerts.notify;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.List;

/**
 * Where and how to send alert e-mails.
 *
 * @param host     SMTP server
 * @param port     SMTP port (587 for STARTTLS submission, 465 for implicit TLS, 25 plain)
 * @param username login, or null for an open relay
 * @param password password, or null
 * @param from     sender address; its domain also names the Message-IDs
 * @param to       recipients
 * @param starttls require STARTTLS before anything else is sent (no silent fallback to plain text)
 * @param ssl      implicit TLS from the first byte (port 465)
 * @param timeout  connect, read and write timeout of one attempt
 */
public record EmailSettings(String host, int port, String username, String password, String from, List<String> to,
                            boolean starttls, boolean ssl, Duration timeout) {

    public EmailSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("e-mail needs an SMTP host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("bad SMTP port " + port);
        }
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("e-mail needs a from address");
        }
        to = List.copyOf(to);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("e-mail needs at least one recipient");
        }
        try {
            new InternetAddress(from, true);
            for (String recipient : to) {
                new InternetAddress(recipient, true);
            }
        } catch (AddressException e) {
            throw new IllegalArgumentException("bad e-mail address: " + e.getMessage(), e);
        }
        if (starttls && ssl) {
            throw new IllegalArgumentException("choose STARTTLS or implicit TLS (ssl), not both");
        }
    }

    public boolean authenticated() {
        return username != null && !username.isBlank();
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "smtp://" + (authenticated() ? username + "@" : "") + host + ":" + port + (ssl ? " ssl" : "")
                + (starttls ? " starttls" : "") + " from " + from + " to " + to;
    }
}
