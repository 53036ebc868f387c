package io.loyalty.tablesaw;

import io.loyalty.cohort.Bracket;
import io.loyalty.cohort.ChurnDurations;
import io.loyalty.cohort.ChurnRates;
import io.loyalty.cohort.ChurnRule;
import io.loyalty.cohort.CohortMatrices;
import io.loyalty.cohort.Cohorts;
import io.loyalty.cohort.LogRankTest;
import io.loyalty.cohort.SbgModel;
import io.loyalty.cohort.SurvivalCurve;
import io.loyalty.internal.Checks;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Tablesaw in and out for the cohort family: transactions tables to cohort matrices and churn durations, and
 * matrices, bracket matrices, survival curves, churn durations and rates, log-rank tests and sBG projections to
 * tables. Each input column is looked up once and copied into a primitive array;
 * the table is never modified.
 *
 * @since 0.1
 */
public final class CohortTables {
    private CohortTables() {
    }

    /**
     * Cohort matrices from a transactions table.
     *
     * @param table the transactions
     * @param customerIdColumn the customer id column (text or whole numbers)
     * @param timeColumn the time column (dates, date-times read as UTC, or instants)
     * @param amountColumn the amount column
     * @param cohorts the configured calculator
     * @return the matrices
     */
    public static CohortMatrices matrices(Table table, String customerIdColumn, String timeColumn,
            String amountColumn, Cohorts cohorts) {
        Checks.notNull(cohorts, "cohorts");
        Columns.requireNames("customerIdColumn", customerIdColumn, "timeColumn", timeColumn,
                "amountColumn", amountColumn);
        return cohorts.matrices(Columns.ids(table, customerIdColumn, "customer id"),
                Columns.epochSeconds(table, timeColumn, "time"), Columns.doubles(table, amountColumn, "amount"));
    }

    /**
     * Churn durations from a transactions table.
     *
     * @param table the transactions
     * @param customerIdColumn the customer id column
     * @param timeColumn the time column
     * @param rule the churn rule
     * @return the durations
     */
    public static ChurnDurations churn(Table table, String customerIdColumn, String timeColumn, ChurnRule rule) {
        Checks.notNull(rule, "rule");
        Columns.requireNames("customerIdColumn", customerIdColumn, "timeColumn", timeColumn);
        return rule.apply(Columns.ids(table, customerIdColumn, "customer id"),
                Columns.epochSeconds(table, timeColumn, "time"));
    }

    /**
     * One row per cohort: {@code cohort, size}, then one column per offset named by the cohort period and the
     * offset ({@code month_0, month_1, ...}); a cell past the data end is missing. The columns of
     * {@link CohortMatrices#writeCsv(java.io.Writer, CohortMatrices.Measure)}, which also marks incomplete cells.
     *
     * @param matrices the matrices
     * @param measure what the cells hold
     * @return a new table named after the measure
     */
    public static Table toTable(CohortMatrices matrices, CohortMatrices.Measure measure) {
        Checks.notNull(matrices, "matrices");
        double[][] m = matrices.matrix(measure);
        int width = 0;
        for (double[] row : m) {
            width = Math.max(width, row.length);
        }
        Table t = Table.create(measure.name().toLowerCase(java.util.Locale.ROOT),
                StringColumn.create("cohort", matrices.labels()), LongColumn.create("size", matrices.sizes()));
        for (int k = 0; k < width; k++) {
            DoubleColumn col = DoubleColumn.create(
                    matrices.period().name().toLowerCase(java.util.Locale.ROOT) + "_" + k, m.length);
            for (int c = 0; c < m.length; c++) {
                if (k < m[c].length) {
                    col.set(c, m[c][k]);
                }
            }
            t.addColumns(col);
        }
        return Columns.readable(t);
    }

    /**
     * One row per distinct time of a Kaplan-Meier curve: {@code time, n_risk, n_event, n_censor, survival,
     * std_err, lower, upper}, the time column named with its unit as {@link SurvivalCurve#timeColumn()} says
     * ({@code time_days}), as in {@link SurvivalCurve#writeCsv(java.io.Writer)}.
     *
     * @param curve the curve
     * @return a new table named after the curve's label
     */
    public static Table toTable(SurvivalCurve curve) {
        Checks.notNull(curve, "curve");
        return Columns.readable(Table.create("kaplan-meier " + curve.label(),
                DoubleColumn.create(curve.timeColumn(), curve.times()),
                LongColumn.create("n_risk", curve.atRisk()),
                LongColumn.create("n_event", curve.events()),
                LongColumn.create("n_censor", curve.censored()),
                DoubleColumn.create("survival", curve.survival()),
                DoubleColumn.create("std_err", curve.standardError()),
                DoubleColumn.create("lower", curve.lower()),
                DoubleColumn.create("upper", curve.upper())));
    }

