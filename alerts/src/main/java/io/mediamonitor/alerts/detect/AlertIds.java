package io.mediamonitor.alerts.detect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable alert ids: one burst keeps one id from OPEN to RESOLVED, across restarts and replays. */
public final class AlertIds {

    private AlertIds() {
    }

    /** The id of the alert a term opened in the window starting at {@code windowStart} (epoch ms). */
    public static String of(String term, long windowStart) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((term + '\u0000' + windowStart).getBytes(StandardCharsets.UTF_8));
            // 16 bytes: collisions are out of reach for any realistic number of bursts.
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
