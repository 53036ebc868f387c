package io.loyalty.spark;

import io.loyalty.experiment.SegmentedSummaries;
import io.loyalty.internal.Checks;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Per-arm and per-(arm, segment) summaries of experiment metrics in a {@code Dataset<Row>} with one row per
 * customer: the core's {@link SegmentedSummaries} (per cell n and the exact sums of the values and of their squares,
 * the mean and centred sum of squares rounded once from them, so the summaries are bitwise the same for any
 * partitioning and row order), from which the core's tests run on the driver.
 *
 * <pre>{@code
 * Map<String, SegmentedSummaries> s = SparkExperiments.of("segment", "visit", "spend")
 *         .bySegment("history_segment").summaries(customers);
 * SegmentedSummaries visit = s.get("visit");
 * int women = visit.arms().indexOf("Womens E-Mail");
 * int none = visit.arms().indexOf("No E-Mail");
 * Comparison rate = Proportions.compare("Womens vs none", "visit rate", Math.round(visit.arm(women).total()),
 *         visit.arm(women).n(), Math.round(visit.arm(none).total()), visit.arm(none).n(), 0.95);
 * TTest.Result spend = TTest.withDefaults().test(s.get("spend").arm(women), s.get("spend").arm(none));
 * }</pre>
 *
 * <p>Distributed, without an exchange: each partition codes the arms and segments it meets, reduces its rows
 * with the core's {@link SegmentedSummaries#of} (in chunks, merged by the core's {@code combine}) and sends one
 * summary per metric to the driver. On the driver: every partition's summaries are given the common labels (sorted,
 * as the core's Tablesaw adapter codes them) with {@link SegmentedSummaries#withLabels} and combined in partition
 * order. A rate is a 0/1 metric: its successes are {@code Math.round(summary.total())}.
 *
 * <p>Bad input, reported with the column and a count of rows: a missing or mistyped column (from the schema, no
 * job); a null arm, segment or metric, or a NaN metric (counted in the one pass; {@link #droppingNulls()} leaves
 * such rows out); an infinite metric (always rejected). Immutable.
 *
 * @since 0.1
 */
public final class SparkExperiments {
    /** Rows reduced at a time in a partition: bounds memory, and the core merges the chunks exactly as parts. */
    private static final int CHUNK_ROWS = 1 << 16;
    private static final String ALL = "all";

    private final String arm;
    private final List<String> metrics;
    private final String segment;
    private final NullPolicy nulls;

    private SparkExperiments(String arm, List<String> metrics, String segment, NullPolicy nulls) {
        this.arm = arm;
        this.metrics = metrics;
        this.segment = segment;
        this.nulls = nulls;
    }

    /**
     * Summaries of numeric metrics per arm, with one segment named {@code "all"}; rows with a null are rejected.
     *
     * @param armColumn the arm column (string, integral or boolean)
     * @param metricColumns the metric columns (numeric; a 0/1 column is a rate), at least one, each different from
     *     the others and from the arm column
     * @return the calculator
     */
    public static SparkExperiments of(String armColumn, String... metricColumns) {
        Checks.notBlank(armColumn, "armColumn");
        Checks.notNull(metricColumns, "metricColumns");
        Checks.require(metricColumns.length > 0, "metricColumns is empty");
        for (int i = 0; i < metricColumns.length; i++) {
            Checks.notBlank(metricColumns[i], "metricColumns[" + i + "]");
        }
        List<String> metrics = List.of(metricColumns);
        requireDistinct(armColumn, metrics, null);
        return new SparkExperiments(armColumn, metrics, null, NullPolicy.REJECT);
    }

    /**
     * Throws unless the arm, metric and segment columns are distinct, ignoring case as Spark resolves names (and as
     * the core's Tablesaw adapter requires): one column cannot be both a label and a measure.
     */
    private static void requireDistinct(String arm, List<String> metrics, String segment) {
        List<String> names = new ArrayList<>(metrics);
        names.add(arm);
        if (segment != null) {
            names.add(segment);
        }
        Checks.require(names.stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct().count() == names.size(),
                "the arm, metric and segment columns must differ, got arm %s, metrics %s%s", arm, metrics,
                segment == null ? "" : ", segment " + segment);
    }

    /**
     * This calculator also summarising per segment: the values of a string, integral or boolean column.
     *
     * @param segmentColumn the segment column, neither the arm nor a metric column
     * @return a new calculator
     */
    public SparkExperiments bySegment(String segmentColumn) {
        requireDistinct(arm, metrics, Checks.notBlank(segmentColumn, "segmentColumn"));
        return new SparkExperiments(arm, metrics, segmentColumn, nulls);
    }

    /**
     * This calculator leaving out rows with a null arm, segment or metric (or a NaN metric) instead of
     * rejecting them.
     *
     * @return a new calculator
     */
    public SparkExperiments droppingNulls() {
        return new SparkExperiments(arm, metrics, segment, NullPolicy.DROP);
    }

    /**
     * The summaries of every metric, in one pass over the rows.
     *
     * @param rows one row per unit (customer) of the experiment; not modified
     * @return the summaries by metric column, in the order given; arms and segments in sorted label order
     * @throws IllegalArgumentException on bad input (see the class comment) or when no row is left
     */
    public Map<String, SegmentedSummaries> summaries(Dataset<Row> rows) {
        Checks.notNull(rows, "rows");
        Inputs.requireColumn(rows, arm, "arm", Inputs.Kind.LABEL);
        if (segment != null) {
            Inputs.requireColumn(rows, segment, "segment", Inputs.Kind.LABEL);
        }
        boolean[] orNaN = new boolean[2 + metrics.size()];
        List<Column> columns = new ArrayList<>();
        columns.add(col(Inputs.quoted(arm)).cast(DataTypes.StringType));
        columns.add(segment == null ? lit(ALL) : col(Inputs.quoted(segment)).cast(DataTypes.StringType));
        for (int j = 0; j < metrics.size(); j++) {
            Inputs.requireColumn(rows, metrics.get(j), "metric", Inputs.Kind.NUMERIC);
            orNaN[2 + j] = Inputs.floating(rows, metrics.get(j));
            columns.add(Inputs.number(metrics.get(j)));
        }
        int m = metrics.size();
        boolean drop = nulls == NullPolicy.DROP;
        List<Part> parts = new ArrayList<>();
        for (byte[] bytes : rows.select(columns.toArray(new Column[0])).javaRDD()
                .mapPartitions((FlatMapFunction<Iterator<Row>, byte[]>) it ->
                        List.of(Shipment.pack(Part.of(it, m))).iterator())
                .collect()) {
            parts.add(Shipment.unpack(bytes, Part.class));
        }

        long[] missing = new long[2 + m];
        long[] infinite = new long[m];
        TreeSet<String> arms = new TreeSet<>();
        TreeSet<String> segments = new TreeSet<>();
        for (Part p : parts) {
            for (int j = 0; j < missing.length; j++) {
                missing[j] += p.missing[j];
            }
            for (int j = 0; j < m; j++) {
                infinite[j] += p.infinite[j];
            }
            if (p.summaries != null) {
                arms.addAll(p.summaries[0].arms());
                segments.addAll(p.summaries[0].segments());
            }
        }
        rejectInfinite(infinite);
        if (!drop) {
            String[] names = new String[2 + m];
            names[0] = arm;
            names[1] = segment == null ? ALL : segment;
            for (int j = 0; j < m; j++) {
                names[2 + j] = metrics.get(j);
            }
            Inputs.rejectIncomplete(names, missing, orNaN);
        }
        Checks.require(!arms.isEmpty(), "rows has no rows%s", drop ? " left after dropping nulls" : "");
        List<String> armLabels = List.copyOf(arms);
        List<String> segmentLabels = List.copyOf(segments);
        SegmentedSummaries[] total = new SegmentedSummaries[m];
        for (Part p : parts) {
            if (p.summaries == null) {
                continue;
            }
            for (int j = 0; j < m; j++) {
                SegmentedSummaries s = p.summaries[j].withLabels(armLabels, segmentLabels);
                total[j] = total[j] == null ? s : total[j].combine(s);
            }
        }
        Map<String, SegmentedSummaries> out = new LinkedHashMap<>();
        for (int j = 0; j < m; j++) {
            out.put(metrics.get(j), total[j]);
        }
        return Collections.unmodifiableMap(out);
    }

    private void rejectInfinite(long[] infinite) {
        List<String> problems = new ArrayList<>();
        for (int j = 0; j < infinite.length; j++) {
            if (infinite[j] > 0) {
                problems.add(String.format("metric column '%s' is infinite in %d row%s", metrics.get(j), infinite[j],
                        infinite[j] == 1 ? "" : "s"));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    @Override
    public String toString() {
        return "SparkExperiments[arm " + arm + ", metrics " + metrics + (segment == null ? "" : ", by " + segment)
                + ", nulls " + nulls + "]";
    }

    /**
     * One partition's summaries (with the labels it met, in the order it met them) and the rows it left out.
     * Rows with a null are counted and left out here; whether that is an error is the driver's decision.
     */
    private static final class Part implements Serializable {
        private static final long serialVersionUID = 1L;

        /** Rows with a null arm, segment, or metric j (or NaN), at 0, 1 and 2 + j. */
        private final long[] missing;
        private final long[] infinite;
        /** Per metric; null when the partition had no complete row. */
        private SegmentedSummaries[] summaries;

        private Part(int metrics) {
            missing = new long[2 + metrics];
            infinite = new long[metrics];
        }

        static Part of(Iterator<Row> rows, int metrics) {
            Part part = new Part(metrics);
            Map<String, Integer> armCode = new HashMap<>();
            Map<String, Integer> segmentCode = new HashMap<>();
            List<String> arms = new ArrayList<>();
            List<String> segments = new ArrayList<>();
            int[] a = new int[CHUNK_ROWS];
            int[] s = new int[CHUNK_ROWS];
            double[][] v = new double[metrics][CHUNK_ROWS];
            int n = 0;
            while (rows.hasNext()) {
                Row r = rows.next();
                boolean skip = false;
                for (int c = 0; c < 2 + metrics; c++) {
                    if (r.isNullAt(c) || c >= 2 && Double.isNaN(r.getDouble(c))) {
                        part.missing[c]++;
                        skip = true;
                    } else if (c >= 2 && Double.isInfinite(r.getDouble(c))) {
                        part.infinite[c - 2]++;
                        skip = true;
                    }
                }
                if (skip) {
                    continue;
                }
                a[n] = armCode.computeIfAbsent(r.getString(0), label -> {
                    arms.add(label);
                    return arms.size() - 1;
                });
                s[n] = segmentCode.computeIfAbsent(r.getString(1), label -> {
                    segments.add(label);
                    return segments.size() - 1;
                });
                for (int j = 0; j < metrics; j++) {
                    v[j][n] = r.getDouble(2 + j);
                }
                if (++n == CHUNK_ROWS) {
                    part.reduce(a, s, v, n, arms, segments);
                    n = 0;
                }
            }
            if (n > 0) {
                part.reduce(a, s, v, n, arms, segments);
            }
            return part;
        }

        /** The core's one-pass reduction of a chunk, merged into the partition's summaries. */
        private void reduce(int[] a, int[] s, double[][] v, int n, List<String> arms, List<String> segments) {
            if (summaries == null) {
                summaries = new SegmentedSummaries[v.length];
            }
            int[] ac = Arrays.copyOf(a, n);
            int[] sc = Arrays.copyOf(s, n);
            for (int j = 0; j < v.length; j++) {
                SegmentedSummaries chunk = SegmentedSummaries.of(ac, sc, Arrays.copyOf(v[j], n), arms, segments);
                summaries[j] = summaries[j] == null ? chunk : summaries[j].withLabels(arms, segments).combine(chunk);
            }
        }
    }
}
