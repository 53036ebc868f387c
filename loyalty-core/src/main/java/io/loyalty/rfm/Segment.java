package io.loyalty.rfm;

import io.loyalty.internal.Checks;

/**
 * A named segment: inclusive ranges of recency, frequency and monetary scores. A customer is in the segment when
 * all three of its scores lie in the ranges.
 *
 * @param name the name, not blank and not {@value SegmentMap#OTHERS}
 * @param recencyLow the lowest recency score, &gt;= 1
 * @param recencyHigh the highest recency score, &gt;= {@code recencyLow}
 * @param frequencyLow the lowest frequency score, &gt;= 1
 * @param frequencyHigh the highest frequency score, &gt;= {@code frequencyLow}
 * @param monetaryLow the lowest monetary score, &gt;= 1
 * @param monetaryHigh the highest monetary score, &gt;= {@code monetaryLow}
 * @since 0.1
 */
public record Segment(String name, int recencyLow, int recencyHigh, int frequencyLow, int frequencyHigh,
        int monetaryLow, int monetaryHigh) {

    /**
     * Validates the ranges.
     *
     * @param name the name
     * @param recencyLow the lowest recency score
     * @param recencyHigh the highest recency score
     * @param frequencyLow the lowest frequency score
     * @param frequencyHigh the highest frequency score
     * @param monetaryLow the lowest monetary score
     * @param monetaryHigh the highest monetary score
     * @throws IllegalArgumentException if the name is blank or {@value SegmentMap#OTHERS}, or a range is not
     *     {@code 1 <= low <= high}
     */
    public Segment {
        Checks.notBlank(name, "segment name");
        Checks.require(!name.equals(SegmentMap.OTHERS), "segment name '%s' is reserved for customers of no segment",
                name);
        range(name, "recency", recencyLow, recencyHigh);
        range(name, "frequency", frequencyLow, frequencyHigh);
        range(name, "monetary", monetaryLow, monetaryHigh);
    }

    private static void range(String name, String measure, int low, int high) {
        Checks.require(low >= 1 && low <= high,
                "segment '%s' has an invalid %s range %d..%d (%sLow..%sHigh): need 1 <= low <= high", name, measure,
                low, high, measure, measure);
    }

    /**
     * A segment from its name and three inclusive ranges.
     *
     * @param name the name
     * @param recencyLow the lowest recency score
     * @param recencyHigh the highest recency score
     * @param frequencyLow the lowest frequency score
     * @param frequencyHigh the highest frequency score
     * @param monetaryLow the lowest monetary score
     * @param monetaryHigh the highest monetary score
     * @return the segment
     */
    public static Segment of(String name, int recencyLow, int recencyHigh, int frequencyLow, int frequencyHigh,
            int monetaryLow, int monetaryHigh) {
        return new Segment(name, recencyLow, recencyHigh, frequencyLow, frequencyHigh, monetaryLow, monetaryHigh);
    }

    /**
     * Whether scores fall in this segment.
     *
     * @param r the recency score
     * @param f the frequency score
     * @param m the monetary score
     * @return true if all three lie in their ranges
     */
    public boolean contains(int r, int f, int m) {
        return r >= recencyLow && r <= recencyHigh && f >= frequencyLow && f <= frequencyHigh && m >= monetaryLow
                && m <= monetaryHigh;
    }

    @Override
    public String toString() {
        return Checks.format("%s (R %d-%d, F %d-%d, M %d-%d)", name, recencyLow, recencyHigh, frequencyLow,
                frequencyHigh, monetaryLow, monetaryHigh);
    }
}
