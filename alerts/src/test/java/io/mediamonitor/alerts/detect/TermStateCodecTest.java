package io.mediamonitor.alerts.detect;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TermStateCodecTest {

    private final DetectorConfig config = DetectorConfig.defaults();

    private TermState withRhythm() {
        WorkingState w = new WorkingState(TermState.initial(config));
        w.rhythm = DailyRhythm.NONE.learn(1_767_600_000_000L, 3.5, 10, config.rhythmDiscount());
        w.stories = 42;
        return w.freeze();
    }

    @Test
    void roundTripsTheTermsRhythm() {
        TermState state = withRhythm();

        TermState decoded = TermStateCodec.decode(TermStateCodec.encode(state));

        assertThat(decoded).isEqualTo(state);
        assertThat(decoded.rhythm()).isNotEqualTo(DailyRhythm.NONE);
    }

    @Test
    void readsAStateWrittenBeforeTheRhythmAsATermWithNoRhythmOfItsOwn() {
        byte[] current = TermStateCodec.encode(withRhythm());
        // Version 1 was the same layout without the rhythm's five floats at the end.
        byte[] version1 = Arrays.copyOf(current, current.length - 5 * Float.BYTES);
        version1[0] = 1;

        TermState decoded = TermStateCodec.decode(version1);

        assertThat(decoded.stories()).isEqualTo(42);
        assertThat(decoded.rhythm()).isEqualTo(DailyRhythm.NONE);
    }
}
