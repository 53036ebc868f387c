package io.loyalty.spark;

import io.loyalty.internal.Checks;
import io.loyalty.nps.Ces;
import io.loyalty.nps.Csat;
import io.loyalty.nps.NpsAccumulator;
import io.loyalty.nps.NpsBreakdown;
import io.loyalty.nps.NpsCalculator;
import io.loyalty.nps.NpsScale;

import java.util.List;
import java.util.Locale;

/**
 * Survey answers counted per segment, period and answer, made by {@link SparkSurveys}: the sufficient statistics
 * of every NPS, CSAT and CES figure, which are then the core's ({@link NpsCalculator}'s breakdowns, {@link Csat},
 * {@link Ces}). Small enough for the driver: one counter per (segment, period, answer point).
 *
 * <p>Segments are labelled by their values (several segment columns joined with {@code " / "}, one label per
 * combination) and ordered as strings, as {@link NpsCalculator#bySegment(String[], int[])} orders them; periods
 * are labelled by the period rule and in time order. Without segment columns there is one segment, {@code "all"}; without a time column,
 * one period, {@code "all"}. Only segments and periods with answers are listed.
 *
 * <p>Immutable.
 *
 * @since 0.1
 */
public final class SurveyTallies {
    private final String segmentDimension;
    private final String periodDimension;
    private final List<String> segments;
    private final List<String> periods;
    private final int min;
    private final int max;
    /** Counts per answer point {@code min..max} at {@code segment * periods + period}; null where none. */
    private final long[][] cells;

    SurveyTallies(String segmentDimension, String periodDimension, List<String> segments, List<String> periods,
            int min, int max, long[][] cells) {
        this.segmentDimension = segmentDimension;
        this.periodDimension = periodDimension;
        this.segments = List.copyOf(segments);
        this.periods = List.copyOf(periods);
        this.min = min;
        this.max = max;
        this.cells = cells;
    }

    /**
     * The lowest answer of the scale the answers were checked against.
     *
     * @return the minimum
     */
    public int min() {
        return min;
    }

    /**
     * The highest answer of the scale.
     *
     * @return the maximum
     */
    public int max() {
        return max;
    }

    /**
     * The segments with answers, in label order.
     *
     * @return the labels ({@code ["all"]} without segment columns)
     */
    public List<String> segments() {
        return segments;
    }

    /**
     * The periods with answers, in time order.
     *
     * @return the labels ({@code ["all"]} without a time column)
     */
    public List<String> periods() {
        return periods;
    }

    /**
     * The number of answers counted.
     *
     * @return the total
     */
    public long responses() {
        long n = 0;
        for (long[] c : cells) {
            if (c != null) {
                for (long v : c) {
                    n += v;
                }
            }
        }
        return n;
    }

    /**
     * The number of answers at each point of the scale in a segment and a period.
     *
     * @param segment a segment's label, or null for every segment
     * @param period a period's label, or null for every period
     * @return counts for answers {@code min()..max()}, a new array (zeros where nobody answered)
     * @throws IllegalArgumentException if a label is not one of {@link #segments()} or {@link #periods()}
     */
    public long[] counts(String segment, String period) {
        int s = segment == null ? -1 : index(segments, segment, "segment");
        int p = period == null ? -1 : index(periods, period, "period");
        long[] out = new long[max - min + 1];
        for (int si = 0; si < segments.size(); si++) {
            for (int pi = 0; pi < periods.size(); pi++) {
                long[] c = cells[si * periods.size() + pi];
                if (c != null && (s < 0 || s == si) && (p < 0 || p == pi)) {
                    for (int k = 0; k < out.length; k++) {
                        out[k] += c[k];
                    }
                }
            }
        }
        return out;
    }

