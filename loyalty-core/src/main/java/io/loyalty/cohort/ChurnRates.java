package io.loyalty.cohort;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * Churn rate per calendar period made by {@link ChurnDurations#churnRates(CohortPeriod)}: customers at risk at
 * the start of each period, those who churned in it, and their ratio (0 when none was at risk).
 *
 * @since 0.1
 */
public final class ChurnRates {
    private final List<String> labels;
    private final long[] atRisk;
    private final long[] churned;

    ChurnRates(List<String> labels, long[] atRisk, long[] churned) {
        this.labels = labels;
        this.atRisk = atRisk;
        this.churned = churned;
    }

    /**
     * The periods' labels.
     *
     * @return the labels
     */
    public List<String> labels() {
        return labels;
    }

    /**
     * Customers at risk at the start of each period.
     *
     * @return the counts
     */
    public long[] atRisk() {
        return atRisk.clone();
    }

    /**
     * Customers who churned in each period.
     *
     * @return the counts
     */
    public long[] churned() {
        return churned.clone();
    }

    /**
     * Churned divided by at risk, per period (0 when none was at risk).
     *
     * @return the rates
     */
    public double[] rates() {
        double[] r = new double[atRisk.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = atRisk[i] == 0 ? 0 : (double) churned[i] / atRisk[i];
        }
        return r;
    }

    /** One row per period, with the columns of {@link #writeCsv(Writer)}. */
    @Override
    public String toString() {
        return textTable().toString();
    }

    TextTable textTable() {
        TextTable.Builder b = TextTable.builder().text("period").count("at_risk").count("churned").percent("rate", 1);
        double[] r = rates();
        for (int i = 0; i < r.length; i++) {
            b.row(labels.get(i), atRisk[i], churned[i], r[i]);
        }
        return b.build();
    }

    /**
     * Writes the table of {@link #toString()} as CSV with full precision (rounding is only for print): one row per period, {@code period, at_risk, churned, rate} (the rate as a fraction).
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
