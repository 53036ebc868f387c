package io.loyalty.experiment;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-arm and per-(arm, segment) summaries of one metric, reduced in one pass from parallel columns of arm
 * codes, segment codes and values (the kernel behind readouts over millions of rows). Immutable; two reductions
 * of disjoint rows {@link #combine} exactly, so chunks, threads or Spark partitions can be reduced separately and
 * merged in any order: the summaries are bitwise the same for any order of the rows and any split.
 *
 * <p>The pass keeps, per cell, the count and the exact sums of the values and of their squares (each square as
 * the exact pair {@code v * v} and its fused-multiply-add remainder); a cell's mean and centred sum of squares
 * {@code sum v^2 - (sum v)^2 / n} are computed from them exactly and rounded once, so there is neither
 * cancellation for data far from zero nor any dependence on the order of the rows.
 *
 * <p>Parts reduced with their own labels (each Spark partition codes the arms and segments it sees) are brought
 * to common labels by {@link #withLabels} before they combine. Serializable, to travel between a cluster's
 * executors and its driver; a stream is read back through the same checks as {@link #of}.
 *
 * @since 0.1
 */
public final class SegmentedSummaries implements Serializable {
    /**
     * The most (arm, segment) cells a summary holds: each costs about 32 bytes up front, so the product of two label
     * lists is bounded rather than allocated unchecked.
     */
    public static final int MAX_CELLS = 5_000_000;

    private static final long serialVersionUID = 1L;

    /** The arm labels, in code order. */
    private final List<String> arms;
    /** The segment labels, in code order. */
    private final List<String> segments;
    /** The count of values per cell. */
    private final long[] n;
    /** The exact sums per cell, null for an empty cell. */
    private final Moments[] sums;
    /** The mean per cell, rounded once from the exact sums. */
    private final double[] mean;
    /** The sum of squared deviations from the mean per cell. */
    private final double[] m2;

    private SegmentedSummaries(List<String> arms, List<String> segments, long[] n, Moments[] sums) {
        this.arms = arms;
        this.segments = segments;
        this.n = n;
        this.sums = sums;
        this.mean = new double[n.length];
        this.m2 = new double[n.length];
        for (int c = 0; c < n.length; c++) {
            if (n[c] > 0) {
                mean[c] = sums[c].mean(n[c]);
                m2[c] = sums[c].sumOfSquares(n[c]);
                if (!(m2[c] < Double.POSITIVE_INFINITY) || !Double.isFinite(mean[c])) {
                    throw new IllegalArgumentException(Checks.format("value: the sum of squares of arm '%s' in "
                            + "segment '%s' overflows a double (n = %d, mean = %s)", cellArm(c), cellSegment(c), n[c],
                            mean[c]));
                }
            }
        }
    }

    /**
     * Reduces rows to summaries.
     *
     * @param arm the arm code of each row, in 0..arms-1
     * @param segment the segment code of each row, in 0..segments-1
     * @param value the metric of each row, finite
     * @param armLabels the arms' names, in code order, none null, none repeated
     * @param segmentLabels the segments' names, in code order, none null, none repeated
     * @return the summaries
     * @throws IllegalArgumentException naming the row for a code out of range or a value that is not finite, or
     *     the cell whose sum of squares exceeds a double, or if the labels make more than {@link #MAX_CELLS} cells
     */
    public static SegmentedSummaries of(int[] arm, int[] segment, double[] value, List<String> armLabels,
            List<String> segmentLabels) {
        Checks.notNull(arm, "arm");
        Checks.notNull(segment, "segment");
        Checks.notNull(value, "value");
        Checks.sameLength(arm.length, segment.length, "segment");
        Checks.sameLength(arm.length, value.length, "value");
        List<String> al = labels(armLabels, "armLabels");
        List<String> sl = labels(segmentLabels, "segmentLabels");
        int a = al.size();
        int s = sl.size();
        Checks.require(a >= 1 && s >= 1, "need at least one arm and one segment label, got %d and %d", a, s);
        int cells = cells(a, s);
        long[] n = new long[cells];
        Moments[] sums = new Moments[cells];
        for (int row = 0; row < value.length; row++) {
            int ar = arm[row];
            int sg = segment[row];
            double v = value[row];
            if (ar < 0 || ar >= a || sg < 0 || sg >= s || !Double.isFinite(v)) {
                throw badRow(row, ar, sg, v, a, s);
            }
            int c = ar * s + sg;
            if (n[c]++ == 0) {
                sums[c] = new Moments();
            }
            sums[c].add(v);
        }
        return new SegmentedSummaries(al, sl, n, sums);
    }

    /**
     * Accumulates (arm, segment, value) rows one at a time, for a service that updates a readout as events arrive:
     * the library's {@link io.loyalty.stats.Accumulator} contract. Sums are exact, so the snapshot is the same, bit
     * for bit, for any order of the rows and any split of them across accumulators, and equals
     * {@link SegmentedSummaries#of} of the same rows. Not thread-safe: use one per thread and {@link #combine}.
     *
     * @since 0.2
     */
    public static final class Accumulator
            implements io.loyalty.stats.Accumulator<Accumulator, SegmentedSummaries> {
        private final List<String> arms;
        private final List<String> segments;
        private final long[] n;
        private final Moments[] sums;
        private long rows;

        private Accumulator(List<String> arms, List<String> segments) {
            this.arms = arms;
            this.segments = segments;
            this.n = new long[arms.size() * segments.size()];
            this.sums = new Moments[n.length];
        }

        /**
         * An empty accumulator for the given arms and segments.
         *
         * @param armLabels the arms' names, in code order, none null, none repeated, at least one
         * @param segmentLabels the segments' names, in code order, none null, none repeated, at least one
         * @return the accumulator
         * @throws IllegalArgumentException if a label list is empty, holds a null or a repeat, or the labels make
         *     more than {@link SegmentedSummaries#MAX_CELLS} cells
         */
        public static Accumulator create(List<String> armLabels, List<String> segmentLabels) {
            List<String> al = labels(armLabels, "armLabels");
            List<String> sl = labels(segmentLabels, "segmentLabels");
            Checks.require(al.size() >= 1 && sl.size() >= 1, "need at least one arm and one segment label, got %d "
                    + "and %d", al.size(), sl.size());
            cells(al.size(), sl.size());
            return new Accumulator(al, sl);
        }

        /**
         * Adds one row.
         *
         * @param arm the arm code, in 0..arms-1
         * @param segment the segment code, in 0..segments-1
         * @param value the metric, finite
         * @return this accumulator
         * @throws IllegalArgumentException naming the row (counted from 0 over this accumulator's adds) for a code out
         *     of range or a value that is not finite; the accumulator is then unchanged
         */
        public Accumulator add(int arm, int segment, double value) {
            int a = arms.size();
            int s = segments.size();
            if (arm < 0 || arm >= a || segment < 0 || segment >= s || !Double.isFinite(value)) {
                throw badRow(Math.toIntExact(Math.min(rows, Integer.MAX_VALUE)), arm, segment, value, a, s);
            }
            int c = arm * s + segment;
            if (n[c]++ == 0) {
                sums[c] = new Moments();
            }
            sums[c].add(value);
            rows++;
            return this;
        }

        /**
         * Adds everything {@code other} has seen (same labels) into this accumulator.
         *
         * @param other an accumulator with the same arm and segment labels; not changed
         * @return this accumulator
         * @throws IllegalArgumentException if the labels differ or a cell's count overflows a long
         */
        @Override
        public Accumulator combine(Accumulator other) {
            Checks.notNull(other, "other");
            if (other == this) {
                // Adding an accumulator to itself doubles it: read from a copy so the sums are not read while written.
                return combine(new Accumulator(arms, segments).combine(this));
            }
            Checks.require(arms.equals(other.arms) && segments.equals(other.segments),
                    "cannot combine accumulators with different labels: %s x %s vs %s x %s", arms, segments,
                    other.arms, other.segments);
            for (int c = 0; c < n.length; c++) {
                Checks.require(n[c] <= Long.MAX_VALUE - other.n[c], "combine: the count of cell %d overflows a "
                        + "long: %d + %d", c, n[c], other.n[c]);
            }
            for (int c = 0; c < n.length; c++) {
                if (other.n[c] > 0) {
                    if (n[c] == 0) {
                        sums[c] = new Moments();
                    }
                    sums[c].add(other.sums[c]);
                    n[c] += other.n[c];
                }
            }
            rows += other.rows;
            return this;
        }

        /**
         * The summaries of the rows so far; the accumulator can go on.
         *
         * @return the summaries
         * @throws IllegalArgumentException naming the cell whose sum of squares exceeds a double
         */
        @Override
        public SegmentedSummaries snapshot() {
            Moments[] copy = new Moments[n.length];
            for (int c = 0; c < n.length; c++) {
                if (n[c] > 0) {
                    copy[c] = new Moments();
                    copy[c].add(sums[c]);
                }
            }
            return new SegmentedSummaries(arms, segments, n.clone(), copy);
        }
    }

    /** An immutable copy of labels, none null, none repeated. */
    private static List<String> labels(List<String> labels, String name) {
        Checks.notNull(labels, name);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = Checks.notNull(labels.get(i), name + "[" + i + "]");
            Integer before = seen.put(label, i);
            Checks.require(before == null, "%s repeats '%s' (at %d and %d)", name, label, before, i);
        }
        return List.copyOf(labels);
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
        Moments[] ss = new Moments[cells];
        for (int c = 0; c < cells; c++) {
            nn[c] = n[c] + other.n[c];
            if (((n[c] ^ nn[c]) & (other.n[c] ^ nn[c])) < 0) {
                throw new IllegalArgumentException(Checks.format("combine: the count of arm '%s' in segment '%s' "
                        + "overflows a long: %d + %d", cellArm(c), cellSegment(c), n[c], other.n[c]));
            }
            if (nn[c] > 0) {
                ss[c] = new Moments();
                if (n[c] > 0) {
                    ss[c].add(sums[c]);
                }
                if (other.n[c] > 0) {
                    ss[c].add(other.sums[c]);
                }
            }
        }
        return new SegmentedSummaries(arms, segments, nn, ss);
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
     * @throws IllegalArgumentException if a current label is missing or a label repeats, or the labels make more
     *     than {@link #MAX_CELLS} cells
     */
    public SegmentedSummaries withLabels(List<String> armLabels, List<String> segmentLabels) {
        List<String> al = labels(armLabels, "armLabels");
        List<String> sl = labels(segmentLabels, "segmentLabels");
        int cells = cells(al.size(), sl.size());
        int[] armTo = positions(arms, al, "armLabels");
        int[] segmentTo = positions(segments, sl, "segmentLabels");
        long[] nn = new long[cells];
        Moments[] ss = new Moments[cells];
        for (int a = 0; a < arms.size(); a++) {
            for (int sg = 0; sg < segments.size(); sg++) {
                int from = a * segments.size() + sg;
                int to = armTo[a] * sl.size() + segmentTo[sg];
                nn[to] = n[from];
                ss[to] = sums[from];
            }
        }
        return new SegmentedSummaries(al, sl, nn, ss);
    }

    /** Where each current label sits in the new list. */
    private static int[] positions(List<String> current, List<String> labels, String name) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            at.put(labels.get(i), i);
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
        Moments all = new Moments();
        for (int sg = 0; sg < segments.size(); sg++) {
            int c = arm * segments.size() + sg;
            if (n[c] == 0) {
                continue;
            }
            long t = total + n[c];
            if (((total ^ t) & (n[c] ^ t)) < 0) {
                throw new IllegalArgumentException(Checks.format("arm '%s' has more rows than a long counts: %d + %d",
                        arms.get(arm), total, n[c]));
            }
            all.add(sums[c]);
            total = t;
        }
        Checks.require(total > 0, "arm '%s' has no data", arms.get(arm));
        double q = all.sumOfSquares(total);
        Checks.require(q < Double.POSITIVE_INFINITY, "arm '%s': the sum of squares over its segments overflows a "
                + "double", arms.get(arm));
        return new ArmSummary(total, all.mean(total), total > 1 ? q / (total - 1) : 0);
    }

    private String cellArm(int c) {
        return arms.get(c / segments.size());
    }

    private String cellSegment(int c) {
        return segments.get(c % segments.size());
    }

    private int index(int arm, int segment) {
        Checks.require(arm >= 0 && arm < arms.size(), "arm must be in 0..%d, got %d", arms.size() - 1, arm);
        Checks.require(segment >= 0 && segment < segments.size(), "segment must be in 0..%d, got %d",
                segments.size() - 1, segment);
        return arm * segments.size() + segment;
    }

    /** One row per non-empty (arm, segment) cell, with the columns of {@link #writeCsv(Writer)}. */
    @Override
    public String toString() {
        return textTable().toString();
    }

    TextTable textTable() {
        TextTable.Builder b = TextTable.builder().text("arm").text("segment").count("n").significant("mean", 5)
                .significant("sd", 5);
        for (int a = 0; a < arms.size(); a++) {
            for (int sg = 0; sg < segments.size(); sg++) {
                if (count(a, sg) > 0) {
                    ArmSummary c = cell(a, sg);
                    b.row(arms.get(a), segments.get(sg), c.n(), c.mean(), Math.sqrt(c.variance()));
                }
            }
        }
        return b.build();
    }

    /**
     * Writes the table of {@link #toString()} as CSV with full precision (rounding is only for print): one row per
     * non-empty (arm, segment) cell, {@code arm, segment, n, mean, sd}, the columns of the Tablesaw adapter; see
     * {@code docs/data.md}.
     *
     * @param out where to write; not closed
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Writer out) {
        Checks.notNull(out, "out");
        textTable().writeCsv(out);
    }

    /**
     * Writes the CSV of {@link #writeCsv(Writer)} to a file in UTF-8, replacing it.
     *
     * @param csvFile the file
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Path csvFile) {
        Checks.notNull(csvFile, "csvFile");
        textTable().writeCsv(csvFile);
    }

    /**
     * Serialized through {@link Proxy}, so that a stream is read back through the same checks as
     * {@link #of}.
     *
     * @return the proxy
     */
    private Object writeReplace() {
        return new Proxy(this);
    }

    /**
     * Rejects a stream that holds the fields rather than the proxy: such a stream was crafted.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("SegmentedSummaries is read through its serialization proxy");
    }

    /** The serialized form: labels, and per cell the count and the exact sums as terms, checked on reading. */
    private static final class Proxy implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String[] arms;
        private final String[] segments;
        private final long[] n;
        private final double[][][] terms;

        Proxy(SegmentedSummaries s) {
            arms = s.arms.toArray(new String[0]);
            segments = s.segments.toArray(new String[0]);
            n = s.n;
            terms = new double[n.length][][];
            for (int c = 0; c < n.length; c++) {
                terms[c] = n[c] > 0 ? s.sums[c].terms() : null;
            }
        }

        private Object readResolve() throws ObjectStreamException {
            try {
                return restore(arms, segments, n, terms);
            } catch (IllegalArgumentException e) {
                InvalidObjectException bad = new InvalidObjectException("invalid SegmentedSummaries: "
                        + e.getMessage());
                bad.initCause(e);
                throw bad;
            }
        }
    }

    /** The number of cells of {@code arms x segments}, at most {@link #MAX_CELLS}. */
    private static int cells(int arms, int segments) {
        long cells = (long) arms * segments;
        Checks.require(cells <= MAX_CELLS, "%d arms x %d segments = %d cells, more than the %d a summary holds",
                arms, segments, cells, MAX_CELLS);
        return (int) cells;
    }

    /** Summaries from a stream, with every invariant of {@link #of} checked. */
    private static SegmentedSummaries restore(String[] arms, String[] segments, long[] n, double[][][] terms) {
        List<String> al = labels(Arrays.asList(Checks.notNull(arms, "arms")), "arms");
        List<String> sl = labels(Arrays.asList(Checks.notNull(segments, "segments")), "segments");
        Checks.require(!al.isEmpty() && !sl.isEmpty(), "need at least one arm and one segment label");
        long cells = (long) al.size() * sl.size();
        Checks.require(Checks.notNull(n, "n").length == cells && Checks.notNull(terms, "terms").length == cells,
                "%d arms x %d segments need %d cells, got %d and %d", al.size(), sl.size(), cells, n.length,
                terms.length);
        Moments[] sums = new Moments[n.length];
        for (int c = 0; c < cells; c++) {
            Checks.require(n[c] >= 0, "n[%d] must be >= 0, got %d", c, n[c]);
            Checks.require((n[c] > 0) == (terms[c] != null), "cell %d: %d rows but %s", c, n[c],
                    terms[c] == null ? "no sums" : "sums");
            if (n[c] > 0) {
                sums[c] = Moments.ofTerms(terms[c]);
            }
        }
        return new SegmentedSummaries(al, sl, n.clone(), sums);
    }
}
