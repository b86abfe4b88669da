package io.mediamonitor.schema;

/** Stable article ids: the first 32 hex characters (128 bits) of the SHA-256 of a key. */
public final class ArticleIds {

    private ArticleIds() {
    }

    public static String of(String key) {
        return StableIds.of(key);
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
}
