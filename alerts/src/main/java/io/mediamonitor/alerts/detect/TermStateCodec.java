package io.mediamonitor.alerts.detect;

import io.mediamonitor.model.AlertKind;
import io.mediamonitor.model.Severity;

import java.nio.ByteBuffer;

/**
 * Compact binary form of {@link TermState} for a Kafka Streams state store: a version byte, then fixed
 * fields in order. Enum values are stored by name order and -1 for null; a new layout takes a new version
 * byte and keeps decoding the old ones.
 */
public final class TermStateCodec {

    /** 2 added the term's daily rhythm; 1 is still read, as a term with no rhythm of its own yet. */
    static final byte VERSION = 2;
    private static final int FIXED_BYTES = 1 + 12 * 8 + 2 * 8 + 4 + 1 + 8 + 1 + 1 + 4 + 4 + 8 + 4 + 8 + 5 * 4;

    private TermStateCodec() {
    }

    public static byte[] encode(TermState s) {
        int slots = s.ringCounts().length;
        ByteBuffer b = ByteBuffer.allocate(FIXED_BYTES + slots * 12);
        b.put(VERSION);
        b.putDouble(s.stories()).putDouble(s.exposure()).putDouble(s.excessVariance()).putDouble(s.meanSquares())
                .putDouble(s.sources()).putDouble(s.sourcesExcessVariance()).putDouble(s.sourcesMeanSquares())
                .putDouble(s.volumeMean()).putDouble(s.cusum()).putDouble(s.recovery())
                .putDouble(s.lastResidual()).putDouble(s.residualLag());
        b.putLong(s.foldedUpTo()).putLong(s.streamTime());
        b.putInt(slots);
        for (int i = 0; i < slots; i++) {
            b.putInt(s.ringCounts()[i]).putInt(s.ringSources()[i]).putFloat(s.ringVolumes()[i]);
        }
        b.put((byte) s.phase().ordinal());
        b.putLong(s.alertWindowStart());
        b.put(s.alertKind() == null ? -1 : (byte) s.alertKind().ordinal());
        b.put(s.severity() == null ? -1 : (byte) s.severity().ordinal());
        b.putInt(s.revision()).putInt(s.peakObserved()).putLong(s.lastElevatedAt()).putInt(s.quietWindows())
                .putLong(s.resolvedAt());
        DailyRhythm r = s.rhythm();
        b.putFloat(r.sin()).putFloat(r.cos()).putFloat(r.sinSquares()).putFloat(r.cosSquares()).putFloat(r.cross());
        return b.array();
    }

    public static TermState decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        byte version = b.get();
        if (version != VERSION && version != 1) {
            throw new IllegalArgumentException("unknown TermState version " + version);
        }
        double stories = b.getDouble();
        double exposure = b.getDouble();
        double excess = b.getDouble();
        double squares = b.getDouble();
        double sourceSum = b.getDouble();
        double sourceExcess = b.getDouble();
        double sourceSquares = b.getDouble();
        double volume = b.getDouble();
        double cusum = b.getDouble();
        double recovery = b.getDouble();
        double lastResidual = b.getDouble();
        double residualLag = b.getDouble();
        long folded = b.getLong();
        long streamTime = b.getLong();
        int slots = b.getInt();
        if (slots < 0 || slots > 10_000) {
            throw new IllegalArgumentException("corrupt TermState ring size " + slots);
        }
        int[] counts = new int[slots];
        int[] sources = new int[slots];
        float[] volumes = new float[slots];
        for (int i = 0; i < slots; i++) {
            counts[i] = b.getInt();
            sources[i] = b.getInt();
            volumes[i] = b.getFloat();
        }
        TermState.AlertPhase phase = TermState.AlertPhase.values()[b.get()];
        long alertStart = b.getLong();
        byte kind = b.get();
        byte severity = b.get();
        int revision = b.getInt();
        int peak = b.getInt();
        long lastElevatedAt = b.getLong();
        int quietWindows = b.getInt();
        long resolvedAt = b.getLong();
        DailyRhythm rhythm = version == 1 ? DailyRhythm.NONE
                : new DailyRhythm(b.getFloat(), b.getFloat(), b.getFloat(), b.getFloat(), b.getFloat());
        return new TermState(stories, exposure, excess, squares, sourceSum, sourceExcess, sourceSquares, volume,
                cusum, recovery, lastResidual, residualLag, folded, streamTime, counts, sources, volumes, phase,
                alertStart, kind < 0 ? null : AlertKind.values()[kind],
                severity < 0 ? null : Severity.values()[severity], revision, peak, lastElevatedAt, quietWindows,
                resolvedAt, rhythm);
    }
}
