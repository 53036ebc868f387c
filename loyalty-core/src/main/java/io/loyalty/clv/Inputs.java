package io.loyalty.clv;

import io.loyalty.internal.Checks;
import java.util.function.DoubleUnaryOperator;

/** Argument checks of the scalar prediction methods, and the one numerical guard they share. */
final class Inputs {
    private Inputs() {
    }

    static double horizon(double t) {
        if (!(t >= 0 && t < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(Checks.format("t must be finite and >= 0, got %s", t));
        }
        return t;
    }

    static void customer(double frequency, double recency, double age) {
        customer(frequency, recency, age, -1);
    }

    /** The checks of one customer's history; {@code row} &gt;= 0 is named in the message. */
    static void customer(double frequency, double recency, double age, int row) {
        String at = row < 0 ? "" : Checks.format(" at row %d", row);
        if (!(frequency >= 0 && frequency == Math.rint(frequency) && frequency < Integer.MAX_VALUE)) {
            throw new IllegalArgumentException(Checks.format(
                    "frequency%s must be a whole number >= 0, got %s", at, frequency));
        }
        if (!(age >= 0 && age < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(Checks.format("T%s must be finite and >= 0, got %s", at, age));
        }
        if (!(recency >= 0 && recency <= age)) {
            throw new IllegalArgumentException(Checks.format("recency%s must lie in [0, T] (0..%s), got %s", at,
                    age, recency));
        }
        if (frequency == 0 && recency != 0) {
            throw new IllegalArgumentException(Checks.format(
                    "recency%s must be 0 when frequency is 0, got %s", at, recency));
        }
    }

    static double parameter(double value, String name) {
        return Checks.positive(value, name);
    }

    /** Half-width of the band around 1 where {@link #acrossOne} interpolates. */
    private static final double NEAR_ONE = 1e-5;

    /**
     * {@code f(p)} for an expectation of the form g(p) / (p - 1) with g(1) = 0 (BG/NBD and MBG/NBD at a = 1, BG/BB
     * at gamma = 1): a removable singularity, 0/0 at p = 1 and digits lost to cancellation near it. Within 1e-5
     * of 1 the value is interpolated linearly between f(1 - 1e-5) and f(1 + 1e-5), where the formula is still
     * accurate to about 1e-11; the interpolation error is of the order 1e-10.
     */
    static double acrossOne(double p, DoubleUnaryOperator f) {
        if (Math.abs(p - 1) >= NEAR_ONE) {
            return f.applyAsDouble(p);
        }
        double lo = f.applyAsDouble(1 - NEAR_ONE);
        double hi = f.applyAsDouble(1 + NEAR_ONE);
        return lo + (p - (1 - NEAR_ONE)) / (2 * NEAR_ONE) * (hi - lo);
    }
}
