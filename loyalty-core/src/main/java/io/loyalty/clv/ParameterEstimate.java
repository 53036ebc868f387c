package io.loyalty.clv;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import io.loyalty.stats.Interval;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One fitted parameter with its standard error and 95% interval, in the library's one interval vocabulary
 * ({@link Interval}: estimate, lower, upper, confidence, method).
 *
 * <p>The standard error comes from the observed information (the Hessian of the negative log-likelihood,
 * penalty included, at the optimum) on log-parameters, carried to the natural scale by the delta method
 * ({@code se = value * se(log value)}). The interval is {@code exp(log value -/+ 1.96 se(log value))}, method
 * {@value #METHOD}: it is the Wald interval of the log-parameter, so it stays positive and is not symmetric
 * (lifetimes reports {@code value -/+ 1.96 se} instead, which can go negative). Its upper end is +Infinity when it
 * overflows, as for a parameter the data barely identify (a penalized fit of customers without repeat purchases).
 * A fit whose Hessian is not positive definite throws {@link io.loyalty.stats.ConvergenceException} instead.
 *
 * <p>Immutable; made by the fitters (the CLV fitters, sBG's) or by {@link #ofLogScale}, which checks.
 *
 * @since 0.1
 */
public final class ParameterEstimate {
    /** The two-sided 95% normal quantile. */
    static final double Z95 = 1.959963984540054;
    /** The {@link Interval#method()} of the intervals. */
    public static final String METHOD = "Wald on the log scale";

    private final String name;
    private final double standardError;
    private final Interval interval;

    private ParameterEstimate(String name, double standardError, Interval interval) {
        this.name = name;
        this.standardError = standardError;
        this.interval = interval;
    }

    /**
     * The estimate of a positive parameter whose log has the standard error {@code logStandardError}: the
     * delta-method standard error {@code value * logStandardError} and the 95% Wald interval of the log,
     * {@code value * exp(-/+ 1.96 logStandardError)}.
     *
     * @param name the parameter's name, as in the papers ({@code r}, {@code alpha}, ...)
     * @param value the estimate, finite and &gt; 0
     * @param logStandardError the standard error of {@code log(value)}, finite and &gt;= 0
     * @return the estimate
     * @throws IllegalArgumentException naming the argument if one is null, NaN or out of range
     * @since 0.2
     */
    public static ParameterEstimate ofLogScale(String name, double value, double logStandardError) {
        Checks.notNull(name, "name");
        Checks.positive(value, "value");
        Checks.nonNegative(Checks.finite(logStandardError, "logStandardError"), "logStandardError");
        double se = value * logStandardError;
        return new ParameterEstimate(name, se, Interval.of(value, value * Math.exp(-Z95 * logStandardError),
                value * Math.exp(Z95 * logStandardError), 0.95, METHOD));
    }

    /**
     * The parameter's name, as in the papers ({@code r}, {@code alpha}, ...).
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The estimate, {@code interval().estimate()}.
     *
     * @return the estimate, finite and &gt; 0
     */
    public double value() {
        return interval.estimate();
    }

    /**
     * The standard error on the natural scale (delta method).
     *
     * @return the standard error, finite and &gt;= 0
     * @since 0.1
     */
    public double standardError() {
        return standardError;
    }

    /**
     * The 95% interval: the Wald interval of the log-parameter, positive; its upper end is +Infinity when it
     * overflows.
     *
     * @return the interval, confidence 0.95, method {@value #METHOD}
     * @since 0.2
     */
    public Interval interval() {
        return interval;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterEstimate other && name.equals(other.name)
                && Double.compare(standardError, other.standardError) == 0 && interval.equals(other.interval);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, standardError, interval);
    }

    @Override
    public String toString() {
        return Checks.format("%s = %.6g (se %.4g, 95%% %.6g..%.6g)", name, value(), standardError, interval.lower(),
                interval.upper());
    }

    /**
     * The estimates as a table: {@code parameter, estimate, std_err, lower_95, upper_95}, the columns of
     * {@link #writeCsv(List, Writer)} and of {@code ClvTables.toTable(List)}.
     */
    static TextTable table(String title, List<ParameterEstimate> estimates) {
        TextTable.Builder b = TextTable.builder().title(title).text("parameter").decimal("estimate", 6)
                .decimal("std_err", 6).decimal("lower_95", 6).decimal("upper_95", 6);
        for (ParameterEstimate e : estimates) {
            b.row(e.name(), e.value(), e.standardError(), e.interval().lower(), e.interval().upper());
        }
        return b.build();
    }

    /**
     * Writes estimates as CSV with full precision, one row per parameter in the list's order:
     * {@code parameter, estimate, std_err, lower_95, upper_95} (an upper end that overflowed reads
     * {@code Infinity}). The columns of {@code io.loyalty.tablesaw.ClvTables.toTable(List)}; see
     * {@code docs/data.md}.
     *
     * @param estimates the estimates, e.g. {@link FitSummary#estimates()} or an sBG model's
     * @param out where to write; not closed
     * @throws IllegalArgumentException if an argument or an estimate is null
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public static void writeCsv(List<ParameterEstimate> estimates, Writer out) {
        Checks.notNull(out, "out");
        table(null, checked(estimates)).writeCsv(out);
    }

    /**
     * Writes the CSV of {@link #writeCsv(List, Writer)} to a file in UTF-8, replacing it.
     *
     * @param estimates the estimates
     * @param csvFile the file
     * @throws IllegalArgumentException if an argument or an estimate is null
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public static void writeCsv(List<ParameterEstimate> estimates, Path csvFile) {
        Checks.notNull(csvFile, "csvFile");
        table(null, checked(estimates)).writeCsv(csvFile);
    }

    private static List<ParameterEstimate> checked(List<ParameterEstimate> estimates) {
        Checks.notNull(estimates, "estimates");
        for (int i = 0; i < estimates.size(); i++) {
            Checks.require(estimates.get(i) != null, "estimates must not hold null, got null at index %d", i);
        }
        return estimates;
    }
}
