package io.loyalty.spark;

import static org.apache.spark.sql.functions.col;

import io.loyalty.churn.AtRiskCustomer;
import io.loyalty.churn.Reason;
import io.loyalty.churn.WarningList;
import io.loyalty.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The churn early-warning list on a {@code Dataset<Row>}: the core's {@link io.loyalty.churn.ChurnWarning} computes
 * the list (a few thousand ranked rows, on the driver), Spark carries it to the customers: as a Dataset of its own,
 * or joined onto a customer table (contact details, owner, country) so that the retention team's systems read it
 * where their data already is.
 *
 * <pre>{@code
 * WarningList list = ChurnWarning.withDefaults().withLimit(5000).list(summaries, previousRfm);
 * Dataset<Row> toCall = SparkChurn.join(crm, "customer_id", list);   // crm's columns, then the list's
 * }</pre>
 *
 * <p>Columns of the list (as {@link WarningList#CSV_HEADER} and {@code ChurnTables}): {@code rank} (int),
 * {@code list_customer_id} (string), {@code p_alive, p_alive_lower, p_alive_upper, p_alive_confidence} (double),
 * {@code p_alive_method}
 * (string), {@code expected_purchases_if_retained, clv_if_retained, value_at_risk} (double),
 * {@code days_since_last_purchase} (long), {@code expected_days_between_purchases, overdue_ratio} (double),
 * {@code segment_now, segment_before} (string; null without a previous segment) and {@code reasons} (array of
 * {@link Reason} names).
 *
 * @since 0.2
 */
public final class SparkChurn {
    /** The column holding the listed customer's id. */
    public static final String CUSTOMER_ID = "list_customer_id";
    private static final StructType SCHEMA = new StructType()
            .add("rank", DataTypes.IntegerType, false)
            .add(CUSTOMER_ID, DataTypes.StringType, false)
            .add("p_alive", DataTypes.DoubleType, false)
            .add("p_alive_lower", DataTypes.DoubleType, false)
            .add("p_alive_upper", DataTypes.DoubleType, false)
            .add("p_alive_confidence", DataTypes.DoubleType, false)
            .add("p_alive_method", DataTypes.StringType, false)
            .add("expected_purchases_if_retained", DataTypes.DoubleType, false)
            .add("clv_if_retained", DataTypes.DoubleType, false)
            .add("value_at_risk", DataTypes.DoubleType, false)
            .add("days_since_last_purchase", DataTypes.LongType, false)
            .add("expected_days_between_purchases", DataTypes.DoubleType, false)
            .add("overdue_ratio", DataTypes.DoubleType, false)
            .add("segment_now", DataTypes.StringType, false)
            .add("segment_before", DataTypes.StringType, true)
            .add("reasons", DataTypes.createArrayType(DataTypes.StringType, false), false);

    private SparkChurn() {
    }

    /**
     * The list as a Dataset, one row per listed customer (ordered by {@code rank} when sorted by it).
     *
     * @param spark the session
     * @param list the list
     * @return a new Dataset
     */
    public static Dataset<Row> toDataset(SparkSession spark, WarningList list) {
        Checks.notNull(spark, "spark");
        Checks.notNull(list, "list");
        List<Row> rows = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            AtRiskCustomer r = list.get(i);
            String[] reasons = new String[r.reasons().size()];
            for (int k = 0; k < reasons.length; k++) {
                reasons[k] = r.reasons().get(k).name();
            }
            rows.add(RowFactory.create(i + 1, r.customerId(), r.probabilityAlive().estimate(),
                    r.probabilityAlive().lower(), r.probabilityAlive().upper(), r.probabilityAlive().confidence(),
                    r.probabilityAlive().method(),
                    r.expectedPurchasesIfRetained(), r.clvIfRetained(), r.valueAtRisk(), r.daysSinceLastPurchase(),
                    r.expectedDaysBetweenPurchases(), r.overdueRatio(), r.segmentNow(),
                    r.segmentBefore().orElse(null), Arrays.asList(reasons)));
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    /**
     * The listed customers of a customer table with the list's columns: an inner join on the id's string form
     * ({@code cast(idColumn as string)} equal to the list's id), sorted by rank. Customers not listed are left out;
     * a listed customer appears once per matching row of {@code customers}.
     *
     * @param customers the customer table (not modified)
     * @param idColumn its customer id column, present
     * @param list the list
     * @return a new Dataset: the customers' columns, then the list's
     * @throws IllegalArgumentException if an argument is null or the id column is missing
     */
    public static Dataset<Row> join(Dataset<Row> customers, String idColumn, WarningList list) {
        Checks.notNull(customers, "customers");
        Checks.notNull(idColumn, "idColumn");
        Checks.notNull(list, "list");
        Checks.require(Arrays.asList(customers.columns()).contains(idColumn),
                "idColumn '%s' is not a column of customers (columns: %s)", idColumn,
                String.join(", ", customers.columns()));
        Dataset<Row> listed = toDataset(customers.sparkSession(), list);
        return customers.join(listed, customers.col(idColumn).cast(DataTypes.StringType).equalTo(col(CUSTOMER_ID)))
                .orderBy(col("rank"));
    }
}
