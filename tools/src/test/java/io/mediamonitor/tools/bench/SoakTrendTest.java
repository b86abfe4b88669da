package io.mediamonitor.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SoakTrendTest {

    @Test
    void aSteadyDeclineIsItsSlopeAsAShareOfTheMeanWithANarrowInterval() {
        // 2,000 falling by 20 a tenth: mean 1,910, slope −20, the line exact at both ends
        List<Double> tenths = List.of(2000.0, 1980.0, 1960.0, 1940.0, 1920.0, 1900.0, 1880.0, 1860.0, 1840.0, 1820.0);

        SoakTrend trend = SoakTrend.of(tenths);

        assertThat(trend.perTenth()).isCloseTo(-20 / 1910.0, within(1e-12));
        assertThat(trend.low()).isCloseTo(trend.perTenth(), within(1e-9));
        assertThat(trend.high()).isCloseTo(trend.perTenth(), within(1e-9));
        assertThat(trend.fittedLastOverFirst()).isCloseTo(1820 / 2000.0, within(1e-12));
        assertThat(trend.describe()).isEqualTo("−1.0 % a tenth (95 % interval −1.0 to −1.0 %)");
    }

    @Test
    void tenthsThatOnlyScatterHaveAnIntervalAroundNoTrendAtAll() {
        // the first tenth the fastest and the last among the slow ones, as in a soak of the README, but no line
        List<Double> tenths = List.of(2121.0, 1737.0, 2208.0, 1969.0, 1669.0, 1820.0, 1794.0, 1977.0, 1892.0, 1896.0);

        SoakTrend trend = SoakTrend.of(tenths);

        assertThat(tenths.get(9) / tenths.get(0)).as("the goal's two tenths alone").isLessThan(0.9);
        assertThat(trend.low()).isNegative();
        assertThat(trend.high()).as("no decline can be told from the scatter").isPositive();
        assertThat(trend.fittedLastOverFirst()).isBetween(0.9, 1.0);
    }

    @Test
    void fewerThanThreeTenthsHaveNoTrend() {
        assertThat(SoakTrend.of(List.of())).isNull();
        assertThat(SoakTrend.of(List.of(1.0, 2.0))).isNull();
    }
}
