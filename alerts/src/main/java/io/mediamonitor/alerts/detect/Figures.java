package io.mediamonitor.alerts.detect;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Numbers as people read them in alerts: the precision they have, no more and no less. */
public final class Figures {

    private Figures() {
    }

    /** Two significant digits under ten (0.02, 0.4, 3.1), whole numbers from ten: an expectation of 0.02 is not 0. */
    public static String count(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        if (Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value).round(new MathContext(2, RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString();
    }
}
