package io.loyalty.attribution;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import java.io.Writer;
import java.nio.file.Path;

/**
 * The general Shapley value: the credits, whether they were enumerated exactly, and the sampling standard error
 * of each credit (0 when exact). Immutable; arrays are copied out.
 *
 * @since 0.1
 */
public final class ShapleyResult {
    private final Attribution attribution;
    private final double[] conversionErrors;
    private final double[] valueErrors;
    private final boolean exact;
    private final int permutations;

    ShapleyResult(Attribution attribution, double[] conversionErrors, double[] valueErrors, boolean exact,
            int permutations) {
        this.attribution = attribution;
        this.conversionErrors = conversionErrors;
        this.valueErrors = valueErrors;
        this.exact = exact;
        this.permutations = permutations;
    }

    /**
     * The credits.
     *
     * @return the attribution
     */
    public Attribution attribution() {
        return attribution;
    }

    /**
     * Whether every coalition was enumerated.
     *
     * @return true if exact
     */
    public boolean exact() {
        return exact;
    }

    /**
     * The number of sampled orderings (0 when exact).
     *
     * @return the count
     */
    public int permutations() {
        return permutations;
    }

    /**
     * The standard error of each conversion credit (0 when exact).
     *
     * @return a new array, in the order of the channels
     */
    public double[] conversionStandardErrors() {
        return conversionErrors.clone();
    }

    /**
     * The standard error of each value credit (0 when exact).
     *
     * @return a new array, in the order of the channels
     */
    public double[] valueStandardErrors() {
        return valueErrors.clone();
    }

    /**
     * The credits with their standard errors: the title (exact, or the sampled orderings), then one row per channel,
     * {@code channel, conversions, conversions_std_err, share, value, value_std_err}, rounded for print.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return textTable().toString();
    }

    private TextTable textTable() {
        TextTable.Builder b = TextTable.builder().title(exact ? "Shapley value, exact"
                : Checks.format("Shapley value, %d sampled orderings", permutations)).text("channel")
                .decimal("conversions", 3).decimal("conversions_std_err", 3).percent("share", 2).decimal("value", 3)
                .decimal("value_std_err", 3);
        double[] c = attribution.conversions();
        double[] v = attribution.values();
        double total = attribution.totalConversions();
        for (int i = 0; i < c.length; i++) {
            b.row(attribution.channels().get(i), c[i], conversionErrors[i], total > 0 ? c[i] / total : 0.0, v[i],
                    valueErrors[i]);
        }
        return b.build();
    }

    /**
     * Writes the table of {@link #toString()} as CSV with full precision (rounding is only for print): one row per
     * channel, {@code channel, conversions, conversions_std_err, share, value, value_std_err} (share of all
     * conversions, as a fraction; standard errors 0 when exact); the columns of {@link Attribution#writeCsv(Writer)}
     * with the standard errors beside their credits. See {@code docs/data.md}.
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
