package io.mediamonitor.alerts.stream;

import io.mediamonitor.alerts.detect.PublishingProfile;
import io.mediamonitor.alerts.detect.SourceRhythm;
import java.nio.ByteBuffer;

/**
 * Fixed-size bytes for a source's rhythm in the state store: a format byte, the counters, then the
 * profile's 24 hours and 7 days with their update counts (433 bytes).
 */
final class SourceRhythmCodec {

    private static final byte FORMAT = 2;
    /** The first format (gap averages, no profile): read as a source to learn again. */
    private static final int FORMAT_1_SIZE = 36;
    private static final int HOURS = 24;
    private static final int DAYS = 7;
    private static final int SIZE = 1 + 6 * Long.BYTES + 3 * Integer.BYTES
            + HOURS * (Double.BYTES + Integer.BYTES) + DAYS * (Double.BYTES + Integer.BYTES);

    private SourceRhythmCodec() {
    }

    static byte[] encode(SourceRhythm rhythm) {
        ByteBuffer buffer = ByteBuffer.allocate(SIZE)
                .put(FORMAT)
                .putLong(rhythm.lastSeenAt())
                .putLong(rhythm.lastEventAt())
                .putInt(rhythm.events())
                .putLong(rhythm.hour())
                .putInt(rhythm.hourEvents())
                .putLong(rhythm.day())
                .putInt(rhythm.dayEvents())
                .putLong(rhythm.silentSince())
                .putLong(rhythm.silentFrom());
        PublishingProfile p = rhythm.profile();
        double[] perHour = p.perHour();
        int[] hourUpdates = p.hourUpdates();
        double[] perDay = p.perWeekday();
        int[] dayUpdates = p.weekdayUpdates();
        for (int h = 0; h < HOURS; h++) {
            buffer.putDouble(perHour[h]).putInt(hourUpdates[h]);
        }
        for (int d = 0; d < DAYS; d++) {
            buffer.putDouble(perDay[d]).putInt(dayUpdates[d]);
        }
        return buffer.array();
    }

    static SourceRhythm decode(byte[] bytes) {
        if (bytes.length == FORMAT_1_SIZE) {
            return SourceRhythm.initial();
        }
        if (bytes.length != SIZE || bytes[0] != FORMAT) {
            throw new IllegalArgumentException("source rhythm of " + bytes.length + " bytes, expected " + SIZE);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        long lastSeenAt = buffer.getLong();
        long lastEventAt = buffer.getLong();
        int events = buffer.getInt();
        long hour = buffer.getLong();
        int hourEvents = buffer.getInt();
        long day = buffer.getLong();
        int dayEvents = buffer.getInt();
        long silentSince = buffer.getLong();
        long silentFrom = buffer.getLong();
        double[] perHour = new double[HOURS];
        int[] hourUpdates = new int[HOURS];
        for (int h = 0; h < HOURS; h++) {
            perHour[h] = buffer.getDouble();
            hourUpdates[h] = buffer.getInt();
        }
        double[] perDay = new double[DAYS];
        int[] dayUpdates = new int[DAYS];
        for (int d = 0; d < DAYS; d++) {
            perDay[d] = buffer.getDouble();
            dayUpdates[d] = buffer.getInt();
        }
        return new SourceRhythm(lastSeenAt, lastEventAt, events, hour, hourEvents, day, dayEvents,
                PublishingProfile.of(perHour, hourUpdates, perDay, dayUpdates), silentSince, silentFrom);
    }
}
