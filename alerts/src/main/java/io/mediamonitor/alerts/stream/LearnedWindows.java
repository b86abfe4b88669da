package io.mediamonitor.alerts.stream;

import io.mediamonitor.alerts.detect.LearnedWindow;
import io.mediamonitor.kafka.state.WriteBehind;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Where the spike watcher keeps what each term's baseline learned from each closed window, by window start,
 * for as long as late articles can still change the window: enrich's lateness, judged by its watermark, which may
 * stay behind the newest time this job has seen by up to the watermark lag.
 */
final class LearnedWindows {

    static final String STORE = "learned-windows";
    private static final byte VERSION = 1;
    private static final int BYTES = 1 + 8 + 4 + 4 + 8 + 1 + 8 + 8;
    /** Learned windows a task keeps decoded between commits: the open windows of its busiest terms. */
    static final int KEPT_WINDOWS = 10_000;

    private LearnedWindows() {
    }

    static StoreBuilder<WindowStore<String, LearnedWindow>> store(AlertSettings settings) {
        Duration window = Duration.ofMillis(settings.detector().windowSizeMs());
        Duration kept = window.plus(Duration.ofMillis(settings.detector().graceMs())).plus(changing(settings));
        // rewritten by every count of the term: kept decoded, written once per commit
        return WriteBehind.window(Stores.windowStoreBuilder(settings.stateStore().window(STORE, kept, window),
                Serdes.String(), serde()), KEPT_WINDOWS);
    }

    /**
     * Whether a late article can still change the window, by this job's stream time: until its end plus the lateness
     * and the watermark lag.
     */
    static boolean stillOpen(LearnedWindow learned, AlertSettings settings, long streamTime) {
        return learned.windowStart() + settings.detector().windowSizeMs() + changing(settings).toMillis() > streamTime;
    }

    /** How long after its end, by the newest time seen, a window's count may still change. */
    private static Duration changing(AlertSettings settings) {
        return settings.lateness().plus(settings.watermarkLag());
    }

    static Serde<LearnedWindow> serde() {
        return Serdes.serdeFrom((topic, w) -> w == null ? null : ByteBuffer.allocate(BYTES).put(VERSION)
                .putLong(w.windowStart()).putInt(w.count()).putInt(w.sources()).putDouble(w.volume())
                .put((byte) (w.elevated() ? 1 : 0)).putDouble(w.exposurePerVolume()).putDouble(w.meanPerVolume())
                .array(), (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    if (bytes.length != BYTES || bytes[0] != VERSION) {
                        throw new SerializationException("cannot read a learned window of " + bytes.length
                                + " bytes, format version " + (bytes.length > 0 ? bytes[0] : -1));
                    }
                    ByteBuffer b = ByteBuffer.wrap(bytes, 1, BYTES - 1);
                    return new LearnedWindow(b.getLong(), b.getInt(), b.getInt(), b.getDouble(), b.get() == 1,
                            b.getDouble(), b.getDouble());
                });
    }
}
