package io.mediamonitor.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one way ids are derived from content here (articles, stories, alerts): the first 128 bits
 * of the SHA-256 of a UTF-8 key, as 32 lower-case hex characters. Stable across runs, instances
 * and versions, so replays and restarts produce the same ids.
 */
public final class StableIds {

    private static final int BYTES = 16;

    private StableIds() {
    }

    public static String of(String key) {
        byte[] digest = sha256().digest(key.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, BYTES);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
