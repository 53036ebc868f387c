package io.loyalty.clv;

import io.loyalty.internal.Checks;
import java.util.HashMap;
import java.util.Map;

/** Expected frequency histograms from P(X(t) = n), grouped by distinct age. */
final class FrequencyCounts {
    interface Probability {
        double of(int n, double t);
    }

    private FrequencyCounts() {
    }

    static double[] expected(double[] age, int maxFrequency, Probability p) {
        Checks.notNull(age, "T");
        Checks.require(maxFrequency >= 1, "maxFrequency must be >= 1, got %d", maxFrequency);
        Map<Double, Integer> counts = new HashMap<>();
        for (int i = 0; i < age.length; i++) {
            double t = age[i];
            if (!(t >= 0 && t < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(Checks.format("T at row %d must be finite and >= 0, got %s", i, t));
            }
            counts.merge(t + 0.0, 1, Integer::sum);
        }
        double[] out = new double[maxFrequency + 1];
        for (Map.Entry<Double, Integer> e : counts.entrySet()) {
            double rest = 1;
            for (int n = 0; n < maxFrequency; n++) {
                double pn = p.of(n, e.getKey());
                out[n] += e.getValue() * pn;
                rest -= pn;
            }
            out[maxFrequency] += e.getValue() * Math.max(0, rest);
        }
        return out;
    }
}
