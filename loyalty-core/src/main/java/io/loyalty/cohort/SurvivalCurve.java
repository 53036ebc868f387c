package io.loyalty.cohort;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import io.loyalty.stats.Interval;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A Kaplan-Meier survival curve made by {@link KaplanMeier}: one row per distinct time (an event or a censoring
 * time), with the number at risk just before it, the events and censorings at it, the survival just after it,
 * its standard error (Greenwood) and confidence limits.
 *
 * <p>Where the curve drops to 0 the variance is infinite: the standard error and both limits are NaN there and
 * after, as R prints NaN and NA. Accessors return copies.
 *
 * <p>The time column carries the unit when it is known ({@link #timeColumn()}): {@code time_days} for a curve
 * fitted to {@link ChurnDurations}, {@code time_<unit>} after {@link KaplanMeier#withTimeUnit(String)}, else
 * {@code time} (the caller's unit).
 *
 * @since 0.1
 */
public final class SurvivalCurve {
    private final String label;
    private final double level;
    private final String method;
    private final String timeUnit;
    private final String timeLabel;
    private final double[] time;
    private final long[] atRisk;
    private final long[] events;
    private final long[] censored;
    private final double[] survival;
    private final double[] standardError;
    private final double[] lower;
    private final double[] upper;

    SurvivalCurve(String label, double level, String method, String timeUnit, String timeLabel, double[] time,
            long[] atRisk, long[] events, long[] censored, double[] survival, double[] standardError, double[] lower,
            double[] upper) {
        this.label = label;
        this.level = level;
        this.method = method;
        this.timeUnit = timeUnit;
        this.timeLabel = timeLabel;
        this.time = time;
        this.atRisk = atRisk;
        this.events = events;
        this.censored = censored;
        this.survival = survival;
        this.standardError = standardError;
        this.lower = lower;
        this.upper = upper;
    }

    /**
     * The curve's label: the group, or "all".
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * The confidence level of the limits.
     *
     * @return the level, e.g. 0.95
     */
    public double confidence() {
        return level;
    }

    /**
     * The unit of the times, when known: {@code days} for a curve fitted to {@link ChurnDurations}, the unit given
     * to {@link KaplanMeier#withTimeUnit(String)} for raw times.
     *
     * @return the unit, or empty when the caller did not name it
     * @since 0.2
     */
    public Optional<String> timeUnit() {
        return Optional.ofNullable(timeUnit);
    }

    /**
     * The name of the time column in print, in {@link #writeCsv(Writer)} and in the Tablesaw adapter:
     * {@code time_<unit>} when the unit is known ({@code time_days}), else {@code time}.
     *
     * @return the column name
     * @since 0.2
     */
    public String timeColumn() {
        return timeUnit == null ? "time" : "time_" + timeUnit;
    }

    /**
     * What the times measure, for an axis title: {@code days since first purchase} for a curve fitted to
     * {@link ChurnDurations}, {@code time (weeks)} for raw times in a named unit, else {@code time}.
     *
     * @return the description
     * @since 0.2
     */
    public String timeLabel() {
        return timeLabel;
    }

    /**
     * The number of rows (distinct times).
     *
     * @return the size
     */
    public int size() {
        return time.length;
    }

    /**
     * The number of subjects.
     *
     * @return the count at risk at the start
     */
    public long subjects() {
        return atRisk.length == 0 ? 0 : atRisk[0];
    }

    /**
     * The distinct times, increasing.
     *
     * @return the times
     */
    public double[] times() {
        return time.clone();
    }

    /**
     * The number at risk just before each time.
     *
     * @return the counts
     */
    public long[] atRisk() {
        return atRisk.clone();
    }

    /**
     * The events at each time.
     *
     * @return the counts
     */
    public long[] events() {
        return events.clone();
    }

    /**
     * The censorings at each time.
     *
     * @return the counts
     */
    public long[] censored() {
        return censored.clone();
    }

    /**
     * The survival just after each time: the product of (1 - d/n) over the times so far.
     *
     * @return the estimates
     */
    public double[] survival() {
        return survival.clone();
    }

    /**
     * The standard error of the survival (Greenwood): S(t) times the square root of the sum of d/(n(n - d)).
     *
     * @return the standard errors
     */
    public double[] standardError() {
        return standardError.clone();
    }

    /**
     * The lower confidence limits.
     *
     * @return the limits
     */
    public double[] lower() {
        return lower.clone();
    }

    /**
     * The upper confidence limits.
     *
     * @return the limits
     */
    public double[] upper() {
        return upper.clone();
    }

    /**
     * The survival at a time: 1 before the first event, then the value of the last row at or before it.
     *
     * @param t the time
     * @return S(t)
     */
    public double survivalAt(double t) {
        Checks.finite(t, "t");
        int i = lastRowAtOrBefore(t);
        return i < 0 ? 1.0 : survival[i];
    }

    private int lastRowAtOrBefore(double t) {
        int lo = 0;
        int hi = time.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (time[mid] <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /**
     * The median survival time with its confidence interval, as R's {@code survival::survfit} prints them: the
     * median is the first time at which the curve is at or below 0.5 (the midpoint to the next event time when the
     * curve equals 0.5 exactly over an interval), and the interval's limits are the same times for the lower and
     * the upper confidence curves (the lower curve counted as 0 where the survival reaches 0 and R leaves it NA).
     *
     * <p>A time that is never reached is {@link Double#POSITIVE_INFINITY} (R prints NA): the upper limit when the
     * upper curve stays above 0.5, and the estimate and both limits when the curve itself does. These are the only
     * infinite values; the interval's confidence is {@link #confidence()} and its method the kind of limits
     * ({@link KaplanMeier.ConfidenceType#label()}).
     *
     * @return the median with its interval; {@code Double.isFinite(median().estimate())} tells whether the curve
     *     reached 0.5
     */
    public Interval median() {
        // Where the curve reaches 0 its lower limit is undefined (NaN) but cannot exceed 0: search it as 0 there.
        double[] low = lower.clone();
        for (int i = 0; i < low.length; i++) {
            if (survival[i] == 0) {
                low[i] = 0;
            }
        }
        return Interval.of(quantileTime(survival), quantileTime(low), quantileTime(upper), level, method);
    }

    /** The first event time at which a curve is at or below 0.5, as R's {@code quantile.survfit}. */
    private double quantileTime(double[] curve) {
        double tol = Math.sqrt(Math.ulp(1.0));
        for (int i = 0; i < time.length; i++) {
            if (events[i] == 0 || Double.isNaN(curve[i])) {
                continue;
            }
            if (Math.abs(curve[i] - 0.5) < tol) {
                // Flat at 0.5: the midpoint to the next time the curve drops.
                for (int j = i + 1; j < time.length; j++) {
                    if (events[j] > 0) {
                        // Halves first: the sum of two times near Double.MAX_VALUE would overflow.
                        return time[i] / 2 + time[j] / 2;
                    }
                }
                return time[i];
            }
            if (curve[i] < 0.5) {
                return time[i];
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /**
     * The restricted mean survival time up to a horizon, with R's standard error: the square root of the sum,
     * over event times t up to the horizon, of A(t)<sup>2</sup> d/(n(n - d)), where A(t) is the area under the
     * curve from t to the horizon.
     *
     * @param horizon the horizon tau, finite and &gt;= 0
     * @return the restricted mean
     */
    public RestrictedMean restrictedMean(double horizon) {
        Checks.nonNegative(horizon, "horizon");
        int rows = time.length;
        // Area from each row's time to the horizon, accumulated backwards.
        double[] areaAfter = new double[rows];
        double tail = 0;
        for (int i = rows - 1; i >= 0; i--) {
            if (time[i] < horizon) {
                double next = i + 1 < rows ? Math.min(time[i + 1], horizon) : horizon;
                tail += survival[i] * (next - time[i]);
            }
            areaAfter[i] = tail;
        }
        double first = rows == 0 ? horizon : Math.min(time[0], horizon);
        double estimate = first + tail;
        // Areas scaled by a power of two (exact) near the horizon, which bounds them, so that their squares stay
        // finite for times up to Double.MAX_VALUE; the square root scales back exactly.
        int k = horizon > 0 ? Math.getExponent(horizon) : 0;
        double var = 0;
        for (int i = 0; i < rows && time[i] <= horizon; i++) {
            long d = events[i];
            long n = atRisk[i];
            if (d > 0 && n > d) {
                double area = Math.scalb(areaAfter[i], -k);
                var += area * area * d / ((double) n * (n - d));
            }
        }
        return new RestrictedMean(horizon, Math.min(estimate, horizon), Math.scalb(Math.sqrt(var), k));
    }

    /**
     * The restricted mean up to the last time of the curve (R's {@code rmean = "individual"}).
     *
     * @return the restricted mean
     */
    public RestrictedMean restrictedMean() {
        return restrictedMean(time.length == 0 ? 0 : time[time.length - 1]);
    }

    /**
     * The rows with events, as R's {@code summary(survfit(...))} prints them, then the median;
     * {@link #writeCsv(Writer)} has every row.
     */
    @Override
    public String toString() {
        TextTable.Builder b = header();
        for (int i = 0; i < time.length; i++) {
            if (events[i] > 0) {
                b.row(time[i], atRisk[i], events[i], censored[i], survival[i], standardError[i], lower[i], upper[i]);
            }
        }
        return b.note(median().toString()).build().toString();
    }

    private TextTable.Builder header() {
        return TextTable.builder().title(Checks.format("Kaplan-Meier '%s': %d subjects, %d rows, %s%% intervals",
                label, subjects(), time.length, TextTable.level(level)))
                .significant(timeColumn(), 6).count("n_risk").count("n_event").count("n_censor").decimal("survival", 4)
                .decimal("std_err", 4).decimal("lower", 4).decimal("upper", 4);
    }

    /** One row per distinct time. */
    TextTable textTable() {
        TextTable.Builder b = header();
        for (int i = 0; i < time.length; i++) {
            b.row(time[i], atRisk[i], events[i], censored[i], survival[i], standardError[i], lower[i], upper[i]);
        }
        return b.build();
    }

    /**
     * Writes the table of {@link #toString()} as CSV with full precision (rounding is only for print): one row per
     * distinct time, {@code time, n_risk, n_event, n_censor, survival, std_err, lower, upper}, the time column named with
     * its unit as {@link #timeColumn()} says ({@code time_days}). Column names are those of the Tablesaw adapter;
     * see {@code docs/data.md}.
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
