package io.loyalty.clv;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import io.loyalty.stats.Interval;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One interval per customer for a prediction (P(alive), conditional expected purchases, expected spend or CLV),
 * in the customers' input order: the estimate at the fitted parameters and the percentile bounds of the
 * prediction over the parameter draws of a {@link ClvBootstrap}. Immutable; the column accessors return copies.
 *
 * <p>{@code lower <= estimate <= upper} always: when the estimate falls outside the draws' percentile range (a
 * strongly skewed prediction), the interval is widened to include it.
 *
 * @since 0.2
 */
public final class CustomerIntervals {
    /** The method name the intervals carry ({@link Interval#method()}). */
    public static final String METHOD = "parametric bootstrap";
    private final String quantity;
    private final double[] estimate;
    private final double[] lower;
    private final double[] upper;
    private final double confidence;
    private final int draws;
    private final long seed;

    CustomerIntervals(String quantity, double[] estimate, double[] lower, double[] upper, double confidence,
            int draws, long seed) {
        this.quantity = quantity;
        this.estimate = estimate;
        this.lower = lower;
        this.upper = upper;
        this.confidence = confidence;
        this.draws = draws;
        this.seed = seed;
    }

    /**
     * What the intervals are of, e.g. "P(alive)" or "E[Y(52)]".
     *
     * @return the name
     */
    public String quantity() {
        return quantity;
    }

    /**
     * The number of customers.
     *
     * @return the count
     */
    public int size() {
        return estimate.length;
    }

    /**
     * The estimates at the fitted parameters.
     *
     * @return a copy, one per customer
     */
    public double[] estimates() {
        return estimate.clone();
    }

    /**
     * The lower bounds.
     *
     * @return a copy, one per customer
     */
    public double[] lower() {
        return lower.clone();
    }

    /**
     * The upper bounds.
     *
     * @return a copy, one per customer
     */
    public double[] upper() {
        return upper.clone();
    }

    /**
     * One customer's interval in the shared vocabulary.
     *
     * @param i the customer's row, 0 to {@code size() - 1}
     * @return the interval
     * @throws IllegalArgumentException if the row is out of range
     */
    public Interval interval(int i) {
        Checks.index(i, estimate.length, "i");
        return Interval.of(estimate[i], lower[i], upper[i], confidence, METHOD);
    }

    /**
     * The confidence level, e.g. 0.95.
     *
     * @return the level
     */
    public double confidence() {
        return confidence;
    }

    /**
     * The number of parameter draws.
     *
     * @return the count
     */
    public int draws() {
        return draws;
    }

    /**
     * The seed of the draws.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Equal when the quantity, level, draws, seed and every bound are equal ({@link Double#compare} semantics).
     *
     * @param o the other object
     * @return true when equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof CustomerIntervals c && quantity.equals(c.quantity)
                && Double.compare(confidence, c.confidence) == 0 && draws == c.draws && seed == c.seed
                && Arrays.equals(estimate, c.estimate) && Arrays.equals(lower, c.lower)
                && Arrays.equals(upper, c.upper);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(estimate) * 31 + Arrays.hashCode(upper);
    }

    /**
     * The intervals as text: a line saying what they are, then the first 10 rows of the table of
     * {@link #writeCsv(Writer)} (rounded for print) and how many more there are.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return textTable(Checks.format("%s for %,d customers, %.0f%% %s intervals (%d draws, seed %d)", quantity,
                estimate.length, 100 * confidence, METHOD, draws, seed)).render(10);
    }

    private TextTable textTable(String title) {
        TextTable.Builder b = TextTable.builder().title(title).count("row").significant("estimate", 6)
                .significant("lower", 6).significant("upper", 6);
        for (int i = 0; i < estimate.length; i++) {
            b.row(i, estimate[i], lower[i], upper[i]);
        }
        return b.build();
    }

    /**
     * Writes every interval as CSV with full precision, one row per customer in input order:
     * {@code row} (the customer's 0-based input index){@code , estimate, lower, upper}, the columns of
     * {@code io.loyalty.tablesaw.ChurnTables.toTable(CustomerIntervals)} (see {@code docs/data.md}).
     *
     * @param out where to write; not closed
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Writer out) {
        Checks.notNull(out, "out");
        textTable(null).writeCsv(out);
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
        textTable(null).writeCsv(csvFile);
    }
}
