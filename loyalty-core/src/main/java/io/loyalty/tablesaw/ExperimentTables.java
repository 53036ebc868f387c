package io.loyalty.tablesaw;

import io.loyalty.experiment.ArmSummary;
import io.loyalty.experiment.Comparison;
import io.loyalty.experiment.MeanReadout;
import io.loyalty.experiment.Means;
import io.loyalty.experiment.Proportions;
import io.loyalty.experiment.RateReadout;
import io.loyalty.experiment.SegmentedSummaries;
import io.loyalty.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Tablesaw in and out for the experiment family: a table with arm, segment and metric columns to per-arm and
 * per-segment summaries, and comparisons or summaries back to tables. Arms and segments are coded in sorted
 * label order, so the result does not depend on row order. The table is never modified.
 *
 * @since 0.1
 */
public final class ExperimentTables {
    private ExperimentTables() {
    }

    /**
     * Summaries of a metric per arm and per (arm, segment).
     *
     * @param table the rows, one per customer
     * @param armColumn the arm column (text or integers)
     * @param segmentColumn the segment column (text or integers)
     * @param valueColumn the metric column (numbers; a 0/1 column gives rates)
     * @return the summaries, arms and segments in sorted label order
     */
    public static SegmentedSummaries summaries(Table table, String armColumn, String segmentColumn,
            String valueColumn) {
        Columns.requireNames("armColumn", armColumn, "segmentColumn", segmentColumn, "valueColumn", valueColumn);
        String[] arms = Columns.ids(table, armColumn, "arm");
        String[] segments = Columns.ids(table, segmentColumn, "segment");
        double[] values = Columns.doubles(table, valueColumn, "metric");
        List<String> armLabels = new ArrayList<>();
        List<String> segmentLabels = new ArrayList<>();
        int[] armCodes = codes(arms, armLabels);
        int[] segmentCodes = codes(segments, segmentLabels);
        return SegmentedSummaries.of(armCodes, segmentCodes, values, armLabels, segmentLabels);
    }

    /**
     * Summaries of a metric per arm, with one segment named "all".
     *
     * @param table the rows, one per customer
     * @param armColumn the arm column (text or integers)
     * @param valueColumn the metric column
     * @return the summaries
     */
    public static SegmentedSummaries summaries(Table table, String armColumn, String valueColumn) {
        Columns.requireNames("armColumn", armColumn, "valueColumn", valueColumn);
        String[] arms = Columns.ids(table, armColumn, "arm");
        double[] values = Columns.doubles(table, valueColumn, "metric");
        List<String> armLabels = new ArrayList<>();
        int[] armCodes = codes(arms, armLabels);
        return SegmentedSummaries.of(armCodes, new int[arms.length], values, armLabels, List.of("all"));
    }

    /**
     * The whole readout of a binary metric, {@link Proportions#readout}, from a table with one row per customer:
     * the rows of the two arms are counted, the metric column must hold 0 and 1 only. The label is
     * {@code "<treatmentArm> vs <controlArm>"} and the metric is the column's name.
     *
     * @param table the rows, one per customer
     * @param armColumn the arm column (text or integers)
     * @param metricColumn the 0/1 metric column
     * @param treatmentArm the treatment arm's label in {@code armColumn}
     * @param controlArm the control arm's label in {@code armColumn}, another label
     * @param confidence the confidence level in (0, 1), e.g. 0.95
     * @return the readout
     * @throws IllegalArgumentException naming the column, row and value of a metric that is not 0 or 1, or naming an
     *     arm that no row holds
     */
    public static RateReadout rateReadout(Table table, String armColumn, String metricColumn, String treatmentArm,
            String controlArm, double confidence) {
        Checks.notNull(armColumn, "armColumn");
        Checks.notNull(metricColumn, "metricColumn");
        Columns.requireNames("armColumn", armColumn, "metricColumn", metricColumn);
        String[] arms = Columns.ids(table, armColumn, "arm");
        double[] values = Columns.doubles(table, metricColumn, "metric");
        checkArms(arms, armColumn, treatmentArm, controlArm);
        long[] successes = new long[2];
        long[] trials = new long[2];
        for (int row = 0; row < arms.length; row++) {
            double v = values[row];
            if (v != 0 && v != 1) {
                throw new IllegalArgumentException(Checks.format(
                        "column '%s' row %d must be 0 or 1 for a rate, got %s", metricColumn, row, v));
            }
            int arm = arms[row].equals(treatmentArm) ? 0 : arms[row].equals(controlArm) ? 1 : -1;
            if (arm >= 0) {
                trials[arm]++;
                successes[arm] += (long) v;
            }
        }
        return Proportions.readout(treatmentArm + " vs " + controlArm, metricColumn, successes[0], trials[0],
                successes[1], trials[1], confidence);
    }

