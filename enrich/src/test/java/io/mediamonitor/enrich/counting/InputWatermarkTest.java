package io.mediamonitor.enrich.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InputWatermarkTest {

    private static final long HOUR = 3_600_000L;
    private static final long IDLE = 300_000L;
    private static final long LAG = 47 * HOUR;
    private static final long START = 1_000_000L;
    private static final long DAY = 24 * HOUR;

    /** Two inputs seen in the start-up's first second, at {@code first} and {@code second}. */
    private static InputWatermark startedWith(long first, long second) {
        InputWatermark watermark = new InputWatermark(IDLE, LAG, Long.MIN_VALUE, START, 0);
        watermark.observe(0, first, START + 1_000);
        watermark.observe(1, second, START + 1_000);
        return watermark;
    }

    @Test
    void anUnnamedInputIsTheOnlyOneTheWatermarkIsTheNewestTimeSeen() {
        InputWatermark watermark = new InputWatermark(IDLE, LAG, Long.MIN_VALUE, START, 0);
        assertThat(watermark.observe(InputWatermark.UNNAMED, 10 * HOUR, START)).isEqualTo(10 * HOUR);
        // an older article does not move it back
        assertThat(watermark.observe(InputWatermark.UNNAMED, 2 * HOUR, START)).isEqualTo(10 * HOUR);
        assertThat(watermark.observe(InputWatermark.UNNAMED, 11 * HOUR, START)).isEqualTo(11 * HOUR);
    }

    @Test
    void rightAfterTheStartAnInputNotSeenYetMayComeSoTheWatermarkWaitsAsLongAsTheLagAllows() {
        InputWatermark watermark = new InputWatermark(IDLE, LAG, Long.MIN_VALUE, START, 0);
        // one partition runs through its whole week before any other has brought anything
        for (long t = 0; t <= 7 * DAY; t += HOUR) {
            watermark.observe(0, t, START + 1_000);
        }
        assertThat(watermark.current()).isEqualTo(7 * DAY - LAG);
    }

    @Test
    void onceEveryExpectedInputHasComeTheStartUpIsOver() {
        InputWatermark watermark = new InputWatermark(IDLE, LAG, Long.MIN_VALUE, START, 2);
        assertThat(watermark.observe(0, 5 * DAY, START + 1_000)).isEqualTo(5 * DAY - LAG);
        assertThat(watermark.observe(1, 4 * DAY, START + 2_000)).isEqualTo(4 * DAY);
        // one input, as the test driver has: the watermark is its newest time from the first article
        InputWatermark single = new InputWatermark(IDLE, LAG, Long.MIN_VALUE, START, 1);
        assertThat(single.observe(0, 5 * DAY, START)).isEqualTo(5 * DAY);
    }

    @Test
    void onceTheStartIsPastTheWatermarkIsTheLeastOfTheNewestTimesOfTheInputs() {
        InputWatermark watermark = startedWith(5 * DAY, 4 * DAY);
        assertThat(watermark.current()).as("within the start-up").isEqualTo(5 * DAY - LAG);
        long now = START + IDLE + 1;
        assertThat(watermark.observe(1, 4 * DAY + HOUR, now)).isEqualTo(4 * DAY + HOUR);
        assertThat(watermark.observe(1, 6 * DAY, now)).isEqualTo(5 * DAY);
    }

    @Test
    void anInputQuietForTheIdleTimeNoLongerHoldsItBack() {
        InputWatermark watermark = startedWith(5 * DAY, 5 * DAY - 10 * HOUR);
        assertThat(watermark.observe(0, 5 * DAY + HOUR, START + IDLE + 1)).isEqualTo(5 * DAY - 10 * HOUR);
        // input 1 last seen a second after the start: idle once the idle time has passed since
        assertThat(watermark.observe(0, 5 * DAY + 2 * HOUR, START + 1_000 + IDLE + 1)).isEqualTo(5 * DAY + 2 * HOUR);
        // back with an old article: the watermark does not move back
        assertThat(watermark.observe(1, 5 * DAY - 9 * HOUR, START + 2_000 + IDLE)).isEqualTo(5 * DAY + 2 * HOUR);
    }

    @Test
    void aPauseOfEveryInputIsNoInputsSilence() {
        // a backlog: input 1 ten hours behind input 0
        InputWatermark watermark = startedWith(5 * DAY, 5 * DAY - 10 * HOUR);
        long now = START + IDLE + 1;
        assertThat(watermark.observe(1, 5 * DAY - 9 * HOUR, now)).isEqualTo(5 * DAY - 9 * HOUR);
        // the task stalls for ten minutes (a broker outage, a rebalance); input 0 comes back first
        now += 2 * IDLE;
        assertThat(watermark.observe(0, 5 * DAY + HOUR, now)).as("input 1 is behind, not idle")
                .isEqualTo(5 * DAY - 9 * HOUR);
        // input 0 brings an article a minute while input 1 brings nothing: idle once the idle time has passed
        long newest = 5 * DAY + HOUR;
        for (long minute = 1; minute * 60_000 <= IDLE; minute++) {
            newest += 60_000;
            assertThat(watermark.observe(0, newest, now + minute * 60_000)).isEqualTo(5 * DAY - 9 * HOUR);
        }
        newest += 60_000;
        assertThat(watermark.observe(0, newest, now + IDLE + 60_000)).isEqualTo(newest);
    }

    @Test
    void itIsNeverFurtherBehindTheNewestTimeThanTheLag() {
        InputWatermark watermark = startedWith(10 * DAY, DAY);
        assertThat(watermark.observe(1, DAY + HOUR, START + IDLE + 1)).isEqualTo(10 * DAY - LAG);
    }

    @Test
    void aRestartKeepsTheWatermarkItHadReached() {
        InputWatermark watermark = new InputWatermark(IDLE, LAG, 6 * DAY, START, 0);
        assertThat(watermark.current()).isEqualTo(6 * DAY);
        assertThat(watermark.observe(2, 2 * DAY, START)).isEqualTo(6 * DAY);
    }

    @Test
    void refusesANonPositiveIdleTime() {
        assertThatThrownBy(() -> new InputWatermark(0, LAG, Long.MIN_VALUE, START, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
