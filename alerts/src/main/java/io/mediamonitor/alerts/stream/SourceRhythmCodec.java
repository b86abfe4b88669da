package io.mediamonitor.alerts.stream;

import io.mediamonitor.alerts.detect.SourceRhythm;
import java.nio.ByteBuffer;

/** Fixed-size bytes for a source's rhythm in the state store: 5 fields, 36 bytes. */
final class SourceRhythmCodec {

    private static final int SIZE = Long.BYTES + Double.BYTES + Double.BYTES + Integer.BYTES + Long.BYTES;

    private SourceRhythmCodec() {
    }

    static byte[] encode(SourceRhythm rhythm) {
        return ByteBuffer.allocate(SIZE)
                .putLong(rhythm.lastSeenAt())
                .putDouble(rhythm.meanGapMs())
                .putDouble(rhythm.longGapMs())
                .putInt(rhythm.articles())
                .putLong(rhythm.silentSince())
                .array();
    }

    static SourceRhythm decode(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("source rhythm of " + bytes.length + " bytes, expected " + SIZE);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new SourceRhythm(buffer.getLong(), buffer.getDouble(), buffer.getDouble(), buffer.getInt(),
                buffer.getLong());
    }
}
