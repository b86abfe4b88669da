package io.mediamonitor.tools.bench;

import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The straight line that fits a soak's tenths best (least squares over their order). On this machine one tenth can
 * run a fifth slower than the next for reasons of its own, so the goal's ratio of the last tenth to the first says
 * as much about two moments as about state growing; the line weighs all ten.
 *
 * @param perTenth            the slope, a share of the tenths' mean per tenth (−0.01: one percent less each tenth)
 * @param low                 the lower end of its 95 % interval, the same unit
 * @param high                the upper end
 * @param fittedLastOverFirst the line at the last tenth over the line at the first
 */
record SoakTrend(double perTenth, double low, double high, double fittedLastOverFirst) {

    /** The trend of {@code values}, one per tenth in order, or null with fewer than three: no interval from two. */
    static SoakTrend of(List<Double> values) {
        if (values.size() < 3) {
            return null;
        }
        SimpleRegression line = new SimpleRegression();
        double sum = 0;
        for (int i = 0; i < values.size(); i++) {
            line.addData(i + 1, values.get(i));
            sum += values.get(i);
        }
        double mean = sum / values.size();
        double slope = line.getSlope();
        double halfWidth = line.getSlopeConfidenceInterval(); // 95 %, from Student's t with n − 2 degrees of freedom
        double first = line.predict(1);
        double last = line.predict(values.size());
        return new SoakTrend(slope / mean, (slope - halfWidth) / mean, (slope + halfWidth) / mean, last / first);
    }

    /** E.g. "−0.8 % a tenth (95 % interval −2.6 to +1.1 %)". */
    String describe() {
        return String.format("%+.1f %% a tenth (95 %% interval %+.1f to %+.1f %%)", 100 * perTenth, 100 * low,
                100 * high).replace("-", "−");
    }
}
