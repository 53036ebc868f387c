package io.loyalty.experiment;

import io.loyalty.internal.Checks;
import java.nio.charset.StandardCharsets;

/**
 * Deterministic assignment of customers to arms for an experiment key, with weights: the same id gets the same
 * arm on every JVM and every version of the library.
 *
 * <p>The hash (stable, documented, never to change): FNV-1a 64-bit (offset basis {@code 0xcbf29ce484222325},
 * prime {@code 0x100000001b3}) over the UTF-8 bytes of the experiment key, one separator byte {@code 0xff}
 * (which never occurs in UTF-8), then the UTF-8 bytes of the customer id; then the SplitMix64 finalizer
 * ({@code z ^= z >>> 30; z *= 0xbf58476d1ce4e5b9; z ^= z >>> 27; z *= 0x94d049bb133111eb; z ^= z >>> 31}).
 * The top 53 bits give {@code u} in [0, 1); the arm is the first {@code i} with {@code u < (w_0 + ... + w_i) / sum w}.
 * Different keys give independent assignments.
 *
 * <p>{@link #sampleRatioCheck} tests observed arm counts against the weights (chi-square goodness of fit),
 * flagging a sample-ratio mismatch below p = 0.001 by default.
 *
 * @since 0.1
 */
public final class Assignment {
    /** The default p-value below which a sample-ratio mismatch is flagged. */
    public static final double SRM_THRESHOLD = 0.001;

    private final String key;
    private final double[] weights;
    private final double[] cumulative;

    private Assignment(String key, double[] weights) {
        this.key = key;
        this.weights = weights;
        this.cumulative = new double[weights.length];
        // Scaled: two weights of 1e308 would make the total infinite and send everyone to one arm; the scaling is
        // exact, so the arms of weights that did not overflow are those of the unscaled sums.
        double[] scaled = scaled(weights);
        double total = 0;
        for (double w : scaled) {
            total += w;
        }
        double run = 0;
        for (int i = 0; i < scaled.length; i++) {
            run += scaled[i];
            cumulative[i] = run / total;
        }
        cumulative[weights.length - 1] = 1;
    }

    /**
     * Positive weights scaled by one power of two so that the largest lies in [1, 2): exact, and their sum cannot
     * overflow. Shared by the assignment and the sample-ratio check, which must read the weights alike.
     */
    static double[] scaled(double[] weights) {
        double max = 0;
        for (double w : weights) {
            max = Math.max(max, w);
        }
        int shift = -Math.getExponent(max);
        double[] out = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            out[i] = Math.scalb(weights[i], shift);
        }
        return out;
    }

    /**
     * An assignment for an experiment key and arm weights.
     *
     * @param experimentKey the experiment's key, not blank
     * @param weights at least two weights, each finite and &gt; 0 (e.g. 1, 1 for a 50/50 test)
     * @return the assignment
     */
    public static Assignment of(String experimentKey, double... weights) {
        Checks.notBlank(experimentKey, "experimentKey");
        Checks.notNull(weights, "weights");
        Checks.require(weights.length >= 2, "weights needs at least 2 arms, got %d", weights.length);
        for (int i = 0; i < weights.length; i++) {
            Checks.positive(weights[i], "weights[" + i + "]");
        }
        return new Assignment(experimentKey, weights.clone());
    }

    /**
     * The stable 64-bit hash of a customer id under an experiment key (see the class comment).
     *
     * @param experimentKey the key
     * @param customerId the id
     * @return the hash
     */
    public static long hash(String experimentKey, String customerId) {
        Checks.notNull(experimentKey, "experimentKey");
        Checks.notNull(customerId, "customerId");
        long h = 0xcbf29ce484222325L;
        for (byte b : experimentKey.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h = (h ^ 0xff) * 0x100000001b3L;
        for (byte b : customerId.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    /**
     * The arm of a customer.
     *
     * @param customerId the customer's id
     * @return the arm index in 0..arms-1
     */
    public int arm(String customerId) {
        double u = (hash(key, customerId) >>> 11) * 0x1.0p-53;
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    /**
     * The number of arms.
     *
     * @return the count
     */
    public int arms() {
        return weights.length;
    }

    /**
     * The sample-ratio check of observed counts against this assignment's weights, at the default threshold.
     *
     * @param observed the observed count per arm
     * @return the check
     */
    public SampleRatioCheck sampleRatioCheck(long[] observed) {
        return sampleRatioCheck(observed, weights, SRM_THRESHOLD);
    }

    /**
     * The sample-ratio check: chi-square goodness of fit of observed arm counts against planned weights; a
     * mismatch is flagged when {@code p < threshold}.
     *
     * @param observed the observed count per arm
     * @param weights the planned weights
     * @param threshold the p-value threshold in (0, 1), 0.001 by default
     * @return the check
     */
    public static SampleRatioCheck sampleRatioCheck(long[] observed, double[] weights, double threshold) {
        Checks.notNull(observed, "observed");
        Checks.notNull(weights, "weights");
        Checks.openUnit(threshold, "threshold");
        ChiSquareTest.Result test = ChiSquareTest.withDefaults().goodnessOfFit(observed, weights);
        return new SampleRatioCheck(observed, weights, test, threshold);
    }

    @Override
    public String toString() {
        return Checks.format("Assignment '%s' over %d arms, weights %s", key, weights.length,
                java.util.Arrays.toString(weights));
    }
}
