package io.loyalty.nps;

import io.loyalty.data.CustomerSummaries;
import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import java.io.Writer;
import java.nio.file.Path;

/**
 * The attitudinal &times; behavioural loyalty matrix of Dick &amp; Basu (1994): per customer, the NPS category
 * of the survey answer (attitude) crossed with repeat purchasing at or above a threshold (behaviour). Promoters
 * have high relative attitude; passives and detractors low. The resulting {@link LoyaltyQuadrant}s are reported
 * with counts, shares and revenue, and the full 3 &times; 2 table of categories by repeat level is kept.
 *
 * <p>Behaviour is any per-customer number where larger means more repeat buying: repeat periods (the customer
 * summary's {@code frequency}), an RFM F score, a purchase count. {@link #join} takes it from
 * {@link CustomerSummaries}.
 *
 * <p>Reference: Dick, A. S. &amp; Basu, K. (1994). Customer loyalty: toward an integrated conceptual framework.
 * Journal of the Academy of Marketing Science 22(2), 99&ndash;113. https://doi.org/10.1177/0092070394222001
 *
 * <p>Immutable. Each cell's revenue is summed in ascending order of the amounts, so that no revenue depends on
 * the order of the customers.
 *
 * @since 0.1
 */
public final class LoyaltyMatrix {
    private static final LoyaltyQuadrant[] QUADRANTS = LoyaltyQuadrant.values();

    private final double threshold;
    /** Quadrant ordinal per customer. */
    private final byte[] quadrant;
    /** Counts and revenue at {@code 2 * category + (high ? 1 : 0)}. */
    private final long[] cellCounts;
    private final double[] cellRevenue;

    private LoyaltyMatrix(double threshold, byte[] quadrant, long[] cellCounts, double[] cellRevenue) {
        this.threshold = threshold;
        this.quadrant = quadrant;
        this.cellCounts = cellCounts;
        this.cellRevenue = cellRevenue;
    }

    /**
     * Classifies customers given as parallel arrays, answers on the standard 0..10 scale.
     *
     * @param answers each customer's likelihood-to-recommend answer; not modified
     * @param behaviour each customer's repeat-purchase measure (finite); not modified
     * @param threshold behaviour at or above it counts as repeat patronage
     * @param revenue each customer's revenue (finite, with finite sums per cell, quadrant and in all), for the
     *     revenue per quadrant; not modified
     * @return the matrix
     * @throws IllegalArgumentException if the arrays differ in length or are empty, or a row holds an answer
     *     outside the scale or a non-finite value (naming it), or the revenue overflows
     */
    public static LoyaltyMatrix of(int[] answers, double[] behaviour, double threshold, double[] revenue) {
        return of(NpsScale.standard(), answers, behaviour, threshold, revenue);
    }

    /**
     * Classifies customers given as parallel arrays, answers on a scale.
     *
     * @param scale the answer scale
     * @param answers each customer's answer; not modified
     * @param behaviour each customer's repeat-purchase measure (finite); not modified
     * @param threshold behaviour at or above it counts as repeat patronage
     * @param revenue each customer's revenue (finite, with finite sums per cell, quadrant and in all); not
     *     modified
     * @return the matrix
     * @throws IllegalArgumentException if the arrays differ in length or are empty, or a row holds an answer
     *     outside the scale or a non-finite value (naming it), or the revenue overflows
     */
    public static LoyaltyMatrix of(NpsScale scale, int[] answers, double[] behaviour, double threshold,
            double[] revenue) {
        Checks.notNull(scale, "scale");
        Checks.notNull(answers, "answers");
        Checks.notNull(behaviour, "behaviour");
        Checks.notNull(revenue, "revenue");
        Checks.finite(threshold, "threshold");
        Checks.sameLength(answers.length, behaviour.length, "behaviour");
        Checks.sameLength(answers.length, revenue.length, "revenue");
        Checks.require(answers.length > 0, "no responses: answers is empty");
        byte[] q = new byte[answers.length];
        long[] counts = new long[6];
        double[] money = new double[6];
        byte[] cellOf = new byte[answers.length];
        for (int i = 0; i < answers.length; i++) {
            int cat = scale.code(answers[i], "answers", i);
            double b = behaviour[i];
            if (!Double.isFinite(b)) {
                throw new IllegalArgumentException(Checks.format("behaviour[%d] = %s is not finite", i, b));
            }
            if (!Double.isFinite(revenue[i])) {
                throw new IllegalArgumentException(Checks.format("revenue[%d] = %s is not finite", i, revenue[i]));
            }
            boolean high = b >= threshold;
            int cell = 2 * cat + (high ? 1 : 0);
            counts[cell]++;
            cellOf[i] = (byte) cell;
            boolean promoter = cat == 2;
            q[i] = (byte) (promoter ? (high ? 0 : 1) : (high ? 2 : 3));
        }
        // Each cell's revenue is summed in ascending order of the amounts, so that it is the same for any order of
        // the customers.
        double[][] amounts = new double[6][];
        for (int cell = 0; cell < 6; cell++) {
            amounts[cell] = new double[(int) counts[cell]];
        }
        int[] filled = new int[6];
        for (int i = 0; i < answers.length; i++) {
            amounts[cellOf[i]][filled[cellOf[i]]++] = revenue[i];
        }
        for (int cell = 0; cell < 6; cell++) {
            java.util.Arrays.sort(amounts[cell]);
            for (double v : amounts[cell]) {
                money[cell] += v;
            }
        }
        LoyaltyMatrix m = new LoyaltyMatrix(threshold, q, counts, money);
        // Every revenue the matrix reports (cells, quadrants, the total) must be a finite sum.
        for (int cell = 0; cell < money.length; cell++) {
            Checks.require(Double.isFinite(money[cell]), "revenue of the %ss who are%s repeat buyers sums to %s: "
                    + "beyond the range of a double", NpsCategory.values()[cell / 2], cell % 2 == 1 ? "" : " not",
                    money[cell]);
        }
        for (LoyaltyQuadrant quad : QUADRANTS) {
            Checks.require(Double.isFinite(m.revenue(quad)), "revenue of quadrant %s sums to %s: beyond the "
                    + "range of a double", quad, m.revenue(quad));
        }
        Checks.require(Double.isFinite(m.totalRevenue()), "revenue sums to %s over all customers: beyond the "
                + "range of a double", m.totalRevenue());
        return m;
    }