    /**
     * The whole readout of a continuous metric, {@link Means#readout}, from a table with one row per customer: the
     * two arms' values are sliced from the metric column.
     *
     * @param table the rows, one per customer
     * @param armColumn the arm column (text or integers)
     * @param metricColumn the metric column (numbers)
     * @param treatmentArm the treatment arm's label in {@code armColumn}
     * @param controlArm the control arm's label in {@code armColumn}, another label
     * @param confidence the confidence level in (0, 1), e.g. 0.95
     * @return the readout
     * @throws IllegalArgumentException naming an arm that no row holds, or as {@link Means#readout}
     */
    public static MeanReadout meanReadout(Table table, String armColumn, String metricColumn, String treatmentArm,
            String controlArm, double confidence) {
        Checks.notNull(armColumn, "armColumn");
        Checks.notNull(metricColumn, "metricColumn");
        Columns.requireNames("armColumn", armColumn, "metricColumn", metricColumn);
        String[] arms = Columns.ids(table, armColumn, "arm");
        double[] values = Columns.doubles(table, metricColumn, "metric");
        checkArms(arms, armColumn, treatmentArm, controlArm);
        return Means.readout(treatmentArm + " vs " + controlArm, metricColumn, slice(arms, values, treatmentArm),
                slice(arms, values, controlArm), confidence);
    }

    /**
     * The whole readout of a continuous metric with CUPED on a pre-experiment covariate column, as
     * {@link #meanReadout(Table, String, String, String, String, double)}.
     *
     * @param table the rows, one per customer
     * @param armColumn the arm column (text or integers)
     * @param metricColumn the metric column (numbers)
     * @param covariateColumn the pre-experiment covariate column (numbers), e.g. last year's spend
     * @param treatmentArm the treatment arm's label in {@code armColumn}
     * @param controlArm the control arm's label in {@code armColumn}, another label
     * @param confidence the confidence level in (0, 1), e.g. 0.95
     * @return the readout
     * @throws IllegalArgumentException naming an arm that no row holds, or as {@link Means#readout}
     */
    public static MeanReadout meanReadout(Table table, String armColumn, String metricColumn, String covariateColumn,
            String treatmentArm, String controlArm, double confidence) {
        Checks.notNull(armColumn, "armColumn");
        Checks.notNull(metricColumn, "metricColumn");
        Checks.notNull(covariateColumn, "covariateColumn");
        Columns.requireNames("armColumn", armColumn, "metricColumn", metricColumn, "covariateColumn", covariateColumn);
        String[] arms = Columns.ids(table, armColumn, "arm");
        double[] values = Columns.doubles(table, metricColumn, "metric");
        double[] covariate = Columns.doubles(table, covariateColumn, "covariate");
        checkArms(arms, armColumn, treatmentArm, controlArm);
        return Means.readout(treatmentArm + " vs " + controlArm, metricColumn, slice(arms, values, treatmentArm),
                slice(arms, covariate, treatmentArm), slice(arms, values, controlArm),
                slice(arms, covariate, controlArm), confidence);
    }

