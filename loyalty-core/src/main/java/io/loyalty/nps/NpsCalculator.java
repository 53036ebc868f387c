package io.loyalty.nps;

import io.loyalty.internal.Checks;
import io.loyalty.stats.Interval;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A configured Net Promoter calculator: answer scale, interval method and confidence level. Scores answers,
 * gives intervals, and breaks scores down by segment or by period with significance flags.
 *
 * <pre>{@code
 * NpsCalculator calc = NpsCalculator.withDefaults().withMethod(IntervalMethod.SCORE);
 * NpsBreakdown byUnit = calc.bySegment(businessUnits, answers);
 * NpsBreakdown byQuarter = calc.byPeriod(dates, answers, NpsPeriod.QUARTER);
 * }</pre>
 *
 * <p>Immutable and thread-safe; each {@code withX} returns a new calculator.
 *
 * @since 0.1
 */
public final class NpsCalculator {
    private static final long MIN_EPOCH_DAY = LocalDate.MIN.toEpochDay();
    private static final long MAX_EPOCH_DAY = LocalDate.MAX.toEpochDay();
    private static final NpsCalculator DEFAULTS = new NpsCalculator(NpsScale.standard(),
            IntervalMethod.ADJUSTED_WALD, 0.95);

    private final NpsScale scale;
    private final IntervalMethod method;
    private final double confidence;

    private NpsCalculator(NpsScale scale, IntervalMethod method, double confidence) {
        this.scale = scale;
        this.method = method;
        this.confidence = confidence;
    }

    /**
     * The standard 0..10 scale, adjusted-Wald intervals, 95% confidence.
     *
     * @return the calculator
     */
    public static NpsCalculator withDefaults() {
        return DEFAULTS;
    }

    /**
     * This calculator with another answer scale.
     *
     * @param scale the scale
     * @return a new calculator
     */
    public NpsCalculator withScale(NpsScale scale) {
        return new NpsCalculator(Checks.notNull(scale, "scale"), method, confidence);
    }

    /**
     * This calculator with another interval method.
     *
     * @param method the method
     * @return a new calculator
     */
    public NpsCalculator withMethod(IntervalMethod method) {
        return new NpsCalculator(scale, Checks.notNull(method, "method"), confidence);
    }

    /**
     * This calculator with another confidence level (also the significance level 1 &minus; confidence of the flags).
     *
     * @param confidence the level, in (0, 1)
     * @return a new calculator
     * @throws IllegalArgumentException if the level is outside (0, 1)
     */
    public NpsCalculator withConfidence(double confidence) {
        return new NpsCalculator(scale, method, Checks.openUnit(confidence, "confidence"));
    }

    /**
     * The answer scale.
     *
     * @return the scale
     */
    public NpsScale scale() {
        return scale;
    }

    /**
     * The interval method.
     *
     * @return the method
     */
    public IntervalMethod method() {
        return method;
    }

    /**
     * The confidence level.
     *
     * @return the level
     */
    public double confidence() {
        return confidence;
    }

    /**
     * Scores answers.
     *
     * @param answers the answers on the scale; not modified
     * @return the score
     * @throws IllegalArgumentException if an answer is outside the scale (naming its row) or there are none
     */
    public Nps score(int[] answers) {
        return scale.tally(answers);
    }

    /**
     * The interval of a score with this calculator's method and level.
     *
     * @param nps the score
     * @return the interval
     */
    public Interval interval(Nps nps) {
        return Checks.notNull(nps, "nps").interval(method, confidence);
    }

    /**
     * Tests the difference of two independent scores at this calculator's level.
     *
     * @param first the first score
     * @param second the second score
     * @return {@code first - second} with its test
     */
    public NpsDifference difference(Nps first, Nps second) {
        return NpsDifference.of(first, second, confidence);
    }

    /**
     * Scores by segment label; rows in label order (String order).
     *
     * @param segments the segment of each answer; not modified
     * @param answers the answers on the scale; not modified
     * @return the breakdown
     * @throws IllegalArgumentException if the arrays differ in length, are empty, or a row holds a null label or
     *     an answer outside the scale
     */
    public NpsBreakdown bySegment(String[] segments, int[] answers) {
        return bySegment("segment", segments, answers);
    }

