package io.loyalty.experiment;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import io.loyalty.stats.Interval;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * A treatment-versus-control readout a marketer reads: the difference (treatment minus control), its interval,
 * the p-value and the decision at the significance level {@code 1 - confidence}. Rates are differences of proportions and print in
 * percentage points; other metrics print in their own unit.
 *
 * <p>{@code toString} reads like
 * {@code Womens E-Mail vs No E-Mail: visit rate +4.52 pp (95 % CI +3.89 to +5.16), p < 1e-40, significant}.
 * Two comparisons are equal when every component is equal ({@code double} compared as by {@link Double#compare}).
 *
 * @param label what is compared, e.g. "Womens E-Mail vs No E-Mail"
 * @param metric the metric, e.g. "visit rate"
 * @param rate true if the metric is a proportion (printed in percentage points)
 * @param treatment the treatment arm's rate or mean
 * @param control the control arm's rate or mean
 * @param difference the difference with its interval at {@code confidence}
 * @param pValue the p-value (possibly adjusted for multiplicity)
 * @param confidence the confidence level of the interval; the decision is taken at the significance level
 *     {@code 1 - confidence}
 * @param method the test and interval used, e.g. "Newcombe hybrid score; two-proportion z-test"
 * @since 0.1
 */
public record Comparison(String label, String metric, boolean rate, double treatment, double control,
        Interval difference, double pValue, double confidence, String method) {
    /**
     * Checks the values.
     *
     * @param label what is compared
     * @param metric the metric
     * @param rate whether the metric is a proportion
     * @param treatment the treatment value
     * @param control the control value
     * @param difference the difference and interval
     * @param pValue the p-value
     * @param confidence the confidence level
     * @param method the method
     */
    public Comparison {
        Checks.notNull(label, "label");
        Checks.notNull(metric, "metric");
        Checks.finite(treatment, "treatment");
        Checks.finite(control, "control");
        Checks.notNull(difference, "difference");
        Checks.unit(pValue, "pValue");
        Checks.openUnit(confidence, "confidence");
        Checks.notNull(method, "method");
    }

    /**
     * Whether the difference is significant at the level {@code 1 - confidence}: {@code pValue < 1 - confidence}.
     *
     * @return the decision
     */
    public boolean significant() {
        return pValue < 1 - confidence;
    }

    /**
     * The same comparison with another p-value, e.g. one adjusted by {@link Adjustment}.
     *
     * @param adjusted the new p-value in [0, 1]
     * @param how a note appended to the method, e.g. "BH-adjusted"
     * @return a new comparison
     */
    public Comparison withPValue(double adjusted, String how) {
        Checks.unit(adjusted, "adjusted");
        return new Comparison(label, metric, rate, treatment, control, difference, adjusted, confidence,
                method + "; " + Checks.notNull(how, "how"));
    }

    @Override
    public String toString() {
        double scale = rate ? 100 : 1;
        String unit = rate ? " pp" : "";
        return Checks.format("%s: %s %s%s (%s %% CI %s to %s), %s, %s", label, metric,
                signed(difference.estimate() * scale), unit, Format.percent(difference.confidence()),
                signed(difference.lower() * scale), signed(difference.upper() * scale), Format.p(pValue),
                significant() ? "significant" : "not significant");
    }

    /**
     * Writes comparisons as CSV with full precision, one row per comparison: {@code comparison, metric, treatment,
     * control, difference, lower, upper, confidence, p_value, significant, method}, the columns of the Tablesaw
     * adapter; see {@code docs/data.md}.
     *
     * @param comparisons the comparisons
     * @param out where to write; not closed
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public static void writeCsv(List<Comparison> comparisons, Writer out) {
        Checks.notNull(out, "out");
        textTable(comparisons).writeCsv(out);
    }

    /**
     * Writes the CSV of {@link #writeCsv(List, Writer)} to a file in UTF-8, replacing it.
     *
     * @param comparisons the comparisons
     * @param csvFile the file
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public static void writeCsv(List<Comparison> comparisons, Path csvFile) {
        Checks.notNull(csvFile, "csvFile");
        textTable(comparisons).writeCsv(csvFile);
    }

    private static TextTable textTable(List<Comparison> comparisons) {
        Checks.notNull(comparisons, "comparisons");
        TextTable.Builder b = TextTable.builder().text("comparison").text("metric").significant("treatment", 5)
                .significant("control", 5).significant("difference", 4).significant("lower", 4)
                .significant("upper", 4).significant("confidence", 4).pValue("p_value").flag("significant")
                .text("method");
        for (int i = 0; i < comparisons.size(); i++) {
            Comparison c = Checks.notNull(comparisons.get(i), "comparisons[" + i + "]");
            b.row(c.label(), c.metric(), c.treatment(), c.control(), c.difference().estimate(),
                    c.difference().lower(), c.difference().upper(), c.confidence(), c.pValue(), c.significant(),
                    c.method());
        }
        return b.build();
    }

    private static String signed(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "+inf" : "-inf";
        }
        return Checks.format("%+.2f", v);
    }
}
