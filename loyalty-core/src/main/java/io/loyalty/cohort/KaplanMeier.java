package io.loyalty.cohort;

import io.loyalty.internal.Checks;
import io.loyalty.internal.Normal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Kaplan-Meier survival with right censoring, identical to R's {@code survival::survfit} defaults:
 * <pre>
 *   S(t)        = prod over event times t_i &lt;= t of (1 - d_i / n_i)
 *   Var H(t)    = sum over t_i &lt;= t of d_i / (n_i (n_i - d_i))          (Greenwood)
 *   se S(t)     = S(t) sqrt(Var H(t))
 *   log CI      = S(t) exp(-+ z sqrt(Var H(t))), the upper limit capped at 1
 * </pre>
 * where n<sub>i</sub> counts the subjects whose time is &gt;= t<sub>i</sub> (a censoring tied with an event is
 * still at risk) and z is the normal quantile of (1 + level) / 2. {@link ConfidenceType#LOG_LOG} and
 * {@link ConfidenceType#PLAIN} give R's {@code conf.type = "log-log"} and {@code "plain"}.
 *
 * <p>Times are finite and &gt;= 0; the fit sorts primitive copies (n log n), the input is never modified.
 * Immutable and thread-safe.
 *
 * <p>Units: a curve fitted to {@link ChurnDurations} is in days (its time column is {@code time_days}); one
 * fitted to raw times is in the caller's unit, named by {@link #withTimeUnit(String)} ({@code time_weeks}) or left
 * unnamed ({@code time}).
 *
 * <p>References: Kaplan, E. L. &amp; Meier, P. (1958), JASA 53(282), 457-481, doi:10.1080/01621459.1958.10501452;
 * Greenwood, M. (1926), Reports on Public Health and Medical Subjects 33; Therneau, T. M., survival package
 * for R, {@code survfit.formula}.
 *
 * @since 0.1
 */
public final class KaplanMeier {

    /**
     * How confidence limits of the survival are computed.
     *
     * @since 0.1
     */
    public enum ConfidenceType {
        /** On the log survival (R's default): S exp(-+ z se(H)). Its intervals' method name is "log". */
        LOG("log"),
        /** On log(-log S): exp(-exp(log(-log S) +- z se(H) / |log S|)). Method name "log-log". */
        LOG_LOG("log-log"),
        /** On the survival: S -+ z se(S), clipped to [0, 1]. Method name "plain". */
        PLAIN("plain");

        private final String label;

        ConfidenceType(String label) {
            this.label = label;
        }

        /**
         * The short name this kind puts in its intervals' {@link io.loyalty.stats.Interval#method()}, as R's
         * {@code conf.type} spells it.
         *
         * @return the name, e.g. "log-log"
         */
        public String label() {
            return label;
        }
    }

    /** Churn durations are days from the first purchase day. */
    private static final String CHURN_UNIT = "days";
    private static final String CHURN_LABEL = "days since first purchase";

    private final double level;
    private final ConfidenceType type;
    /** The unit of raw times, or null when the caller has not named it. */
    private final String timeUnit;

    private KaplanMeier(double level, ConfidenceType type, String timeUnit) {
        this.level = level;
        this.type = type;
        this.timeUnit = timeUnit;
    }

    /**
     * 95% confidence limits on the log scale, as R's {@code survfit}.
     *
     * @return the estimator
     */
    public static KaplanMeier withDefaults() {
        return new KaplanMeier(0.95, ConfidenceType.LOG, null);
    }

    /**
     * This estimator with another confidence level.
     *
     * @param confidence the level, in (0, 1)
     * @return a new estimator
     */
    public KaplanMeier withConfidence(double confidence) {
        return new KaplanMeier(Checks.openUnit(confidence, "confidence"), type, timeUnit);
    }

    /**
     * This estimator with another kind of confidence limits.
     *
     * @param confidenceType the kind
     * @return a new estimator
     */
    public KaplanMeier withConfidenceType(ConfidenceType confidenceType) {
        return new KaplanMeier(level, Checks.notNull(confidenceType, "confidenceType"), timeUnit);
    }

    /**
     * This estimator with the unit of the raw times it fits ({@link #fit(double[], boolean[])},
     * {@link #fitByGroup(double[], boolean[], String[])}): the curves' time column is then {@code time_<unit>} in
     * print, CSV and the Tablesaw adapter, and charts name the unit on the time axis. Without it the column is
     * {@code time}, in whatever unit the caller's times are. Times are not converted; curves fitted to
     * {@link ChurnDurations} are in days whatever this says.
     *
     * @param unit a short lower-case identifier such as {@code days}, {@code weeks} or {@code months}: a letter
     *     a-z, then letters, digits or underscores, at most 32 characters
     * @return a new estimator
     * @throws IllegalArgumentException if {@code unit} is null or not such an identifier
     * @since 0.2
     */
    public KaplanMeier withTimeUnit(String unit) {
        return new KaplanMeier(level, type, Checks.identifier(unit, "unit"));
    }

    /**
     * Fits one curve.
     *
     * @param times the time per subject (event or censoring), finite and &gt;= 0
     * @param events true where the subject had the event, false where censored
     * @return the curve, labelled "all", in the unit of {@link #withTimeUnit(String)} if named
     */
    public SurvivalCurve fit(double[] times, boolean[] events) {
        checkInput(times, events);
        return fitChecked("all", times, events, timeUnit, rawLabel());
    }

    /**
     * Fits one curve to churn durations, in days (time column {@code time_days}).
     *
     * @param durations the durations
     * @return the curve
     */
    public SurvivalCurve fit(ChurnDurations durations) {
        Checks.notNull(durations, "durations");
        double[] times = durations.durations();
        boolean[] events = durations.churned();
        checkInput(times, events);
        return fitChecked("all", times, events, CHURN_UNIT, CHURN_LABEL);
    }

    /**
     * Fits one curve per group, groups in the order of their labels.
     *
     * @param times the time per subject, finite and &gt;= 0
     * @param events true where the subject had the event
     * @param groups the group per subject, not null
     * @return the curves, in the unit of {@link #withTimeUnit(String)} if named
     */
    public List<SurvivalCurve> fitByGroup(double[] times, boolean[] events, String[] groups) {
        checkInput(times, events);
        return fitGroups(times, events, groups, timeUnit, rawLabel());
    }

    /**
     * Fits one curve per group to churn durations, in days (time column {@code time_days}), groups in the order of
     * their labels.
     *
     * @param durations the durations
     * @param groups the group per customer, in the order of {@link ChurnDurations#ids()}, not null
     * @return the curves
     * @since 0.2
     */
    public List<SurvivalCurve> fitByGroup(ChurnDurations durations, String[] groups) {
        Checks.notNull(durations, "durations");
        double[] times = durations.durations();
        boolean[] events = durations.churned();
        checkInput(times, events);
        return fitGroups(times, events, groups, CHURN_UNIT, CHURN_LABEL);
    }

    /** The time axis of raw times: the unit when named. */
    private String rawLabel() {
        return timeUnit == null ? "time" : "time (" + timeUnit + ")";
    }

    private List<SurvivalCurve> fitGroups(double[] times, boolean[] events, String[] groups, String unit,
            String timeLabel) {
        Grouping g = Grouping.of(groups, times.length);
        List<SurvivalCurve> out = new ArrayList<>();
        for (int k = 0; k < g.labels.size(); k++) {
            int[] rows = g.rows(k);
            double[] t = new double[rows.length];
            boolean[] e = new boolean[rows.length];
            for (int i = 0; i < rows.length; i++) {
                t[i] = times[rows[i]];
                e[i] = events[rows[i]];
            }
            out.add(fitChecked(g.labels.get(k), t, e, unit, timeLabel));
        }
        return out;
    }

    /**
     * The log-rank test that the groups share one survival curve (R's {@code survdiff} with {@code rho = 0}).
     *
     * @param times the time per subject, finite and &gt;= 0
     * @param events true where the subject had the event
     * @param groups the group per subject, at least two distinct
     * @return the test
     */
    public static LogRankTest logRank(double[] times, boolean[] events, String[] groups) {
        checkInput(times, events);
        Grouping g = Grouping.of(groups, times.length);
        Checks.require(g.labels.size() >= 2, "groups must hold at least two distinct groups, got %s", g.labels);
        return LogRankTest.compute(times, events, g.code, g.labels);
    }

    static void checkInput(double[] times, boolean[] events) {
        Checks.notNull(times, "times");
        Checks.notNull(events, "events");
        Checks.sameLength(times.length, events.length, "events");
        Checks.require(times.length > 0, "times must not be empty");
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            if (!(t >= 0) || t == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(
                        Checks.format("times[%d] must be finite and >= 0, got %s", i, t));
            }
        }
    }

    private SurvivalCurve fitChecked(String label, double[] times, boolean[] events, String unit,
            String timeLabel) {
        int n = times.length;
        int ne = 0;
        for (boolean e : events) {
            if (e) {
                ne++;
            }
        }
        double[] ev = new double[ne];
        double[] ce = new double[n - ne];
        int a = 0;
        int b = 0;
        for (int i = 0; i < n; i++) {
            if (events[i]) {
                ev[a++] = times[i];
            } else {
                ce[b++] = times[i];
            }
        }
        Arrays.sort(ev);
        Arrays.sort(ce);
        double z = Normal.twoSidedZ(level);
        double[] time = new double[n];
        long[] atRisk = new long[n];
        long[] dArr = new long[n];
        long[] cArr = new long[n];
        double[] surv = new double[n];
        double[] se = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        int i = 0;
        int j = 0;
        int rows = 0;
        long risk = n;
        double s = 1;
        double varH = 0;
        while (i < ne || j < ce.length) {
            double t = j >= ce.length || (i < ne && ev[i] <= ce[j]) ? ev[i] : ce[j];
            long d = 0;
            while (i < ne && ev[i] == t) {
                d++;
                i++;
            }
            long c = 0;
            while (j < ce.length && ce[j] == t) {
                c++;
                j++;
            }
            if (d > 0) {
                s *= 1 - (double) d / risk;
                varH = risk > d ? varH + d / ((double) risk * (risk - d)) : Double.NaN;
            }
            time[rows] = t;
            atRisk[rows] = risk;
            dArr[rows] = d;
            cArr[rows] = c;
            surv[rows] = s;
            double sdH = Math.sqrt(varH);
            se[rows] = s * sdH;
            limits(s, sdH, z, lo, hi, rows);
            rows++;
            risk -= d + c;
        }
        return new SurvivalCurve(label, level, type.label(), unit, timeLabel, Arrays.copyOf(time, rows),
                Arrays.copyOf(atRisk, rows), Arrays.copyOf(dArr, rows), Arrays.copyOf(cArr, rows),
                Arrays.copyOf(surv, rows), Arrays.copyOf(se, rows), Arrays.copyOf(lo, rows), Arrays.copyOf(hi, rows));
    }

    private void limits(double s, double sdH, double z, double[] lo, double[] hi, int row) {
        if (Double.isNaN(sdH) || s == 0) {
            lo[row] = Double.NaN;
            hi[row] = Double.NaN;
            return;
        }
        switch (type) {
            case LOG:
                lo[row] = s * Math.exp(-z * sdH);
                hi[row] = Math.min(1, s * Math.exp(z * sdH));
                break;
            case LOG_LOG:
                if (s == 1) {
                    lo[row] = 1;
                    hi[row] = 1;
                } else {
                    double u = Math.log(-Math.log(s));
                    double w = z * sdH / Math.abs(Math.log(s));
                    lo[row] = Math.exp(-Math.exp(u + w));
                    hi[row] = Math.exp(-Math.exp(u - w));
                }
                break;
            default:
                lo[row] = Math.max(0, s - z * s * sdH);
                hi[row] = Math.min(1, s + z * s * sdH);
                break;
        }
    }

    @Override
    public String toString() {
        return "KaplanMeier[" + level + ", " + type + (timeUnit == null ? "" : ", " + timeUnit) + "]";
    }

    /** Group labels sorted, with a code per row. */
    static final class Grouping {
        final List<String> labels;
        final int[] code;

        private Grouping(List<String> labels, int[] code) {
            this.labels = labels;
            this.code = code;
        }

        static Grouping of(String[] groups, int n) {
            Checks.notNull(groups, "groups");
            Checks.sameLength(n, groups.length, "groups");
            TreeMap<String, Integer> index = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                Checks.require(groups[i] != null, "groups[%d] must not be null", i);
                index.put(groups[i], 0);
            }
            List<String> labels = new ArrayList<>(index.keySet());
            for (int k = 0; k < labels.size(); k++) {
                index.put(labels.get(k), k);
            }
            int[] code = new int[n];
            for (int i = 0; i < n; i++) {
                code[i] = index.get(groups[i]);
            }
            return new Grouping(List.copyOf(labels), code);
        }

        int[] rows(int k) {
            int count = 0;
            for (int c : code) {
                if (c == k) {
                    count++;
                }
            }
            int[] out = new int[count];
            int at = 0;
            for (int i = 0; i < code.length; i++) {
                if (code[i] == k) {
                    out[at++] = i;
                }
            }
            return out;
        }
    }
}
