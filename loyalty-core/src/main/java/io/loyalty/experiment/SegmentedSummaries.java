package io.loyalty.experiment;

import io.loyalty.internal.Checks;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-arm and per-(arm, segment) summaries of one metric, reduced in one pass from parallel columns of arm
 * codes, segment codes and values (the kernel behind readouts over millions of rows). Immutable; two reductions
 * of disjoint rows {@link #combine} exactly (Chan's formula), so chunks, threads or Spark partitions can be
 * reduced separately and merged in any order.
 *
 * <p>The pass keeps, per cell, the count and the sums of {@code v - K} and {@code (v - K)^2} with K the cell's
 * first value (the shifted-data algorithm: no cancellation for data far from zero), on primitive arrays
 * without boxing.
 *
 * <p>Parts reduced with their own labels (each Spark partition codes the arms and segments it sees) are brought
 * to common labels by {@link #withLabels} before they combine. Serializable, to travel between a cluster's
 * executors and its driver.
 *
 * @since 0.1
 */
public final class SegmentedSummaries implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The arm labels, in code order. */
    private final List<String> arms;
    /** The segment labels, in code order. */
    private final List<String> segments;
    /** The count of values per cell. */
    private final long[] n;
    /** The mean per cell. */
    private final double[] mean;
    /** The sum of squared deviations from the mean per cell. */
    private final double[] m2;

    private SegmentedSummaries(List<String> arms, List<String> segments, long[] n, double[] mean, double[] m2) {
        this.arms = arms;
        this.segments = segments;
        this.n = n;
        this.mean = mean;
        this.m2 = m2;
    }

    /**
     * Reduces rows to summaries.
     *
     * @param arm the arm code of each row, in 0..arms-1
     * @param segment the segment code of each row, in 0..segments-1
     * @param value the metric of each row, finite
     * @param armLabels the arms' names, in code order
     * @param segmentLabels the segments' names, in code order
     * @return the summaries
     */
    public static SegmentedSummaries of(int[] arm, int[] segment, double[] value, List<String> armLabels,
            List<String> segmentLabels) {
        Checks.notNull(arm, "arm");
        Checks.notNull(segment, "segment");
        Checks.notNull(value, "value");
        Checks.sameLength(arm.length, segment.length, "segment");
        Checks.sameLength(arm.length, value.length, "value");
        List<String> al = List.copyOf(Checks.notNull(armLabels, "armLabels"));
        List<String> sl = List.copyOf(Checks.notNull(segmentLabels, "segmentLabels"));
        int a = al.size();
        int s = sl.size();
        Checks.require(a >= 1 && s >= 1, "need at least one arm and one segment label, got %d and %d", a, s);
        int cells = a * s;
        long[] n = new long[cells];
        double[] shift = new double[cells];
        double[] s1 = new double[cells];
        double[] s2 = new double[cells];
        for (int row = 0; row < value.length; row++) {
            int ar = arm[row];
            int sg = segment[row];
            double v = value[row];
            if (ar < 0 || ar >= a || sg < 0 || sg >= s || !Double.isFinite(v)) {
                throw badRow(row, ar, sg, v, a, s);
            }
            int c = ar * s + sg;
            if (n[c] == 0) {
                shift[c] = v;
            }
            double d = v - shift[c];
            n[c]++;
            s1[c] += d;
            s2[c] += d * d;
        }
        double[] mean = new double[cells];
        double[] m2 = new double[cells];
        for (int c = 0; c < cells; c++) {
            if (n[c] > 0) {
                mean[c] = shift[c] + s1[c] / n[c];
                m2[c] = Math.max(0, s2[c] - s1[c] * s1[c] / n[c]);
            }
        }
        return new SegmentedSummaries(al, sl, n, mean, m2);
    }

    private static IllegalArgumentException badRow(int row, int ar, int sg, double v, int a, int s) {
        if (ar < 0 || ar >= a) {
            return new IllegalArgumentException(
                    Checks.format("arm[%d] must be in 0..%d, got %d", row, a - 1, ar));
        }
        if (sg < 0 || sg >= s) {
            return new IllegalArgumentException(
                    Checks.format("segment[%d] must be in 0..%d, got %d", row, s - 1, sg));
        }
        return new IllegalArgumentException(Checks.format("value[%d] must be finite, got %s", row, v));
    }

    /**
     * The summaries of both reductions' rows together (same labels).
     *
     * @param other a reduction of other rows
     * @return the merged summaries
     */
    public SegmentedSummaries combine(SegmentedSummaries other) {
        Checks.notNull(other, "other");
        Checks.require(arms.equals(other.arms) && segments.equals(other.segments),
                "cannot combine summaries with different labels: %s x %s vs %s x %s", arms, segments, other.arms,
                other.segments);
        int cells = n.length;
        long[] nn = new long[cells];
        double[] mm = new double[cells];
        double[] qq = new double[cells];
        for (int c = 0; c < cells; c++) {
            nn[c] = n[c] + other.n[c];
            if (nn[c] > 0) {
                double delta = other.mean[c] - mean[c];
                mm[c] = mean[c] + delta * other.n[c] / nn[c];
                qq[c] = m2[c] + other.m2[c] + delta * delta * ((double) n[c] * other.n[c] / nn[c]);
            }
        }
        return new SegmentedSummaries(arms, segments, nn, mm, qq);
    }

    /**
     * The same summaries under other labels: every current arm and segment keeps its cells under the same name in
     * the new order, and names that are new get empty cells. Two reductions that coded their rows differently
     * combine after both are given the same labels.
     *
     * @param armLabels the arms' names in the new code order, containing every current arm, without repeats
     * @param segmentLabels the segments' names in the new code order, containing every current segment, without
     *     repeats
     * @return the relabelled summaries
     * @throws IllegalArgumentException if a current label is missing or a label repeats
     */
    public SegmentedSummaries withLabels(List<String> armLabels, List<String> segmentLabels) {
        List<String> al = List.copyOf(Checks.notNull(armLabels, "armLabels"));
        List<String> sl = List.copyOf(Checks.notNull(segmentLabels, "segmentLabels"));
        int[] armTo = positions(arms, al, "armLabels");
        int[] segmentTo = positions(segments, sl, "segmentLabels");
        int cells = al.size() * sl.size();
        long[] nn = new long[cells];
        double[] mm = new double[cells];
        double[] qq = new double[cells];
        for (int a = 0; a < arms.size(); a++) {
            for (int sg = 0; sg < segments.size(); sg++) {
                int from = a * segments.size() + sg;
                int to = armTo[a] * sl.size() + segmentTo[sg];
                nn[to] = n[from];
                mm[to] = mean[from];
                qq[to] = m2[from];
            }
        }
        return new SegmentedSummaries(al, sl, nn, mm, qq);
    }

    /** Where each current label sits in the new list. */
    private static int[] positions(List<String> current, List<String> labels, String name) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            Checks.require(at.put(labels.get(i), i) == null, "%s repeats '%s'", name, labels.get(i));
        }
        int[] to = new int[current.size()];
        for (int i = 0; i < to.length; i++) {
            Integer j = at.get(current.get(i));
            Checks.require(j != null, "%s lacks '%s' (it must hold every current label %s)", name, current.get(i),
                    current);
            to[i] = j;
        }
        return to;
    }

    /**
     * The arms' names.
     *
     * @return the labels in code order
     */
    public List<String> arms() {
        return arms;
    }

    /**
     * The segments' names.
     *
     * @return the labels in code order
     */
    public List<String> segments() {
        return segments;
    }

    /**
     * The number of rows in a cell.
     *
     * @param arm the arm code
     * @param segment the segment code
     * @return the count (0 for an empty cell)
     */
    public long count(int arm, int segment) {
        return n[index(arm, segment)];
    }

    /**
     * The summary of one arm within one segment.
     *
     * @param arm the arm code
     * @param segment the segment code
     * @return the summary
     * @throws IllegalArgumentException if the cell has no rows
     */
    public ArmSummary cell(int arm, int segment) {
        int c = index(arm, segment);
        Checks.require(n[c] > 0, "arm '%s' has no data in segment '%s'", arms.get(arm), segments.get(segment));
        return new ArmSummary(n[c], mean[c], n[c] > 1 ? m2[c] / (n[c] - 1) : 0);
    }

    /**
     * The summary of one arm over all segments.
     *
     * @param arm the arm code
     * @return the summary
     * @throws IllegalArgumentException if the arm has no rows
     */
    public ArmSummary arm(int arm) {
        index(arm, 0);
        long total = 0;
        double mu = 0;
        double q = 0;
        for (int sg = 0; sg < segments.size(); sg++) {
            int c = arm * segments.size() + sg;
            if (n[c] == 0) {
                continue;
            }
            long t = total + n[c];
            double delta = mean[c] - mu;
            mu += delta * n[c] / t;
            q += m2[c] + delta * delta * ((double) total * n[c] / t);
            total = t;
        }
        Checks.require(total > 0, "arm '%s' has no data", arms.get(arm));
        return new ArmSummary(total, mu, total > 1 ? q / (total - 1) : 0);
    }

    private int index(int arm, int segment) {
        Checks.require(arm >= 0 && arm < arms.size(), "arm must be in 0..%d, got %d", arms.size() - 1, arm);
        Checks.require(segment >= 0 && segment < segments.size(), "segment must be in 0..%d, got %d",
                segments.size() - 1, segment);
        return arm * segments.size() + segment;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int a = 0; a < arms.size(); a++) {
            long total = 0;
            for (int sg = 0; sg < segments.size(); sg++) {
                total += n[a * segments.size() + sg];
            }
            sb.append(Checks.format("%s: %s%n", arms.get(a), total > 0 ? arm(a) : "no data"));
        }
        return sb.toString();
    }
}
