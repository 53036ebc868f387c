package io.loyalty.spark;

import io.loyalty.internal.Checks;
import io.loyalty.nps.NpsScale;
import io.loyalty.privacy.BoundedTally;
import io.loyalty.privacy.ContributionBounds;
import io.loyalty.privacy.DpAggregates;
import io.loyalty.privacy.DpRelease;
import io.loyalty.privacy.DpTable;
import io.loyalty.privacy.Partitions;
import io.loyalty.privacy.PrivacyBudget;
import io.loyalty.privacy.PrivacyCost;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.col;

/**
 * Customer-level differentially private aggregates of a {@code Dataset<Row>}, with the core's
 * {@link io.loyalty.privacy} doing the privacy: the budget is spent and the bounding key drawn on the driver
 * ({@link DpRelease}); the rows are hashed by customer (one exchange) and each executor feeds whole customers to the
 * core's {@link BoundedTally}, which bounds their contribution; the partitions' tallies (counts only, no customer
 * data) are combined on the driver, where partitions are selected and noise is added once. With the same budget
 * seed and rows, the table equals {@link DpAggregates#nps} on arrays.
 *
 * <pre>{@code
 * DpTable t = SparkPrivacy.nps(answers, "customer", "segment", "score", NpsScale.standard(),
 *         Partitions.selected(0.5, 1e-6), ContributionBounds.of(2, 1), PrivacyCost.laplace(1), budget);
 * }</pre>
 *
 * <p>With {@link Partitions#selected}, the distinct partition labels are collected first (a second, small job):
 * only those that pass the noisy threshold are published. Bad input: null cells (always rejected: a DP release
 * cannot drop rows silently), blank ids or labels, scores off the scale, and, with known partitions, labels not
 * among them are each reported with the column and the number of rows before any budget is spent.
 *
 * @since 0.2
 */
public final class SparkPrivacy {
    private static final String ID = "__id";
    private static final String PART = "__part";
    private static final String SCORE = "__score";

    private SparkPrivacy() {
    }

    /**
     * DP NPS tallies and scores by partition.
     *
     * @param answers one row per answer; not modified
     * @param customerColumn the customer id column (string or integral)
     * @param partitionColumn the partition column (string, integral or boolean: e.g. "segment | period")
     * @param scoreColumn the answer column (integral)
     * @param scale the NPS scale
     * @param spec known partitions or a selection
     * @param bounds at most {@code maxPartitions} partitions and {@code maxRowsPerPartition} answers each per
     *        customer, enforced on the executors
     * @param cost the cost of the tallies
     * @param budget the budget to draw from (on the driver)
     * @return the table of {@link DpAggregates#nps}
     * @throws IllegalArgumentException for a missing or mistyped column or bad rows, naming the column and count
     */
    public static DpTable nps(Dataset<Row> answers, String customerColumn, String partitionColumn, String scoreColumn,
            NpsScale scale, Partitions spec, ContributionBounds bounds, PrivacyCost cost, PrivacyBudget budget) {
        Checks.notNull(answers, "answers");
        Checks.notNull(scale, "scale");
        Checks.notNull(spec, "partitions");
        Checks.notNull(bounds, "bounds");
        Checks.notNull(cost, "cost");
        Checks.notNull(budget, "budget");
        Inputs.requireColumn(answers, customerColumn, "customer id", Inputs.Kind.ID);
        Inputs.requireColumn(answers, partitionColumn, "partition", Inputs.Kind.LABEL);
        DataType scoreType = Inputs.requireColumn(answers, scoreColumn, "score", Inputs.Kind.NUMERIC);
        Checks.require(Inputs.integral(scoreType), "score column '%s' must be integral but is %s", scoreColumn,
                scoreType.simpleString());
        Column id = col(customerColumn).cast("string");
        Column part = col(partitionColumn).cast("string");
        Column score = col(scoreColumn);
        List<Inputs.Rule> rules = new ArrayList<>(Inputs.nullCells(answers, customerColumn, partitionColumn,
                scoreColumn));
        rules.add(Inputs.Rule.invalid(customerColumn, "blank", Inputs.blank(id)));
        rules.add(Inputs.Rule.invalid(partitionColumn, "blank", Inputs.blank(part)));
        rules.add(Inputs.Rule.invalid(scoreColumn, Checks.format("off the scale [%d, %d]", scale.min(), scale.max()),
                score.lt(scale.min()).or(score.gt(scale.max()))));
        if (!spec.isSelected()) {
            rules.add(Inputs.Rule.invalid(partitionColumn, "not one of the known partitions",
                    part.isin(spec.labels().toArray()).unary_$bang()));
        }
        Dataset<Row> rows = Inputs.requireValid(answers, NullPolicy.REJECT, rules)
                .select(id.as(ID), part.as(PART), score.cast("int").as(SCORE));
        List<String> labels;
        if (spec.isSelected()) {
            TreeSet<String> distinct = new TreeSet<>();
            for (Row r : rows.select(PART).distinct().collectAsList()) {
                distinct.add(r.getString(0));
            }
            labels = List.copyOf(distinct);
        } else {
            labels = spec.labels();
        }
        DpRelease release = DpRelease.beginNps(cost, spec, budget);
        long key = release.key();
        int l0 = bounds.maxPartitions();
        int linf = bounds.maxRowsPerPartition();
        int[] s = {scale.min(), scale.detractorMax(), scale.passiveMax(), scale.max()};
        List<byte[]> shipped = rows.repartition(col(ID)).sortWithinPartitions(col(ID)).javaRDD()
                .mapPartitions((FlatMapFunction<Iterator<Row>, byte[]>) it ->
                        List.of(Shipment.pack(tally(it, labels, ContributionBounds.of(l0, linf), key,
                                NpsScale.of(s[0], s[1], s[2], s[3])))).iterator())
                .collect();
        BoundedTally total = BoundedTally.create(labels, 3, bounds, key);
        for (byte[] b : shipped) {
            total.combine(Shipment.unpack(b, BoundedTally.class));
        }
        return release.nps(labels, total, bounds);
    }

    /** One partition's rows, sorted by customer, fed to the core customer by customer. */
    private static BoundedTally tally(Iterator<Row> rows, List<String> labels, ContributionBounds bounds, long key,
            NpsScale scale) {
        BoundedTally t = BoundedTally.create(labels, 3, bounds, key);
        Map<String, Integer> index = new HashMap<>();
        for (int p = 0; p < labels.size(); p++) {
            index.put(labels.get(p), p);
        }
        int[] parts = new int[16];
        int[] cats = new int[16];
        int n = 0;
        String current = null;
        while (rows.hasNext()) {
            Row r = rows.next();
            String customer = r.getString(0);
            if (current != null && !current.equals(customer)) {
                t.addCustomer(current, parts, cats, n);
                n = 0;
            }
            current = customer;
            if (n == parts.length) {
                parts = Arrays.copyOf(parts, n * 2);
                cats = Arrays.copyOf(cats, n * 2);
            }
            parts[n] = index.get(r.getString(1));
            cats[n] = DpRelease.npsCategory(scale, r.getInt(2));
            n++;
        }
        if (current != null) {
            t.addCustomer(current, parts, cats, n);
        }
        return t;
    }
}