    /**
     * Bracket retention: one row per cohort, {@code cohort, size}, then one column per bracket named by the period
     * and its offsets ({@code month_1}, {@code month_2-7}, ...); a bracket that starts past the data end is missing.
     * The columns of {@link CohortMatrices#writeBracketCsv(java.io.Writer, boolean)}.
     *
     * @param matrices the matrices, made with brackets
     * @param shares true for shares of the cohort, false for counts
     * @return the table
     */
    public static Table bracketTable(CohortMatrices matrices, boolean shares) {
        Checks.notNull(matrices, "matrices");
        double[][] m = matrices.bracketMatrix(shares);
        List<Bracket> brackets = matrices.brackets();
        Table t = Table.create(shares ? "bracket retention share" : "bracket retention count",
                StringColumn.create("cohort", matrices.labels()), LongColumn.create("size", matrices.sizes()));
        for (int b = 0; b < brackets.size(); b++) {
            DoubleColumn col = DoubleColumn.create(matrices.period().name().toLowerCase(java.util.Locale.ROOT) + "_"
                    + brackets.get(b), m.length);
            for (int c = 0; c < m.length; c++) {
                if (b < m[c].length) {
                    col.set(c, m[c][b]);
                }
            }
            t.addColumns(col);
        }
        return Columns.readable(t);
    }

    /**
     * One row per customer: {@code customer_id, first_purchase, duration_days, churned}.
     *
     * @param durations the durations
     * @return the table
     */
    public static Table toTable(ChurnDurations durations) {
        Checks.notNull(durations, "durations");
        return Columns.readable(Table.create("churn durations",
                StringColumn.create("customer_id", durations.ids()),
                DateColumn.create("first_purchase", durations.firstPurchaseDays()),
                DoubleColumn.create("duration_days", durations.durations()),
                BooleanColumn.create("churned", durations.churned())));
    }

    /**
     * One row per period: {@code period, at_risk, churned, rate}.
     *
     * @param rates the churn rates
     * @return the table
     */
    public static Table toTable(ChurnRates rates) {
        Checks.notNull(rates, "rates");
        return Columns.readable(Table.create("churn rates",
                StringColumn.create("period", rates.labels()),
                LongColumn.create("at_risk", rates.atRisk()),
                LongColumn.create("churned", rates.churned()),
                DoubleColumn.create("rate", rates.rates())));
    }

    /**
     * One row per group: {@code group, n, observed, expected}; the statistic, degrees of freedom and p-value are
     * in the table's name.
     *
     * @param test the log-rank test
     * @return the table
     */
    public static Table toTable(LogRankTest test) {
        Checks.notNull(test, "test");
        return Columns.readable(Table.create(String.format(java.util.Locale.ROOT,
                        "log-rank chisq = %.6g, df = %d, p = %.6g", test.chiSquare(), test.degreesOfFreedom(),
                        test.pValue()),
                StringColumn.create("group", test.groups()),
                LongColumn.create("n", test.n()),
                DoubleColumn.create("observed", test.observed()),
                DoubleColumn.create("expected", test.expected())));
    }

    /**
     * The sBG projection for t = 0..horizon: {@code t_periods} (t, in the model's periods), {@code survival},
     * {@code retention_rate} (missing at t = 0) and
     * {@code alive} out of {@code initial}; the columns of {@link SbgModel#writeProjectionCsv(double, int,
     * java.io.Writer)}.
     *
     * @param model the fitted model
     * @param initial the customers at t = 0, finite and &gt;= 0
     * @param horizon the last period, &gt;= 0
     * @return the table
     */
    public static Table projection(SbgModel model, double initial, int horizon) {
        Checks.notNull(model, "model");
        double[] alive = model.projectAlive(initial, horizon);
        IntColumn t = IntColumn.create("t_periods", horizon + 1);
        DoubleColumn survival = DoubleColumn.create("survival", horizon + 1);
        DoubleColumn retention = DoubleColumn.create("retention_rate", horizon + 1);
        for (int i = 0; i <= horizon; i++) {
            t.set(i, i);
            survival.set(i, model.survival(i));
            if (i > 0) {
                retention.set(i, model.retentionRate(i));
            }
        }
        return Columns.readable(Table.create("sBG projection", t, survival, retention,
                DoubleColumn.create("alive", alive)));
    }
}
