package io.loyalty.experiment;

import io.loyalty.internal.Checks;
import java.util.Arrays;

/**
 * A sample-ratio-mismatch check: observed arm counts against the planned weights.
 *
 * @param observed the observed count per arm
 * @param weights the planned weights
 * @param test the chi-square goodness-of-fit test
 * @param threshold the p-value below which a mismatch is flagged
 * @since 0.1
 */
public record SampleRatioCheck(long[] observed, double[] weights, ChiSquareTest.Result test, double threshold) {
    /**
     * Copies the arrays in.
     *
     * @param observed the counts
     * @param weights the weights
     * @param test the test
     * @param threshold the threshold
     */
    public SampleRatioCheck {
        observed = Checks.notNull(observed, "observed").clone();
        weights = Checks.finite(weights, "weights").clone();
        Checks.notNull(test, "test");
        Checks.openUnit(threshold, "threshold");
    }

    /**
     * The observed counts (a copy).
     *
     * @return the counts
     */
    @Override
    public long[] observed() {
        return observed.clone();
    }

    /**
     * The planned weights (a copy).
     *
     * @return the weights
     */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    /**
     * Whether the arms' sizes are inconsistent with the plan ({@code p < threshold}): the randomization or
     * the logging is broken and the readout should not be trusted.
     *
     * @return the flag
     */
    public boolean mismatch() {
        return test.pValue() < threshold;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampleRatioCheck && Arrays.equals(((SampleRatioCheck) o).observed, observed)
                && Arrays.equals(((SampleRatioCheck) o).weights, weights) && ((SampleRatioCheck) o).test.equals(test)
                && Double.compare(((SampleRatioCheck) o).threshold, threshold) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(observed) * 31 + test.hashCode();
    }

    @Override
    public String toString() {
        return Checks.format("Sample ratio %s vs planned %s: %s, %s", Arrays.toString(observed),
                Arrays.toString(weights), test, mismatch() ? "MISMATCH" : "ok");
    }
}
