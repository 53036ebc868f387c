package io.loyalty.tablesaw;

import io.loyalty.clv.ClvCalculator;
import io.loyalty.clv.FitSummary;
import io.loyalty.clv.GammaGammaModel;
import io.loyalty.clv.HoldoutValidation;
import io.loyalty.clv.ParameterEstimate;
import io.loyalty.clv.TransactionModel;
import io.loyalty.data.CustomerSummaries;
import io.loyalty.internal.Checks;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Tablesaw out for the CLV family: fitted parameters, the holdout comparison and per-customer predictions as
 * tables with columns named by us.
 *
 * @since 0.1
 */
public final class ClvTables {
    private ClvTables() {
    }

    /**
     * The estimates: {@code parameter, estimate, std_err, lower_95, upper_95}, the columns of
     * {@link FitSummary#writeCsv}.
     *
     * @param fit the fit summary
     * @return a new table named after the model
     */
    public static Table toTable(FitSummary fit) {
        Checks.notNull(fit, "fit");
        return toTable(fit.model(), fit.estimates());
    }

    /**
     * Estimates (a fit's, an sBG model's): {@code parameter, estimate, std_err, lower_95, upper_95}, the columns
     * of {@link ParameterEstimate#writeCsv(List, java.io.Writer)}.
     *
     * @param name the table's name
     * @param estimates the estimates
     * @return a new table
     * @throws IllegalArgumentException if an argument or an estimate is null
     * @since 0.2
     */
    public static Table toTable(String name, List<ParameterEstimate> estimates) {
        Checks.notNull(name, "name");
        Checks.notNull(estimates, "estimates");
        int n = estimates.size();
        StringColumn parameter = StringColumn.create("parameter");
        DoubleColumn value = DoubleColumn.create("estimate", n);
        DoubleColumn se = DoubleColumn.create("std_err", n);
        DoubleColumn lower = DoubleColumn.create("lower_95", n);
        DoubleColumn upper = DoubleColumn.create("upper_95", n);
        for (int i = 0; i < n; i++) {
            ParameterEstimate e = Checks.notNull(estimates.get(i), "estimates[" + i + "]");
            parameter.append(e.name());
            value.set(i, e.value());
            se.set(i, e.standardError());
            lower.set(i, e.interval().lower());
            upper.set(i, e.interval().upper());
        }
        return Columns.readable(Table.create(name, parameter, value, se, lower, upper));
    }

    /**
     * The holdout comparison by calibration frequency: {@code calibration_frequency} ("7+" for the pooled
     * group), {@code customers, actual_mean, predicted_mean}: the columns of {@link HoldoutValidation#writeCsv}.
     *
     * @param validation the comparison
     * @return a new table
     */
    public static Table toTable(HoldoutValidation validation) {
        Checks.notNull(validation, "validation");
        int n = validation.groups().size();
        StringColumn label = StringColumn.create("calibration_frequency");
        IntColumn customers = IntColumn.create("customers", n);
        DoubleColumn actual = DoubleColumn.create("actual_mean", n);
        DoubleColumn predicted = DoubleColumn.create("predicted_mean", n);
        for (int i = 0; i < n; i++) {
            HoldoutValidation.Group g = validation.groups().get(i);
            label.append(g.label());
            customers.set(i, g.customers());
            actual.set(i, g.actualMean());
            predicted.set(i, g.predictedMean());
        }
        return Columns.readable(Table.create("holdout validation", label, customers, actual, predicted));
    }

    /**
     * Per-customer predictions: {@code customer_id, frequency, recency_<unit>, T_<unit>, mean_repeat_amount,
     * p_alive, expected_purchases} (over {@code horizon}), then {@code expected_spend} and {@code clv} when a spend
     * model and a calculator are given; {@code <unit>} is the summaries' {@link io.loyalty.data.PeriodRule#unitName()}
     * ({@code recency_weeks}), the names of {@link DataTables#toTable(CustomerSummaries)}.
     *
     * @param summaries the customers, in the purchase model's time unit
     * @param purchases the purchase model
     * @param horizon the horizon of {@code expected_purchases}, &gt;= 0
     * @param spend the spend model, or null
     * @param clv the CLV calculator, or null
     * @return a new table, one row per customer in the summaries' order
     */
    public static Table predictions(CustomerSummaries summaries, TransactionModel purchases, double horizon,
            GammaGammaModel spend, ClvCalculator clv) {
        Checks.notNull(summaries, "summaries");
        Checks.notNull(purchases, "purchases");
        Checks.nonNegative(horizon, "horizon");
        double[] x = summaries.frequencyAsDouble();
        double[] tx = summaries.recency();
        double[] t = summaries.t();
        double[] m = summaries.monetary();
        String unit = summaries.rule().unitName();
        Table table = Table.create(purchases.name() + " predictions",
                StringColumn.create("customer_id", summaries.ids()), DoubleColumn.create("frequency", x),
                DoubleColumn.create("recency_" + unit, tx), DoubleColumn.create("T_" + unit, t),
                DoubleColumn.create("mean_repeat_amount", m),
                DoubleColumn.create("p_alive", purchases.probabilityAlive(x, tx, t)),
                DoubleColumn.create("expected_purchases", purchases.conditionalExpectedPurchases(horizon, x, tx, t)));
        if (spend != null) {
            table.addColumns(DoubleColumn.create("expected_spend", spend.conditionalExpectedAverageProfit(x, m)));
        }
        if (clv != null) {
            table.addColumns(DoubleColumn.create("clv", clv.clv(x, tx, t, m)));
        }
        return Columns.readable(table);
    }
}
