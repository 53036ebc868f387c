package io.loyalty.tablesaw;

import io.loyalty.churn.AtRiskCustomer;
import io.loyalty.churn.Reason;
import io.loyalty.churn.WarningEvaluation;
import io.loyalty.churn.WarningList;
import io.loyalty.clv.CustomerIntervals;
import io.loyalty.internal.Checks;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Tablesaw out for the churn early-warning list, its measurement on a holdout and the CLV bootstrap intervals,
 * with the columns of their CSV.
 *
 * @since 0.2
 */
public final class ChurnTables {
    private ChurnTables() {
    }

    /**
     * The measurement of a list on a holdout: two rows, the list and the recency baseline, {@code list, listed,
     * listed_non_buyers, precision, recall, lift, auc}; the columns of {@link WarningEvaluation#writeCsv}.
     *
     * @param evaluation the measurement
     * @return a new table named "churn list measured on the holdout"
     * @since 0.2
     */
    public static Table toTable(WarningEvaluation evaluation) {
        WarningEvaluation e = Checks.notNull(evaluation, "evaluation");
        return Columns.readable(Table.create("churn list measured on the holdout",
                StringColumn.create("list", "warning list", "recency baseline"),
                IntColumn.create("listed", e.listed(), e.listed()),
                IntColumn.create("listed_non_buyers", e.listedNonBuyers(), e.baselineListedNonBuyers()),
                DoubleColumn.create("precision", e.precision(), e.baselinePrecision()),
                DoubleColumn.create("recall", e.recall(), e.baselineRecall()),
                DoubleColumn.create("lift", e.lift(), e.baselineLift()),
                DoubleColumn.create("auc", e.auc(), e.baselineAuc())));
    }

    /**
     * The list, one row per listed customer in rank order: {@code rank, customer_id, p_alive, p_alive_lower,
     * p_alive_upper, p_alive_confidence, p_alive_method, expected_purchases_if_retained, clv_if_retained, value_at_risk, days_since_last_purchase,
     * expected_days_between_purchases, overdue_ratio, segment_now, segment_before} (empty without one) and
     * {@code reasons} (the {@link Reason} names joined by ";"): the columns of {@link WarningList#writeCsv}.
     *
     * @param list the list
     * @return a new table named "churn warning list"
     */
    public static Table toTable(WarningList list) {
        Checks.notNull(list, "list");
        int n = list.size();
        IntColumn rank = IntColumn.create("rank", n);
        StringColumn id = StringColumn.create("customer_id");
        DoubleColumn alive = DoubleColumn.create("p_alive", n);
        DoubleColumn lower = DoubleColumn.create("p_alive_lower", n);
        DoubleColumn upper = DoubleColumn.create("p_alive_upper", n);
        DoubleColumn confidence = DoubleColumn.create("p_alive_confidence", n);
        StringColumn method = StringColumn.create("p_alive_method");
        DoubleColumn purchases = DoubleColumn.create("expected_purchases_if_retained", n);
        DoubleColumn clv = DoubleColumn.create("clv_if_retained", n);
        DoubleColumn risk = DoubleColumn.create("value_at_risk", n);
        LongColumn days = LongColumn.create("days_since_last_purchase", n);
        DoubleColumn gap = DoubleColumn.create("expected_days_between_purchases", n);
        DoubleColumn overdue = DoubleColumn.create("overdue_ratio", n);
        StringColumn now = StringColumn.create("segment_now");
        StringColumn before = StringColumn.create("segment_before");
        StringColumn reasons = StringColumn.create("reasons");
        for (int i = 0; i < n; i++) {
            AtRiskCustomer r = list.get(i);
            rank.set(i, i + 1);
            id.append(r.customerId());
            alive.set(i, r.probabilityAlive().estimate());
            lower.set(i, r.probabilityAlive().lower());
            upper.set(i, r.probabilityAlive().upper());
            confidence.set(i, r.probabilityAlive().confidence());
            method.append(r.probabilityAlive().method());
            purchases.set(i, r.expectedPurchasesIfRetained());
            clv.set(i, r.clvIfRetained());
            risk.set(i, r.valueAtRisk());
            days.set(i, r.daysSinceLastPurchase());
            gap.set(i, r.expectedDaysBetweenPurchases());
            overdue.set(i, r.overdueRatio());
            now.append(r.segmentNow());
            before.append(r.segmentBefore().orElse(""));
            StringBuilder b = new StringBuilder();
            for (Reason why : r.reasons()) {
                b.append(b.length() == 0 ? "" : ";").append(why.name());
            }
            reasons.append(b.toString());
        }
        return Columns.readable(Table.create("churn warning list", rank, id, alive, lower, upper, confidence, method,
                purchases, clv, risk, days, gap, overdue, now, before, reasons));
    }

    /**
     * Bootstrap intervals, one row per customer in input order: {@code row, estimate, lower, upper}, the columns
     * of {@link CustomerIntervals#writeCsv}.
     *
     * @param intervals the intervals
     * @return a new table named after the quantity
     */
    public static Table toTable(CustomerIntervals intervals) {
        Checks.notNull(intervals, "intervals");
        int n = intervals.size();
        IntColumn row = IntColumn.create("row", n);
        double[] e = intervals.estimates();
        double[] lo = intervals.lower();
        double[] hi = intervals.upper();
        for (int i = 0; i < n; i++) {
            row.set(i, i);
        }
        return Columns.readable(Table.create(intervals.quantity(), row, DoubleColumn.create("estimate", e),
                DoubleColumn.create("lower", lo), DoubleColumn.create("upper", hi)));
    }
}
