package io.loyalty.clv;

import java.util.Arrays;

/**
 * The power series of {@code 2F1(A, B; C; z) = sum_n c_n z^n} with the coefficients {@code c_n} computed once and
 * shared by every z: the closed form of the BG/NBD and MBG/NBD expectation needs one 2F1 per customer, with A, B,
 * C fixed by the model and the customer's frequency and z varying with the customer's age. Computing the
 * coefficients once per frequency leaves a few multiplications and additions per term and customer, and no
 * division.
 *
 * <p>The value at z depends only on the coefficients (the same recurrence from c_0 = 1 whatever the length
 * computed) and on z: the terms are added in blocks of {@value #BLOCK} (each block summed, then added to the
 * total, which keeps the rounding of a long series to a few ulps without compensated summation) until a block
 * ends in a term below {@code 1e-17} of the sum whose tail is bounded below that too. So a series built for a
 * larger z gives, at a smaller z, the very value of a series built for that z: predictions do not depend on how
 * customers are grouped.
 */
final class SharedSeries {
    /** Terms per block. */
    static final int BLOCK = 8;
    /** A term below this fraction of the sum (with its tail) ends the series, as in {@code Hypergeometric2F1}. */
    private static final double EPS = 1e-17;
    /** Longer series are not built: the callers' integral is then the better path. */
    private static final int MAX_TERMS = 1 << 13;

    private final double a;
    private final double b;
    private final double c;
    /** The tail bound's coefficients: max(0, A + B - C - 1) and max(0, A B - C). */
    private final double p;
    private final double q;
    /** c_n, zero-padded to whole blocks. */
    private final double[] coef;
    /** Whether the coefficients end (A or B a non-positive integer): then every block is summed. */
    private final boolean polynomial;

    private SharedSeries(double a, double b, double c, double[] coef, boolean polynomial) {
        this.a = a;
        this.b = b;
        this.c = c;
        this.p = Math.max(0, a + b - c - 1);
        this.q = Math.max(0, a * b - c);
        this.coef = coef;
        this.polynomial = polynomial;
    }

    /**
     * The series of {@code 2F1(a, b; c; z)} with enough coefficients for every {@code 0 <= z <= zMax}, or null
     * when it would need more than {@value #MAX_TERMS} terms or a coefficient is not finite.
     */
    static SharedSeries upTo(double a, double b, double c, double zMax) {
        double[] coef = new double[4 * BLOCK];
        coef[0] = 1;
        boolean polynomial = false;
        for (int n = 1; ; n += BLOCK) {
            for (int k = n; k < n + BLOCK; k++) {
                double numerator = (a + k - 1) * (b + k - 1);
                coef[k] = polynomial ? 0 : coef[k - 1] * (numerator / ((c + k - 1) * k));
                polynomial |= numerator == 0;
                if (!(Math.abs(coef[k]) < Double.POSITIVE_INFINITY)) {
                    return null;
                }
            }
            if (polynomial) {
                return new SharedSeries(a, b, c, Arrays.copyOf(coef, n + BLOCK), true);
            }
            if (n + 2 * BLOCK > coef.length) {
                // Whole blocks so far: converged at zMax (then at every smaller z), else twice as many.
                SharedSeries s = new SharedSeries(a, b, c, coef, false);
                if (!Double.isNaN(s.value(zMax))) {
                    return s;
                }
                if (coef.length >= MAX_TERMS) {
                    return null;
                }
                coef = Arrays.copyOf(coef, 2 * coef.length);
            }
        }
    }

    /**
     * {@code 2F1(A, B; C; z)} for {@code 0 <= z <= zMax} of {@link #upTo}; NaN beyond (the coefficients run out
     * before the series converges).
     */
    double value(double z) {
        return sum(z, false);
    }

    /**
     * The sum at z, block by block until it has converged (NaN if the coefficients run out first); with
     * {@code count}, how many coefficients that took instead (-1 if they run out), for {@link #derivative}.
     */
    private double sum(double z, boolean count) {
        int length = coef.length;
        double z2 = z * z;
        double z3 = z2 * z;
        double z4 = z2 * z2;
        double z5 = z4 * z;
        double z6 = z4 * z2;
        double z7 = z4 * z3;
        double z8 = z4 * z4;
        double sum = 1;
        double power = 1;
        for (int n = 1; n + BLOCK <= length; n += BLOCK) {
            double block = ((coef[n] * z + coef[n + 1] * z2) + (coef[n + 2] * z3 + coef[n + 3] * z4))
                    + ((coef[n + 4] * z5 + coef[n + 5] * z6) + (coef[n + 6] * z7 + coef[n + 7] * z8));
            double last = coef[n + 7] * z8 * power;
            sum += block * power;
            power *= z8;
            if (polynomial && n + BLOCK == length || Math.abs(last) <= EPS * Math.abs(sum)
                    && tailSmall(z, n + BLOCK - 1, last, sum)) {
                return count ? n + BLOCK : sum;
            }
        }
        if (polynomial) {
            return count ? length : sum;
        }
        return count ? -1 : Double.NaN;
    }

    /**
     * {@code F'(z) = sum n c_n z^(n-1)} over the terms that {@link #value} sums at z (so the same value whatever
     * length the series was built to), NaN where {@link #value} is. Its tail is at most about n/z times the value's,
     * which is ample where it serves: the slope at an expansion point, multiplied there by |h| &lt;= 1/128.
     */
    double derivative(double z) {
        int length = (int) sum(z, true);
        if (length < 0) {
            return Double.NaN;
        }
        double sum = 0;
        double power = 1;
        for (int n = 1; n < length; n++) {
            sum += n * coef[n] * power;
            power *= z;
        }
        return sum;
    }

    /**
     * Whether the terms after term {@code m} add less than EPS relative: once A + m, B + m and C + m are
     * positive, every later term ratio z (A+j)(B+j) / ((C+j)(j+1)), j &gt;= m, is positive and at most
     * z (1 + P/(m+1) + Q/((C+m)(m+1))), which decreases in m.
     */
    private boolean tailSmall(double z, int m, double last, double sum) {
        if (!(a + m > 0 && b + m > 0 && c + m > 0)) {
            return last == 0 && polynomial;
        }
        double rho = z * (1 + p / (m + 1.0) + q / ((c + m) * (m + 1.0)));
        return rho < 1 && Math.abs(last) * rho <= EPS * Math.abs(sum) * (1 - rho);
    }

    /**
     * The sum of the absolute values of the terms that {@link #value} sums at z (the series' condition: this over
     * |value|; the same whatever length the series was built to), NaN where {@link #value} is.
     */
    double absoluteSum(double z) {
        int length = (int) sum(z, true);
        if (length < 0) {
            return Double.NaN;
        }
        double sum = 1;
        double power = 1;
        for (int n = 1; n < length; n++) {
            power *= z;
            sum += Math.abs(coef[n]) * power;
        }
        return sum;
    }
}