    private static void checkArms(String[] arms, String armColumn, String treatmentArm, String controlArm) {
        Checks.notNull(treatmentArm, "treatmentArm");
        Checks.notNull(controlArm, "controlArm");
        Checks.require(!treatmentArm.equals(controlArm), "treatmentArm and controlArm must differ, both are '%s'",
                treatmentArm);
        List<String> present = Arrays.asList(arms);
        Checks.require(present.contains(treatmentArm), "treatmentArm '%s' is not a value of column '%s'",
                treatmentArm, armColumn);
        Checks.require(present.contains(controlArm), "controlArm '%s' is not a value of column '%s'", controlArm,
                armColumn);
    }

    private static double[] slice(String[] arms, double[] values, String arm) {
        int n = 0;
        for (String a : arms) {
            if (a.equals(arm)) {
                n++;
            }
        }
        double[] out = new double[n];
        int k = 0;
        for (int row = 0; row < arms.length; row++) {
            if (arms[row].equals(arm)) {
                out[k++] = values[row];
            }
        }
        return out;
    }

    private static int[] codes(String[] labels, List<String> out) {
        out.addAll(new TreeSet<>(List.of(labels)));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < out.size(); i++) {
            index.put(out.get(i), i);
        }
        int[] codes = new int[labels.length];
        for (int row = 0; row < labels.length; row++) {
            codes[row] = index.get(labels[row]);
        }
        return codes;
    }

    /**
     * One row per comparison: {@code comparison, metric, treatment, control, difference, lower, upper,
     * confidence, p_value, significant, method}, the columns of
     * {@link Comparison#writeCsv(List, java.io.Writer)}.
     *
     * @param comparisons the comparisons
     * @return a new table named "comparisons"
     */
    public static Table toTable(List<Comparison> comparisons) {
        Checks.notNull(comparisons, "comparisons");
        StringColumn label = StringColumn.create("comparison");
        StringColumn metric = StringColumn.create("metric");
        DoubleColumn treatment = DoubleColumn.create("treatment");
        DoubleColumn control = DoubleColumn.create("control");
        DoubleColumn difference = DoubleColumn.create("difference");
        DoubleColumn lower = DoubleColumn.create("lower");
        DoubleColumn upper = DoubleColumn.create("upper");
        DoubleColumn confidence = DoubleColumn.create("confidence");
        DoubleColumn p = DoubleColumn.create("p_value");
        BooleanColumn significant = BooleanColumn.create("significant");
        StringColumn method = StringColumn.create("method");
        for (int i = 0; i < comparisons.size(); i++) {
            Comparison c = Checks.notNull(comparisons.get(i), "comparisons[" + i + "]");
            label.append(c.label());
            metric.append(c.metric());
            treatment.append(c.treatment());
            control.append(c.control());
            difference.append(c.difference().estimate());
            lower.append(c.difference().lower());
            upper.append(c.difference().upper());
            confidence.append(c.confidence());
            p.append(c.pValue());
            significant.append(c.significant());
            method.append(c.method());
        }
        return Columns.readable(Table.create("comparisons", label, metric, treatment, control, difference, lower,
                upper, confidence, p, significant, method));
    }

    /**
     * One row per non-empty (arm, segment) cell: {@code arm, segment, n, mean, sd}, the columns of
     * {@link SegmentedSummaries#writeCsv(java.io.Writer)}.
     *
     * @param summaries the summaries
     * @return a new table named "arm summaries"
     */
    public static Table toTable(SegmentedSummaries summaries) {
        Checks.notNull(summaries, "summaries");
        StringColumn arm = StringColumn.create("arm");
        StringColumn segment = StringColumn.create("segment");
        LongColumn n = LongColumn.create("n");
        DoubleColumn mean = DoubleColumn.create("mean");
        DoubleColumn sd = DoubleColumn.create("sd");
        for (int a = 0; a < summaries.arms().size(); a++) {
            for (int s = 0; s < summaries.segments().size(); s++) {
                if (summaries.count(a, s) == 0) {
                    continue;
                }
                ArmSummary c = summaries.cell(a, s);
                arm.append(summaries.arms().get(a));
                segment.append(summaries.segments().get(s));
                n.append(c.n());
                mean.append(c.mean());
                sd.append(Math.sqrt(c.variance()));
            }
        }
        return Columns.readable(Table.create("arm summaries", arm, segment, n, mean, sd));
    }
}
