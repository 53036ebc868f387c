package io.loyalty.experiment;

import io.loyalty.internal.Checks;
import java.util.Arrays;

/**
 * A one-sided group-sequential design for K planned looks (efficacy boundaries only): reject at look k when
 * the standardized statistic {@code Z_k >= criticalValues[k]}. Built by {@link GroupSequential#design}.
 *
 * @param type the design type
 * @param alpha the one-sided overall significance level
 * @param informationRates the information fractions of the looks, increasing, the last 1
 * @param criticalValues the critical values of Z at each look
 * @param cumulativeAlphaSpent the type I error spent up to each look under the null
 * @since 0.1
 */
public record SequentialDesign(GroupSequential.Type type, double alpha, double[] informationRates,
        double[] criticalValues, double[] cumulativeAlphaSpent) {
    /**
     * Copies the arrays in.
     *
     * @param type the design type
     * @param alpha the level
     * @param informationRates the information fractions
     * @param criticalValues the critical values
     * @param cumulativeAlphaSpent the alpha spent
     */
    public SequentialDesign {
        Checks.notNull(type, "type");
        Checks.openUnit(alpha, "alpha");
        informationRates = Checks.finite(informationRates, "informationRates").clone();
        criticalValues = Checks.finite(criticalValues, "criticalValues").clone();
        cumulativeAlphaSpent = Checks.finite(cumulativeAlphaSpent, "cumulativeAlphaSpent").clone();
    }

    /**
     * The information fractions (a copy).
     *
     * @return the fractions
     */
    @Override
    public double[] informationRates() {
        return informationRates.clone();
    }

    /**
     * The critical values of Z (a copy).
     *
     * @return the critical values
     */
    @Override
    public double[] criticalValues() {
        return criticalValues.clone();
    }

    /**
     * The cumulative alpha spent (a copy).
     *
     * @return the alpha spent up to each look
     */
    @Override
    public double[] cumulativeAlphaSpent() {
        return cumulativeAlphaSpent.clone();
    }

    /**
     * Whether the design rejects the null at a look, for two rates read directly: the pooled two-proportion z
     * statistic of treatment over control (as {@link Proportions#readout}'s) against the look's critical value.
     *
     * @param look the look, 1-based, in [1, number of looks]
     * @param treatmentSuccesses successes in the treatment arm so far
     * @param treatmentTrials trials in the treatment arm so far, &gt; 0
     * @param controlSuccesses successes in the control arm so far
     * @param controlTrials trials in the control arm so far, &gt; 0
     * @return {@code z >= criticalValues[look - 1]}: stop for efficacy (the treatment's rate is higher)
     * @throws IllegalArgumentException naming the argument if the look is out of range or a count is, or if the
     *     pooled rate is 0 or 1 (no variance yet)
     */
    public boolean rejectsRates(int look, long treatmentSuccesses, long treatmentTrials, long controlSuccesses,
            long controlTrials) {
        Checks.require(look >= 1 && look <= criticalValues.length, "look must lie in [1, %d], got %d",
                criticalValues.length, look);
        Proportions.checkCounts(treatmentSuccesses, treatmentTrials, "treatmentSuccesses", "treatmentTrials");
        Proportions.checkCounts(controlSuccesses, controlTrials, "controlSuccesses", "controlTrials");
        return Proportions.zStatistic(treatmentSuccesses, treatmentTrials, controlSuccesses, controlTrials)
                >= criticalValues[look - 1];
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(Checks.format("%s, one-sided alpha %s%n", type, alpha));
        sb.append("look  information  critical z  alpha spent\n");
        for (int k = 0; k < criticalValues.length; k++) {
            sb.append(Checks.format("%4d  %11.4f  %10.5f  %11.3e%n", k + 1, informationRates[k], criticalValues[k],
                    cumulativeAlphaSpent[k]));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SequentialDesign && ((SequentialDesign) o).type == type
                && Double.compare(((SequentialDesign) o).alpha, alpha) == 0
                && Arrays.equals(((SequentialDesign) o).informationRates, informationRates)
                && Arrays.equals(((SequentialDesign) o).criticalValues, criticalValues)
                && Arrays.equals(((SequentialDesign) o).cumulativeAlphaSpent, cumulativeAlphaSpent);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(criticalValues) * 31 + type.hashCode();
    }
}
