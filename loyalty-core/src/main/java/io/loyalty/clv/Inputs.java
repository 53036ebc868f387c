package io.loyalty.clv;

import io.loyalty.internal.Checks;

/** Argument checks of the scalar prediction methods. */
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
        if (!(frequency >= 0 && frequency == Math.rint(frequency) && frequency < Integer.MAX_VALUE)) {
            throw new IllegalArgumentException(Checks.format(
                    "frequency must be a whole number >= 0, got %s", frequency));
        }
        if (!(age >= 0 && age < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(Checks.format("T must be finite and >= 0, got %s", age));
        }
        if (!(recency >= 0 && recency <= age)) {
            throw new IllegalArgumentException(Checks.format("recency must lie in [0, T] (0..%s), got %s", age,
                    recency));
        }
        if (frequency == 0 && recency != 0) {
            throw new IllegalArgumentException(Checks.format(
                    "recency must be 0 when frequency is 0, got %s", recency));
        }
    }

    static double parameter(double value, String name) {
        return Checks.positive(value, name);
    }
}
