package io.mediamonitor.alerts.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediamonitor.alerts.detect.SilenceConfig;
import io.mediamonitor.alerts.detect.SilenceDetector;
import io.mediamonitor.alerts.detect.SourceRhythm;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class SourceRhythmCodecTest {

    @Test
    void a_learned_rhythm_comes_back_whole() {
        SilenceDetector detector = new SilenceDetector(SilenceConfig.defaults());
        SourceRhythm s = null;
        for (long t = 0; t < 4 * 86_400_000L; t += 17 * 60_000L) {
            s = detector.onArticle("source:x", s, t).state();
        }
        s = detector.check("source:x", s, s.lastSeenAt() + 86_400_000L).state();
        assertThat(s.silent()).isTrue();

        SourceRhythm back = SourceRhythmCodec.decode(SourceRhythmCodec.encode(s));
        assertThat(back).isEqualTo(s);
        assertThat(detector.alarmAt(back)).isEqualTo(detector.alarmAt(s));
    }

    @Test
    void a_rhythm_stored_by_the_previous_version_is_learned_again_and_garbage_is_refused() {
        byte[] previous = ByteBuffer.allocate(36).putLong(1_000L).putDouble(60_000).putDouble(3_600_000).putInt(50)
                .putLong(Long.MIN_VALUE).array();
        assertThat(SourceRhythmCodec.decode(previous)).isEqualTo(SourceRhythm.initial());
        assertThatThrownBy(() -> SourceRhythmCodec.decode(new byte[7])).isInstanceOf(IllegalArgumentException.class);
    }
}