    /**
     * Net Promoter Scores by segment over all periods, with intervals and tests: the core's breakdown.
     *
     * @param calculator the scale (its range must be this tally's), interval method and confidence
     * @return the breakdown, rows in segment order
     * @throws IllegalArgumentException if the calculator's scale is not on {@code min()..max()}
     */
    public NpsBreakdown npsBySegment(NpsCalculator calculator) {
        NpsAccumulator acc = accumulator(calculator, segments.size());
        for (int s = 0; s < segments.size(); s++) {
            for (int p = 0; p < periods.size(); p++) {
                add(acc, s, cells[s * periods.size() + p]);
            }
        }
        return calculator.breakdown(segmentDimension, segments, acc.snapshot());
    }

    /**
     * Net Promoter Scores by period over all segments, each tested against the previous period.
     *
     * @param calculator the scale (its range must be this tally's), interval method and confidence
     * @return the breakdown, rows in time order
     * @throws IllegalArgumentException if the calculator's scale is not on {@code min()..max()}
     */
    public NpsBreakdown npsByPeriod(NpsCalculator calculator) {
        NpsAccumulator acc = accumulator(calculator, periods.size());
        for (int s = 0; s < segments.size(); s++) {
            for (int p = 0; p < periods.size(); p++) {
                add(acc, p, cells[s * periods.size() + p]);
            }
        }
        return calculator.breakdown(periodDimension, periods, acc.snapshot());
    }

    /**
     * Net Promoter Scores of one segment by period (periods where the segment has no answers are left out).
     *
     * @param calculator the scale (its range must be this tally's), interval method and confidence
     * @param segment the segment's label
     * @return the breakdown, rows in time order
     * @throws IllegalArgumentException if the scale does not match or the segment is not one of
     *     {@link #segments()}
     */
    public NpsBreakdown npsByPeriod(NpsCalculator calculator, String segment) {
        int s = index(segments, Checks.notNull(segment, "segment"), "segment");
        NpsAccumulator acc = accumulator(calculator, periods.size());
        for (int p = 0; p < periods.size(); p++) {
            add(acc, p, cells[s * periods.size() + p]);
        }
        return calculator.breakdown(periodDimension + " in " + segment, periods, acc.snapshot());
    }

    /**
     * CSAT of a segment in a period: the core's {@link Csat} of these counts.
     *
     * @param segment a segment's label, or null for every segment
     * @param period a period's label, or null for every period
     * @return the score
     * @throws IllegalArgumentException if the answers are not on 1..5, a label is unknown, or the cell is empty
     */
    public Csat csat(String segment, String period) {
        requireScale(1, 5, "CSAT");
        return Csat.ofCounts(counts(segment, period));
    }

    /**
     * CES of a segment in a period: the core's {@link Ces} of these counts.
     *
     * @param segment a segment's label, or null for every segment
     * @param period a period's label, or null for every period
     * @return the score
     * @throws IllegalArgumentException if the answers are not on 1..7, a label is unknown, or the cell is empty
     */
    public Ces ces(String segment, String period) {
        requireScale(1, 7, "CES");
        return Ces.ofCounts(counts(segment, period));
    }

    private NpsAccumulator accumulator(NpsCalculator calculator, int codes) {
        NpsScale scale = Checks.notNull(calculator, "calculator").scale();
        requireScale(scale.min(), scale.max(), "the calculator's " + scale);
        return NpsAccumulator.create(scale, codes);
    }

    private void add(NpsAccumulator acc, int code, long[] counts) {
        if (counts != null) {
            for (int k = 0; k < counts.length; k++) {
                acc.add(code, min + k, counts[k]);
            }
        }
    }

    private void requireScale(int lo, int hi, String what) {
        Checks.require(lo == min && hi == max, "%s needs answers on %d..%d but these were tallied on %d..%d", what,
                lo, hi, min, max);
    }

    private static int index(List<String> labels, String label, String what) {
        int i = labels.indexOf(label);
        Checks.require(i >= 0, "no %s '%s' (the %ss with answers are %s)", what, label, what, labels);
        return i;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SurveyTallies[%d answers on %d..%d, %d %s x %d %s]", responses(), min,
                max, segments.size(), segmentDimension, periods.size(), periodDimension);
    }
}
