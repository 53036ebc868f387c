package io.loyalty.experiment;

import io.loyalty.internal.Checks;
import io.loyalty.internal.CsvWriter;
import io.loyalty.internal.TextTable;
import java.io.Writer;
import java.nio.file.Path;
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

    /** The design, then one row per look with the columns of {@link #writeCsv(Writer)}. */
    @Override
    public String toString() {
        return textTable().toString();
    }

    TextTable textTable() {
        TextTable.Builder b = TextTable.builder().title(Checks.format("%s, one-sided alpha %s", type,
                CsvWriter.number(alpha))).count("look").decimal("information", 4).decimal("critical_z", 5)
                .pValue("alpha_spent");
        for (int k = 0; k < criticalValues.length; k++) {
            b.row(k + 1, informationRates[k], criticalValues[k], cumulativeAlphaSpent[k]);
        }
        return b.build();
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

    /**
     * Writes the table of {@link #toString()} as CSV with full precision (rounding is only for print): one row per look, {@code look, information, critical_z, alpha_spent} (the cumulative alpha spent).
     * Column names are those of the Tablesaw adapter; see {@code docs/data.md}.
     *
     * @param out where to write; not closed
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Writer out) {
        Checks.notNull(out, "out");
        textTable().writeCsv(out);
    }

    /**
     * Writes the CSV of {@link #writeCsv(Writer)} to a file in UTF-8, replacing it.
     *
     * @param csvFile the file
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Path csvFile) {
        Checks.notNull(csvFile, "csvFile");
        textTable().writeCsv(csvFile);
    }
}