    /**
     * Joins survey respondents with their customer summaries: behaviour = repeat periods
     * ({@link CustomerSummaries#frequency()}), revenue = total value.
     *
     * <p>Each customer is one row of the matrix, so each respondent id may appear only once: a repeated id
     * (a customer who answered twice) is rejected rather than counted twice with its revenue. Keep one answer
     * per customer before joining, by the rule the survey calls for (the latest, the first, or the mean).
     *
     * @param respondentIds each respondent's customer id, as in the summaries; not modified
     * @param answers each respondent's answer on the standard 0..10 scale; not modified
     * @param summaries the customer summaries
     * @param minRepeatPeriods repeat periods at or above it count as repeat patronage, &ge; 1
     * @return the matrix, customers in respondent order
     * @throws IllegalArgumentException if a respondent is not in the summaries (naming the row and id), a
     *     customer id appears twice (naming the id and both rows), the arrays differ in length or are empty, an
     *     answer is out of range, or {@code minRepeatPeriods < 1}
     */
    public static LoyaltyMatrix join(String[] respondentIds, int[] answers, CustomerSummaries summaries,
            int minRepeatPeriods) {
        Checks.notNull(respondentIds, "respondentIds");
        Checks.notNull(answers, "answers");
        Checks.notNull(summaries, "summaries");
        Checks.sameLength(respondentIds.length, answers.length, "answers");
        Checks.require(minRepeatPeriods >= 1, "minRepeatPeriods must be >= 1, got %d", minRepeatPeriods);
        int[] frequency = summaries.frequency();
        double[] total = summaries.totalValue();
        double[] behaviour = new double[respondentIds.length];
        double[] revenue = new double[respondentIds.length];
        // The first row of each customer's summary index, to name both rows of a repeated respondent.
        int[] rowOf = new int[summaries.size()];
        java.util.Arrays.fill(rowOf, -1);
        for (int i = 0; i < respondentIds.length; i++) {
            int at = respondentIds[i] == null ? -1 : summaries.indexOf(respondentIds[i]);
            if (at < 0) {
                throw new IllegalArgumentException(Checks.format(
                        "respondentIds[%d] = '%s' is not a customer of the summaries", i, respondentIds[i]));
            }
            if (rowOf[at] >= 0) {
                throw new IllegalArgumentException(Checks.format("respondentIds[%d] = '%s' repeats "
                        + "respondentIds[%d]: each customer may answer once (keep one answer per customer)", i,
                        respondentIds[i], rowOf[at]));
            }
            rowOf[at] = i;
            behaviour[i] = frequency[at];
            revenue[i] = total[at];
        }
        return of(answers, behaviour, minRepeatPeriods, revenue);
    }

    /**
     * The behaviour threshold.
     *
     * @return behaviour at or above it is repeat patronage
     */
    public double threshold() {
        return threshold;
    }

    /**
     * The number of customers.
     *
     * @return the count
     */
    public int size() {
        return quadrant.length;
    }

