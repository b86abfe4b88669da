package io.mediamonitor.alerts.detect;

import java.time.Instant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/**
 * The detector's inner steps. Its behaviour on scripted term histories, windowed as enrich counts them, is tested
 * with the evaluation's simulation in tools ({@code SpikeScenariosTest}).
 */
class SpikeDetectorTest {

    private static final long T0 = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;

    private final SpikeDetector detector = new SpikeDetector(DetectorConfig.defaults());
    @Test
    void priorOfAnUnseenTermIsRareAndUncertain() {
        NegativeBinomial prior = detector.expected(null, Double.NaN);
        DetectorConfig c = detector.config();

        assertThat(prior.mean()).isEqualTo(c.priorStories() / c.priorWindows());
        assertThat(prior.dispersion()).isGreaterThanOrEqualTo(1.0 / c.minShape()); // rate uncertainty included
        assertThat(prior.upperTail(1)).isLessThan(0.05);
    }

    @Test
    void anOutlierTeachesTheDispersionNoMoreThanAResidualOfRobustSigmas() {
        DetectorConfig c = detector.config();
        NegativeBinomial expected = new NegativeBinomial(10, 0.05);
        NegativeBinomial expectedSources = new NegativeBinomial(6, 0.05);
        WorkingState w = new WorkingState(detector.initialState(T0));

        // A closed window of 60 stories against 10 expected, below the alert (say, sources too few).
        Baseline.learn(w, T0, 60, 6, Double.NaN, 1, expected, expectedSources, true, c);

        double bound = c.robustSigmas() * expected.sd() + 1;
        assertThat(w.excessVariance).isCloseTo(bound * bound - 10, offset(1e-9));
        assertThat(w.stories).isEqualTo(60); // the rate still learns the count itself
    }

    @Test
    void aRareTermsOrdinaryCountsAreNotClippedSoItsDispersionIsNotBiasedToTheFloor() {
        DetectorConfig c = detector.config();
        NegativeBinomial expected = new NegativeBinomial(0.05, 0.3);
        WorkingState w = new WorkingState(detector.initialState(T0));

        // One story against 0.05 expected is 4 standard deviations out, yet an ordinary count for such a term.
        Baseline.learn(w, T0, 1, 1, Double.NaN, 1, expected, expected, true, c);

        assertThat(w.excessVariance).isCloseTo(0.95 * 0.95 - 0.05, offset(1e-9));
    }

    @Test
    void aTermFirstSeenWeeksAfterItWasWatchedAlertsOnItsFirstBurstWhetherOrNotTheWindowsVolumeIsKnown() {
        // Its empty windows since then were folded without a volume, so its history is counted in windows. A
        // burst window that carries the stream's volume (as enrich's counts do) must be judged in the same unit:
        // a rate per window times 1,500 articles expected 0.74 stories where 0.02 are, and nothing was raised.
        long burstStart = T0 + 14 * 24 * HOUR;
        for (double volume : new double[] {Double.NaN, 1_500}) {
            TermState watched = detector.initialState(T0);
            WindowObservation burst = new WindowObservation("actor:new", burstStart, burstStart + HOUR, 20, 20, 20,
                    1, volume, Long.MIN_VALUE, burstStart + 40 * MINUTE);

            Decision decision = detector.evaluate(watched, burst);

            assertThat(detector.expected(decision.state(), volume).mean()).as("volume %s", volume)
                    .isLessThan(0.05);
            assertThat(decision.changes()).as("volume %s", volume).hasSize(1);
        }
    }

    @Test
    void onceItsFirstWindowWithAVolumeClosesTheHistoryIsCountedInArticles() {
        long start = T0 + 14 * 24 * HOUR;
        TermState watched = detector.initialState(T0);
        WindowObservation one = new WindowObservation("actor:new", start, start + HOUR, 1, 1, 1, 1, 1_500,
                Long.MIN_VALUE, start + HOUR - 1);
        TermState afterOne = detector.evaluate(watched, one).state();
        double windowsBefore = new WorkingState(afterOne).exposure;

        // a day later every window of that story has closed: the first one with a volume converted the history
        WorkingState later = new WorkingState(detector.tick("actor:new", afterOne, start + 24 * HOUR).state());

        assertThat(later.volumeMean).isCloseTo(1_500, offset(0.01)); // kept as a float in the ring
        assertThat(later.exposure).isGreaterThan(windowsBefore * 1_000);
    }

    @Test
    void theCusumAllowsForHowMuchCorrelatedHoursInflateASum() {
        assertThat(SpikeDetector.varianceRatio(0, 6)).isEqualTo(1);
        assertThat(SpikeDetector.varianceRatio(0.5, 1)).isEqualTo(1);
        // Two hours: 1 + 2 (1/2) rho.
        assertThat(SpikeDetector.varianceRatio(0.4, 2)).isCloseTo(1.4, offset(1e-12));
        // Long sums tend to the long-run factor (1 + rho) / (1 - rho) from below.
        assertThat(SpikeDetector.varianceRatio(0.4, 4)).isLessThan(SpikeDetector.varianceRatio(0.4, 400));
        assertThat(SpikeDetector.varianceRatio(0.4, 400)).isCloseTo(1.4 / 0.6, offset(0.01));
    }
}
