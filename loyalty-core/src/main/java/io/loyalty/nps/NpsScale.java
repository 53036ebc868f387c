package io.loyalty.nps;

import io.loyalty.internal.Checks;

/**
 * An integer answer scale cut into detractors, passives and promoters: answers {@code min..detractorMax} are
 * detractors, {@code detractorMax+1..passiveMax} passives and {@code passiveMax+1..max} promoters. The standard Net
 * Promoter scale is 0..10 cut at 6 and 8 (Reichheld 2003); R's {@code NPS} package calls the cut points
 * {@code breaks = c(min, detractorMax, passiveMax, max)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class NpsScale {
    private static final NpsScale STANDARD = new NpsScale(0, 6, 8, 10);

    private final int min;
    private final int detractorMax;
    private final int passiveMax;
    private final int max;
    /** Category code (0 detractor, 1 passive, 2 promoter) by {@code answer - min}. */
    private final byte[] codes;

    private NpsScale(int min, int detractorMax, int passiveMax, int max) {
        this.min = min;
        this.detractorMax = detractorMax;
        this.passiveMax = passiveMax;
        this.max = max;
        this.codes = new byte[max - min + 1];
        for (int a = min; a <= max; a++) {
            codes[a - min] = (byte) (a <= detractorMax ? 0 : a <= passiveMax ? 1 : 2);
        }
    }

    /**
     * The standard 0..10 scale: 0&ndash;6 detractors, 7&ndash;8 passives, 9&ndash;10 promoters.
     *
     * @return the scale
     */
    public static NpsScale standard() {
        return STANDARD;
    }

    /**
     * A custom scale; each category holds at least one answer.
     *
     * @param min the lowest answer
     * @param detractorMax the highest detractor answer
     * @param passiveMax the highest passive answer (equal to {@code detractorMax} for no passives)
     * @param max the highest answer, a promoter
     * @return the scale
     * @throws IllegalArgumentException unless {@code min <= detractorMax <= passiveMax < max} and the scale has at
     *     most 10,000 points
     */
    public static NpsScale of(int min, int detractorMax, int passiveMax, int max) {
        Checks.require(min <= detractorMax && detractorMax <= passiveMax && passiveMax < max,
                "scale cut points must satisfy min <= detractorMax <= passiveMax < max, got min=%d, "
                        + "detractorMax=%d, passiveMax=%d, max=%d", min, detractorMax, passiveMax, max);
        Checks.require((long) max - min < 10_000, "scale min=%d..max=%d has more than 10,000 points", min, max);
        return new NpsScale(min, detractorMax, passiveMax, max);
    }

    /**
     * The lowest answer.
     *
     * @return the minimum
     */
    public int min() {
        return min;
    }

    /**
     * The highest detractor answer.
     *
     * @return the cut point
     */
    public int detractorMax() {
        return detractorMax;
    }

    /**
     * The highest passive answer.
     *
     * @return the cut point
     */
    public int passiveMax() {
        return passiveMax;
    }

    /**
     * The highest answer.
     *
     * @return the maximum
     */
    public int max() {
        return max;
    }

    /**
     * The category of an answer.
     *
     * @param answer the answer
     * @return its category
     * @throws IllegalArgumentException if the answer is outside the scale
     */
    public NpsCategory categoryOf(int answer) {
        return NpsCategory.values()[code(answer, "answer", -1)];
    }

    /**
     * The category code 0/1/2 of answer {@code row}, checked.
     */
    int code(int answer, String name, long row) {
        int k = answer - min;
        if (k < 0 || k >= codes.length) {
            throw outside(answer, name, row);
        }
        return codes[k];
    }

    /** The lookup table by {@code answer - min}; callers must not change it. */
    byte[] codes() {
        return codes;
    }

    IllegalArgumentException outside(long answer, String name, long row) {
        String where = row < 0 ? name : Checks.format("%s[%d]", name, row);
        return new IllegalArgumentException(Checks.format("%s = %d is outside the answer scale %d..%d", where,
                answer, min, max));
    }

    /**
     * Tallies answers into detractors, passives and promoters.
     *
     * @param answers the answers, one per respondent; not modified
     * @return the tally
     * @throws IllegalArgumentException if an answer is outside the scale (naming its row) or there are no answers
     */
    public Nps tally(int[] answers) {
        Checks.notNull(answers, "answers");
        long[] c = new long[3];
        for (int i = 0; i < answers.length; i++) {
            c[code(answers[i], "answers", i)]++;
        }
        return Nps.ofCounts(c[0], c[1], c[2]);
    }

    /**
     * Tallies answers given as doubles (as read from a file or a numeric column); each must be a whole number.
     *
     * @param answers the answers; not modified
     * @return the tally
     * @throws IllegalArgumentException if an answer is not an integer or is outside the scale (naming its row),
     *     or there are no answers
     */
    public Nps tally(double[] answers) {
        Checks.notNull(answers, "answers");
        long[] c = new long[3];
        for (int i = 0; i < answers.length; i++) {
            c[code(wholeAnswer(answers[i], "answers", i), "answers", i)]++;
        }
        return Nps.ofCounts(c[0], c[1], c[2]);
    }

    /** A double answer as an int, or an exception naming the row when it is not a whole number in int range. */
    static int wholeAnswer(double v, String name, long row) {
        if (!(v == Math.rint(v)) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(Checks.format("%s[%d] = %s is not an integer answer", name, row, v));
        }
        return (int) v;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NpsScale)) {
            return false;
        }
        NpsScale s = (NpsScale) o;
        return min == s.min && detractorMax == s.detractorMax && passiveMax == s.passiveMax && max == s.max;
    }

    @Override
    public int hashCode() {
        return ((min * 31 + detractorMax) * 31 + passiveMax) * 31 + max;
    }

    @Override
    public String toString() {
        return Checks.format("NpsScale[detractors %d..%d, passives %s, promoters %d..%d]", min, detractorMax,
                passiveMax == detractorMax ? "none" : (detractorMax + 1) + ".." + passiveMax, passiveMax + 1, max);
    }
}
