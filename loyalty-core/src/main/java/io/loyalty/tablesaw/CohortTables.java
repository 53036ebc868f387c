package io.loyalty.tablesaw;

import io.loyalty.cohort.ChurnDurations;
import io.loyalty.cohort.ChurnRule;
import io.loyalty.cohort.CohortMatrices;
import io.loyalty.cohort.Cohorts;
import io.loyalty.cohort.SurvivalCurve;
import io.loyalty.internal.Checks;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Tablesaw in and out for the cohort family: transactions tables to cohort matrices and churn durations, and
 * matrices and survival curves to tables. Each input column is looked up once and copied into a primitive array;
 * the table is never modified.
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
        Columns.requireDistinct(List.of(customerIdColumn, timeColumn, amountColumn));
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
        Columns.requireDistinct(List.of(customerIdColumn, timeColumn));
        return rule.apply(Columns.ids(table, customerIdColumn, "customer id"),
                Columns.epochSeconds(table, timeColumn, "time"));
    }

    /**
     * One row per cohort: {@code cohort, size}, then one column per offset named {@code 0, 1, ...}; a cell past
     * the data end is missing.
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
            DoubleColumn col = DoubleColumn.create(Integer.toString(k), m.length);
            for (int c = 0; c < m.length; c++) {
                if (k < m[c].length) {
                    col.set(c, m[c][k]);
                }
            }
            t.addColumns(col);
        }
        return t;
    }

    /**
     * One row per distinct time of a Kaplan-Meier curve: {@code time, n_risk, n_event, n_censor, survival,
     * std_err, lower, upper}.
     *
     * @param curve the curve
     * @return a new table named after the curve's label
     */
    public static Table toTable(SurvivalCurve curve) {
        Checks.notNull(curve, "curve");
        return Table.create("kaplan-meier " + curve.label(),
                DoubleColumn.create("time", curve.times()),
                LongColumn.create("n_risk", curve.atRisk()),
                LongColumn.create("n_event", curve.events()),
                LongColumn.create("n_censor", curve.censored()),
                DoubleColumn.create("survival", curve.survival()),
                DoubleColumn.create("std_err", curve.stdErr()),
                DoubleColumn.create("lower", curve.lower()),
                DoubleColumn.create("upper", curve.upper()));
    }
}
