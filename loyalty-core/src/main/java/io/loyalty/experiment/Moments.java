package io.loyalty.experiment;

import io.loyalty.internal.ExactSum;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact sums of a cell's values and of their squares, from which its mean and centred sum of squares are
 * rounded once: so they do not depend on the order of the rows or on how the rows were split and merged.
 *
 * <p>Each square v&sup2; enters as the exact pair {@code p = v * v}, {@code fma(v, v, -p)}. Values of magnitude
 * 2<sup>400</sup> and above are summed as v &times; 2<sup>-600</sup> (and their squares as (v &times;
 * 2<sup>-600</sup>)&sup2;) in separate sums, so that no term, and no sum of up to 2<sup>200</sup> terms,
 * overflows; the scaling is exact.
 */
final class Moments {
    private static final double LARGE = 0x1p400;
    private static final int SCALE = 600;
    private static final BigDecimal TWO_600 = new BigDecimal(BigInteger.ONE.shiftLeft(SCALE));
    private static final BigDecimal TWO_1200 = new BigDecimal(BigInteger.ONE.shiftLeft(2 * SCALE));
    private static final MathContext CONTEXT = new MathContext(40);

    /** Sum of v, sum of v * 2^-600 (large values), sum of v^2, sum of (v * 2^-600)^2 (large values). */
    private final ExactSum[] sums = {new ExactSum(), new ExactSum(), new ExactSum(), new ExactSum()};

    private final ExactSum sum = sums[0];
    private final ExactSum squares = sums[2];

    /** Adds a finite value. */
    void add(double v) {
        if (Math.abs(v) < LARGE) {
            sum.add(v);
            double p = v * v;
            squares.add(p);
            squares.add(Math.fma(v, v, -p));
        } else {
            double w = Math.scalb(v, -SCALE);
            sums[1].add(w);
            double p = w * w;
            sums[3].add(p);
            sums[3].add(Math.fma(w, w, -p));
        }
    }

    /** Adds every value of another cell. */
    void add(Moments other) {
        for (int i = 0; i < sums.length; i++) {
            sums[i].add(other.sums[i]);
        }
    }

    /** A copy. */
    Moments copy() {
        Moments m = new Moments();
        m.add(this);
        return m;
    }

    /** The mean of {@code n} values, rounded once (finite: it lies between the smallest and largest value). */
    double mean(long n) {
        return total().divide(BigDecimal.valueOf(n), CONTEXT).doubleValue();
    }

    /** The centred sum of squares of {@code n} values, rounded once; may be infinite when it exceeds a double. */
    double sumOfSquares(long n) {
        BigDecimal s1 = total();
        BigDecimal s2 = exact(sums[2]).add(exact(sums[3]).multiply(TWO_1200));
        BigDecimal nn = BigDecimal.valueOf(n);
        BigDecimal centred = s2.multiply(nn).subtract(s1.multiply(s1)).divide(nn, CONTEXT);
        return Math.max(0, centred.doubleValue());
    }

    private BigDecimal total() {
        return exact(sums[0]).add(exact(sums[1]).multiply(TWO_600));
    }

    /** The exact value of a sum: its rounded value, then the rounded value of what remains, until nothing does. */
    private static BigDecimal exact(ExactSum s) {
        BigDecimal out = BigDecimal.ZERO;
        for (double r : expansion(s)) {
            out = out.add(new BigDecimal(r));
        }
        return out;
    }

    /** Finite doubles whose exact sum is the sum's value, largest first. */
    private static List<Double> expansion(ExactSum s) {
        ExactSum rest = new ExactSum();
        rest.add(s);
        List<Double> out = new ArrayList<>();
        for (double r = rest.value(); r != 0; r = rest.value()) {
            out.add(r);
            rest.add(-r);
        }
        return out;
    }

    /** The four sums as expansions of finite doubles: the serialized form. */
    double[][] terms() {
        double[][] out = new double[sums.length][];
        for (int i = 0; i < sums.length; i++) {
            out[i] = expansion(sums[i]).stream().mapToDouble(Double::doubleValue).toArray();
        }
        return out;
    }

    /** Sums rebuilt from {@link #terms()}; every term must be finite. */
    static Moments ofTerms(double[][] terms) {
        Moments m = new Moments();
        if (terms == null || terms.length != m.sums.length) {
            throw new IllegalArgumentException("expected " + m.sums.length + " sums of terms");
        }
        for (int i = 0; i < terms.length; i++) {
            if (terms[i] == null) {
                throw new IllegalArgumentException("sum " + i + " has no terms");
            }
            for (double t : terms[i]) {
                if (!Double.isFinite(t)) {
                    throw new IllegalArgumentException("sum " + i + " has a term " + t);
                }
                m.sums[i].add(t);
            }
        }
        return m;
    }
}
