package io.mediamonitor.alerts.detect;

/**
 * A term's own daily rhythm against the whole stream's. The stream's volume carries the common rhythm (the
 * outlets' day and night), but a term can peak at other hours: a country's news in its own daytime, a term
 * covered mostly by outlets of one time zone. Left out, that rhythm makes the term's peak hours look like
 * rises every day and its quiet hours hide them.
 *
 * <p>The expected count of a window is scaled by {@code 1 + a sin(angle) + b cos(angle)}, the angle being the
 * UTC time of day of the window's middle: a first harmonic, fitted by discounted weighted least squares to the
 * term's closed windows (weights: the expected count, as for Poisson counts) and shrunk towards no rhythm of its
 * own by a prior worth {@code prior} expected stories on each axis, so a rare term keeps the stream's rhythm.
 * The sums are those of the normal equations: {@code sin}, {@code cos} of (count - expected) times the axis,
 * and the expected count times the axes' squares and cross product, kept as floats (a term's state stays small).
 */
public record DailyRhythm(float sin, float cos, float sinSquares, float cosSquares, float cross) {

    /** No history: the stream's rhythm. */
    public static final DailyRhythm NONE = new DailyRhythm(0, 0, 0, 0, 0);

    private static final long DAY_MS = 24 * 3_600_000L;
    /** Bounds of the factor, so one odd week cannot make an hour's expectation absurd. */
    private static final double MIN_FACTOR = 1.0 / 3;
    private static final double MAX_FACTOR = 3;

    /** The factor at time {@code at} (epoch ms). */
    double factor(long at, double prior) {
        double p = sinSquares + prior;
        double q = cosSquares + prior;
        double det = p * q - cross * cross;
        if (!(det > 0)) {
            return 1;
        }
        double a = (sin * q - cos * cross) / det;
        double b = (cos * p - sin * cross) / det;
        double angle = angle(at);
        return Math.max(MIN_FACTOR, Math.min(MAX_FACTOR, 1 + a * Math.sin(angle) + b * Math.cos(angle)));
    }

    /**
     * With one closed window learned: {@code excess} is its count minus {@code usual}, the count expected
     * without this rhythm, at the window's middle {@code at}.
     */
    DailyRhythm learn(long at, double excess, double usual, double discount) {
        double angle = angle(at);
        double s = Math.sin(angle);
        double c = Math.cos(angle);
        return new DailyRhythm((float) (discount * sin + excess * s), (float) (discount * cos + excess * c),
                (float) (discount * sinSquares + usual * s * s), (float) (discount * cosSquares + usual * c * c),
                (float) (discount * cross + usual * s * c));
    }

    /** After windows it did not learn from (a long silence): its memory faded by {@code decay}. */
    DailyRhythm decayed(double decay) {
        return new DailyRhythm((float) (decay * sin), (float) (decay * cos), (float) (decay * sinSquares),
                (float) (decay * cosSquares), (float) (decay * cross));
    }

    private static double angle(long at) {
        return 2 * Math.PI * Math.floorMod(at, DAY_MS) / DAY_MS;
    }
}
