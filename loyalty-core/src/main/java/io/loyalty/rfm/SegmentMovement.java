package io.loyalty.rfm;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Segment-to-segment transition counts between two snapshots (say last quarter and now), matched by customer id:
 * how many Champions stayed, how many slipped to At Risk. Rows are the earlier snapshot's segments (its map, then
 * {@value SegmentMap#OTHERS}) plus {@value #ABSENT} for customers only in the later one; columns likewise for the
 * later snapshot, {@value #ABSENT} holding customers only in the earlier one.
 *
 * @since 0.1
 */
public final class SegmentMovement {
    /** The row or column label of customers missing from one of the snapshots. */
    public static final String ABSENT = "(absent)";

    private final List<String> from;
    private final List<String> to;
    private final long[][] counts;

    private SegmentMovement(List<String> from, List<String> to, long[][] counts) {
        this.from = from;
        this.to = to;
        this.counts = counts;
    }

    /**
     * Counts the transitions from one snapshot to another.
     *
     * @param before the earlier snapshot, ids distinct
     * @param after the later snapshot, ids distinct
     * @return the transition counts
     * @throws IllegalArgumentException if a snapshot repeats a customer id
     */
    public static SegmentMovement between(RfmScores before, RfmScores after) {
        Checks.notNull(before, "before");
        Checks.notNull(after, "after");
        List<String> from = labels(before.segmentMap());
        List<String> to = labels(after.segmentMap());
        int absentRow = from.size() - 1;
        int absentCol = to.size() - 1;
        long[][] counts = new long[from.size()][to.size()];
        // Builds the id index of the earlier snapshot too, which rejects a repeated id.
        before.indexOf("");
        int[] segBefore = before.rawSegment();
        int[] segAfter = after.rawSegment();
        boolean[] matched = new boolean[after.size()];
        for (int i = 0; i < before.size(); i++) {
            int j = after.indexOf(before.id(i));
            if (j >= 0) {
                matched[j] = true;
                counts[segBefore[i]][segAfter[j]]++;
            } else {
                counts[segBefore[i]][absentCol]++;
            }
        }
        for (int j = 0; j < after.size(); j++) {
            if (!matched[j]) {
                counts[absentRow][segAfter[j]]++;
            }
        }
        return new SegmentMovement(from, to, counts);
    }

    private static List<String> labels(SegmentMap map) {
        List<String> out = new ArrayList<>();
        for (int s = 0; s <= map.size(); s++) {
            out.add(map.name(s));
        }
        out.add(ABSENT);
        return Collections.unmodifiableList(out);
    }

    /**
     * The row labels: the earlier snapshot's segments, {@value SegmentMap#OTHERS}, {@value #ABSENT}.
     *
     * @return an unmodifiable list
     */
    public List<String> fromSegments() {
        return from;
    }

    /**
     * The column labels: the later snapshot's segments, {@value SegmentMap#OTHERS}, {@value #ABSENT}.
     *
     * @return an unmodifiable list
     */
    public List<String> toSegments() {
        return to;
    }

    /**
     * The number of customers who moved from one segment to another.
     *
     * @param fromSegment a row label
     * @param toSegment a column label
     * @return the count
     * @throws IllegalArgumentException if a label is unknown
     */
    public long count(String fromSegment, String toSegment) {
        int i = from.indexOf(fromSegment);
        int j = to.indexOf(toSegment);
        Checks.require(i >= 0, "fromSegment '%s' is not one of %s", fromSegment, from);
        Checks.require(j >= 0, "toSegment '%s' is not one of %s", toSegment, to);
        return counts[i][j];
    }

    /**
     * The counts, rows {@link #fromSegments()}, columns {@link #toSegments()}.
     *
     * @return a copy
     */
    public long[][] counts() {
        long[][] c = new long[counts.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = counts[i].clone();
        }
        return c;
    }

    /**
     * The number of customers in both snapshots.
     *
     * @return the count
     */
    public long matched() {
        long s = 0;
        for (int i = 0; i < counts.length - 1; i++) {
            for (int j = 0; j < counts[i].length - 1; j++) {
                s += counts[i][j];
            }
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentMovement && from.equals(((SegmentMovement) o).from)
                && to.equals(((SegmentMovement) o).to) && Arrays.deepEquals(counts,
                        ((SegmentMovement) o).counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    /** The matrix as an aligned text table, rows = before, columns = after: the columns of {@link #writeCsv(Writer)}. */
    @Override
    public String toString() {
        return textTable().toString();
    }

    TextTable textTable() {
        TextTable.Builder b = TextTable.builder().text("from_segment");
        for (String t : to) {
            b.count(t);
        }
        for (int i = 0; i < from.size(); i++) {
            Object[] row = new Object[to.size() + 1];
            row[0] = from.get(i);
            for (int j = 0; j < to.size(); j++) {
                row[j + 1] = counts[i][j];
            }
            b.row(row);
        }
        return b.build();
    }

    /**
     * Writes the table of {@link #toString()} as CSV with full precision (rounding is only for print): a {@code from_segment} column, then one count column per later segment.
     * Column names are those of the Tablesaw adapter; see {@code docs/data.md}.
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
}