    /**
     * The quadrant of customer {@code i}, in input order.
     *
     * @param i the position, 0..size()-1
     * @return the quadrant
     */
    public LoyaltyQuadrant quadrant(int i) {
        return QUADRANTS[quadrant[Checks.index(i, quadrant.length, "i")]];
    }

    /**
     * The number of customers in a quadrant.
     *
     * @param quadrant the quadrant
     * @return the count
     */
    public long count(LoyaltyQuadrant quadrant) {
        Checks.notNull(quadrant, "quadrant");
        switch (quadrant) {
            case TRUE_LOYALTY:
                return cellCounts[5];
            case LATENT_LOYALTY:
                return cellCounts[4];
            case SPURIOUS_LOYALTY:
                return cellCounts[1] + cellCounts[3];
            default:
                return cellCounts[0] + cellCounts[2];
        }
    }

    /**
     * The share of customers in a quadrant.
     *
     * @param quadrant the quadrant
     * @return count / size
     */
    public double share(LoyaltyQuadrant quadrant) {
        return (double) count(quadrant) / this.quadrant.length;
    }

    /**
     * The share of the total revenue in a quadrant.
     *
     * @param quadrant the quadrant
     * @return its revenue / the total revenue, 0 when the total is 0
     * @since 0.2
     */
    public double revenueShare(LoyaltyQuadrant quadrant) {
        double total = totalRevenue();
        return total == 0 ? 0 : revenue(quadrant) / total;
    }

    /**
     * The revenue of the customers in a quadrant.
     *
     * @param quadrant the quadrant
     * @return the sum of their revenue
     */
    public double revenue(LoyaltyQuadrant quadrant) {
        Checks.notNull(quadrant, "quadrant");
        switch (quadrant) {
            case TRUE_LOYALTY:
                return cellRevenue[5];
            case LATENT_LOYALTY:
                return cellRevenue[4];
            case SPURIOUS_LOYALTY:
                return cellRevenue[1] + cellRevenue[3];
            default:
                return cellRevenue[0] + cellRevenue[2];
        }
    }

    /**
     * The number of customers in one cell of the 3 &times; 2 table.
     *
     * @param category the NPS category
     * @param repeatBuyer whether behaviour is at or above the threshold
     * @return the count
     */
    public long cellCount(NpsCategory category, boolean repeatBuyer) {
        return cellCounts[2 * Checks.notNull(category, "category").ordinal() + (repeatBuyer ? 1 : 0)];
    }

    /**
     * The revenue of one cell of the 3 &times; 2 table.
     *
     * @param category the NPS category
     * @param repeatBuyer whether behaviour is at or above the threshold
     * @return the revenue
     */
    public double cellRevenue(NpsCategory category, boolean repeatBuyer) {
        return cellRevenue[2 * Checks.notNull(category, "category").ordinal() + (repeatBuyer ? 1 : 0)];
    }

    /**
     * The NPS of the customers who buy repeatedly, or of those who do not.
     *
     * @param repeatBuyers which group
     * @return the group's score
     * @throws IllegalArgumentException if the group is empty
     */
    public Nps nps(boolean repeatBuyers) {
        int h = repeatBuyers ? 1 : 0;
        return Nps.ofCounts(cellCounts[h], cellCounts[2 + h], cellCounts[4 + h]);
    }

    private double totalRevenue() {
        double total = 0;
        for (double r : cellRevenue) {
            total += r;
        }
        return total;
    }

    /**
     * The quadrants as text: a line with the customers and the threshold, then the table of
     * {@link #writeCsv(Writer)} (shares as percentages, revenue to cents).
     *
     * @return the text
     */
    @Override
    public String toString() {
        return textTable(Checks.format("Loyalty matrix: %d customers, repeat patronage: behaviour >= %s", size(),
                threshold)).toString();
    }

    private TextTable textTable(String title) {
        TextTable.Builder b = TextTable.builder().title(title).text("quadrant").count("customers")
                .percent("customer_share", 1).decimal("revenue", 2).percent("revenue_share", 1);
        for (LoyaltyQuadrant q : QUADRANTS) {
            b.row(q.toString(), count(q), share(q), revenue(q), revenueShare(q));
        }
        return b.build();
    }

    /**
     * Writes the quadrants as CSV with full precision, one row per {@link LoyaltyQuadrant}: {@code quadrant,
     * customers, customer_share, revenue, revenue_share} (shares as fractions; a revenue share of 0 when the
     * total revenue is 0), the columns of {@code io.loyalty.tablesaw.NpsTables.toTable(LoyaltyMatrix)}.
     *
     * @param out where to write; not closed
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Writer out) {
        Checks.notNull(out, "out");
        textTable(null).writeCsv(out);
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
        textTable(null).writeCsv(csvFile);
    }
}