    /**
     * Scores by segment label, naming the dimension (say, a column name).
     *
     * @param dimension what the segments are, for the printout
     * @param segments the segment of each answer; not modified
     * @param answers the answers on the scale; not modified
     * @return the breakdown
     * @throws IllegalArgumentException if the arrays differ in length, are empty, or a row holds a null label or
     *     an answer outside the scale
     */
    public NpsBreakdown bySegment(String dimension, String[] segments, int[] answers) {
        Checks.notBlank(dimension, "dimension");
        Checks.notNull(segments, "segments");
        Checks.notNull(answers, "answers");
        Checks.sameLength(segments.length, answers.length, "answers");
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < segments.length; i++) {
            if (segments[i] == null) {
                throw new IllegalArgumentException(Checks.format("segments[%d] is null", i));
            }
            first.putIfAbsent(segments[i], first.size());
        }
        String[] labels = first.keySet().toArray(new String[0]);
        Arrays.sort(labels);
        Map<String, Integer> code = new HashMap<>(labels.length * 2);
        for (int k = 0; k < labels.length; k++) {
            code.put(labels[k], k);
        }
        int[] codes = new int[segments.length];
        for (int i = 0; i < segments.length; i++) {
            codes[i] = code.get(segments[i]);
        }
        return breakdown(dimension, List.of(labels), codes, answers);
    }

    /**
     * Scores by calendar period; rows in time order, periods without answers left out.
     *
     * @param dates the answer dates; not modified
     * @param answers the answers on the scale; not modified
     * @param period the period
     * @return the breakdown
     * @throws IllegalArgumentException if the arrays differ in length, are empty, or a row holds a null date or an
     *     answer outside the scale
     */
    public NpsBreakdown byPeriod(LocalDate[] dates, int[] answers, NpsPeriod period) {
        Checks.notNull(dates, "dates");
        long[] days = new long[dates.length];
        for (int i = 0; i < dates.length; i++) {
            if (dates[i] == null) {
                throw new IllegalArgumentException(Checks.format("dates[%d] is null", i));
            }
            days[i] = dates[i].toEpochDay();
        }
        return byPeriod(days, answers, period);
    }

    /**
     * Scores by calendar period, dates given as days since 1970-01-01; rows in time order, periods without
     * answers left out.
     *
     * @param epochDays the answer dates as epoch days; not modified
     * @param answers the answers on the scale; not modified
     * @param period the period
     * @return the breakdown
     * @throws IllegalArgumentException if the arrays differ in length, are empty, or a row holds an answer outside
     *     the scale or a day outside {@link LocalDate#MIN}..{@link LocalDate#MAX} (naming the row and the day)
     */
    public NpsBreakdown byPeriod(long[] epochDays, int[] answers, NpsPeriod period) {
        Checks.notNull(epochDays, "epochDays");
        Checks.notNull(answers, "answers");
        Checks.notNull(period, "period");
        Checks.sameLength(epochDays.length, answers.length, "answers");
        long[] keys = new long[epochDays.length];
        for (int i = 0; i < keys.length; i++) {
            long day = epochDays[i];
            // Checked before any arithmetic on the day, so that the message shows the caller's value.
            if (!(day >= MIN_EPOCH_DAY && day <= MAX_EPOCH_DAY)) {
                throw new IllegalArgumentException(Checks.format("epochDays[%d] = %d is outside the dates %s..%s "
                        + "(epoch days %d..%d)", i, day, LocalDate.MIN, LocalDate.MAX, MIN_EPOCH_DAY,
                        MAX_EPOCH_DAY));
            }
            keys[i] = period.key(day);
        }
        long[] distinct = Arrays.stream(keys).sorted().distinct().toArray();
        int[] codes = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            codes[i] = Arrays.binarySearch(distinct, keys[i]);
        }
        List<String> labels = new ArrayList<>(distinct.length);
        for (long k : distinct) {
            labels.add(period.label(k));
        }
        return breakdown(period.name(), labels, codes, answers);
    }

    /**
     * The breakdown of tallied segments (an {@link NpsAccumulator}'s snapshot), labelled in code order; segments
     * without answers are left out.
     *
     * @param dimension what the segments are, for the printout
     * @param labels the label of each segment code, as many as the tallies have segments
     * @param tallies the tallies
     * @return the breakdown
     * @throws IllegalArgumentException if the labels do not match the segments, the scales differ, or the
     *     tallies are empty
     */
    public NpsBreakdown breakdown(String dimension, List<String> labels, NpsTallies tallies) {
        Checks.notBlank(dimension, "dimension");
        Checks.notNull(labels, "labels");
        Checks.notNull(tallies, "tallies");
        Checks.require(labels.size() == tallies.segmentCount(), "labels has %d entries but the tallies "
                + "have %d segments", labels.size(), tallies.segmentCount());
        Checks.require(tallies.scale().equals(scale), "the tallies' %s differs from the calculator's %s",
                tallies.scale(), scale);
        for (int i = 0; i < labels.size(); i++) {
            Checks.require(labels.get(i) != null, "labels[%d] is null", i);
        }
        return NpsBreakdown.of(dimension, List.copyOf(labels), tallies.counts(), method, confidence);
    }

    private NpsBreakdown breakdown(String dimension, List<String> labels, int[] codes, int[] answers) {
        Checks.require(answers.length > 0, "no responses: answers is empty");
        NpsTallies tallies = NpsAccumulator.create(scale, Math.max(1, labels.size())).addAll(codes, answers)
                .snapshot();
        return NpsBreakdown.of(dimension, labels, tallies.counts(), method, confidence);
    }

    @Override
    public String toString() {
        return Checks.format("NpsCalculator[%s, %s, %.4g confidence]", scale, method, confidence);
    }
}
