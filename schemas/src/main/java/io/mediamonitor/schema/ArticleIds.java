package io.mediamonitor.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable article ids: the first 32 hex characters (128 bits) of the SHA-256 of a key. */
public final class ArticleIds {

    private static final int HEX_LENGTH = 32;

    private ArticleIds() {
    }

    public static String of(String key) {
        byte[] digest = sha256().digest(key.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, HEX_LENGTH / 2);
    }

    /**
     * A 64-bit fingerprint of an id, for the compact seen-id set. Ids are hex hash prefixes, so
     * their first 16 hex digits already are uniformly spread; other strings are hashed first.
     */
    public static long fingerprint(String id) {
        if (id.length() >= 16 && isHex(id, 16)) {
            return Long.parseUnsignedLong(id.substring(0, 16), 16);
        }
        return Long.parseUnsignedLong(of(id).substring(0, 16), 16);
    }

    private static boolean isHex(String s, int length) {
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
