package io.mediamonitor.tools.evaluation;

import io.mediamonitor.alerts.detect.*;

import static io.mediamonitor.tools.evaluation.TermScript.DAY;
import static io.mediamonitor.tools.evaluation.TermScript.HOUR;
import static io.mediamonitor.tools.evaluation.TermScript.MINUTE;
import static io.mediamonitor.tools.evaluation.TermScript.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A feed's history read at start-up reaches windows the baseline has already learned. Given what it learned
 * from each, the detector takes the difference in, and ends where learning the complete windows in order
 * would have left it.
 */
class BackfillTest {

    private static final long ADVANCE = 10 * MINUTE;
    private static final long SIZE = HOUR;
    private static final long HISTORY = 6 * HOUR;
    private final SpikeDetector detector = new SpikeDetector(DetectorConfig.defaults());

    @Test
    void lateArticlesOfClosedWindowsFillTheBaselineAsIfTheyHadArrivedInTime() {
        long start = T0 + 3 * DAY;
        // the whole history: 12 stories an hour from 6 sources among 120
        Run inOrder = new Run(start);
        inOrder.windows(start, start + HISTORY, 12, 6, 120);

        // first the feeds that cover the term most (10 of 60 stories), in order; then the others, late
        Run late = new Run(start);
        late.windows(start, start + HISTORY, 10, 4, 60);
        late.windows(start, start + HISTORY, 12, 6, 120);

        Run ignored = new Run(start);
        ignored.keep = false;
        ignored.windows(start, start + HISTORY, 10, 4, 60);
        ignored.windows(start, start + HISTORY, 12, 6, 120);

        assertThat(late.state.foldedUpTo()).isEqualTo(inOrder.state.foldedUpTo());
        double expected = inOrder.expected();
        assertThat(late.expected()).isCloseTo(expected, withPercentage(1));
        assertThat(late.state.sources()).isCloseTo(inOrder.state.sources(), withPercentage(1));
        assertThat(late.state.exposure()).isCloseTo(inOrder.state.exposure(), withPercentage(1));
        assertThat(ignored.expected()).as("without what was learned, the feeds read first set the baseline")
                .isGreaterThan(expected * 1.3);
    }

    /** One term's hourly windows, every advance, each with the same count in the same volume. */
    private final class Run {
        TermState state;
        boolean keep = true;
        final Map<Long, LearnedWindow> learned = new HashMap<>();

        Run(long watchedSince) {
            state = detector.initialState(watchedSince);
        }

        void windows(long from, long to, int stories, int sources, double volume) {
            for (long w = from; w + SIZE <= to; w += ADVANCE) {
                WindowObservation obs = new WindowObservation("country:ML", w, w + SIZE, stories, stories,
                        sources, 0, volume, w + SIZE, w + SIZE);
                Decision d = detector.evaluate(state, obs, keep ? learned.get(w) : null);
                d.learned().forEach(l -> learned.put(l.windowStart(), l));
                state = d.state();
            }
            // stream time moves on until every window of the history has closed
            Decision d = detector.tick("country:ML", state, to + detector.config().graceMs());
            d.learned().forEach(l -> learned.put(l.windowStart(), l));
            state = d.state();
        }

        double expected() {
            return detector.expected(state, 120).mean();
        }
    }
}
