package io.loyalty.privacy;

import io.loyalty.internal.Checks;
import io.loyalty.nps.NpsScale;
import io.loyalty.rfm.SegmentMap;
import java.util.List;

/**
 * A DP release split in two, for engines that bound contributions where the data lives (Spark executors) and add
 * noise once, centrally. A {@code begin...} method checks the release's arguments, spends the budget and draws the
 * bounding key on the driver; the engine groups rows by customer and feeds the core's accumulators
 * ({@link BoundedTally} made with {@link #key()}, or {@link CohortTally}), which bound each customer's contribution;
 * the matching finishing method takes the combined accumulator, selects partitions (when not known) and adds the
 * noise from the budget's source, through the same code as {@link DpAggregates} and {@link DpCohorts}. With the
 * same budget seed and the same rows, the numbers are those of the array methods:
 *
 * <table class="striped">
 * <caption>Begin, accumulate, finish</caption>
 * <tr><th>begin</th><th>accumulator</th><th>finish</th><th>as</th></tr>
 * <tr><td>{@link #beginNps}</td><td>3 categories</td><td>{@link #nps}</td><td>{@link DpAggregates#nps}</td></tr>
 * <tr><td>{@link #beginSegmentCounts}</td><td>1 category</td><td>{@link #segmentCounts}</td>
 * <td>{@link DpAggregates#segmentCounts}</td></tr>
 * <tr><td>{@link #beginRatings}</td><td>{@code max - min + 1} categories</td><td>{@link #ratings}</td>
 * <td>{@link DpAggregates#ratings}</td></tr>
 * <tr><td>{@link #beginArms}</td><td>values, {@link ContributionBounds#ONE}</td><td>{@link #arms}</td>
 * <td>{@link DpAggregates#arms}</td></tr>
 * <tr><td>{@link #beginPathCounts}</td><td>2 categories (0 converted)</td><td>{@link #pathCounts}</td>
 * <td>{@link DpAggregates#pathCounts}</td></tr>
 * <tr><td>{@link #beginRfmSegmentSummary}</td><td>two of values (orders, revenue), {@link ContributionBounds#ONE}
 * </td><td>{@link #rfmSegmentSummary}</td><td>{@link DpAggregates#rfmSegmentSummary}</td></tr>
 * <tr><td>{@link #beginRetention}</td><td>{@link CohortTally}</td><td>{@link #retention}</td>
 * <td>{@link DpCohorts#retention}</td></tr>
 * </table>
 *
 * <p>A release is finished once, by the method matching its beginning; an accumulator made with another key or
 * shape is refused.
 *
 * @since 0.2
 */
public final class DpRelease {
    /** The aggregates a release can finish as. */
    private enum Kind {
        NPS, SEGMENT_COUNTS, RATINGS, ARMS, PATHS, RFM, RETENTION
    }

    private final Kind kind;
    private final String what;
    private final PrivacyCost cost;
    private final Partitions spec;
    private final PrivacyBudget budget;
    private final long key;
    /** Ratings: the lowest and highest levels; RFM: the bounds on orders and revenue; cohorts: max offsets. */
    private final double first;
    private final double second;
    private boolean finished;

    private DpRelease(Kind kind, String what, PrivacyCost cost, Partitions spec, PrivacyBudget budget, long key,
            double first, double second) {
        this.kind = kind;
        this.what = what;
        this.cost = cost;
        this.spec = spec;
        this.budget = budget;
        this.key = key;
        this.first = first;
        this.second = second;
    }

    /**
     * Begins an NPS release: spends {@code cost} (and the selection's cost) and draws the bounding key.
     *
     * @param cost the cost of the tallies
     * @param spec known partitions or a selection
     * @param budget the budget to draw from
     * @return the release
     * @throws BudgetExceededException if the budget cannot pay; nothing is spent
     */
    public static DpRelease beginNps(PrivacyCost cost, Partitions spec, PrivacyBudget budget) {
        String what = "NPS tallies, " + Checks.notNull(cost, "cost");
        return new DpRelease(Kind.NPS, what, cost, spec, budget, Release.begin(what, spec, "spec", cost, budget), 0,
                0);
    }

    /**
     * Begins a release of distinct customers per segment, as {@link DpAggregates#segmentCounts}: spends
     * {@code cost} with known partitions, or only the selection's cost, and draws the bounding key.
     *
     * @param cost the cost of the counts with known partitions (unused with a selection)
     * @param spec known partitions or a selection
     * @param bounds the contribution bounds the accumulator will be made with
     * @param budget the budget to draw from
     * @return the release
     * @throws BudgetExceededException if the budget cannot pay; nothing is spent
     */
    public static DpRelease beginSegmentCounts(PrivacyCost cost, Partitions spec, ContributionBounds bounds,
            PrivacyBudget budget) {
        Checks.notNull(spec, "spec");
        long k = DpAggregates.beginSegmentCounts(spec, bounds, cost, budget);
        return new DpRelease(Kind.SEGMENT_COUNTS, "segment counts", cost, spec, budget, k, 0, 0);
    }

    /**
     * Begins a ratings release (CSAT, CES, any integer scale), as {@link DpAggregates#ratings}.
     *
     * @param min the lowest rating
     * @param max the highest rating, {@code min < max <= min + 100}
     * @param cost the cost of the tallies
     * @param spec known partitions or a selection
     * @param budget the budget to draw from
     * @return the release; its accumulator has {@code max - min + 1} categories, category {@code rating - min}
     * @throws BudgetExceededException if the budget cannot pay; nothing is spent
     */
    public static DpRelease beginRatings(int min, int max, PrivacyCost cost, Partitions spec, PrivacyBudget budget) {
        Checks.require(max > min && (long) max - min <= 100, "max must lie in (min, min + 100], got min %d, max %d",
                min, max);
        String what = "ratings tallies, " + Checks.notNull(cost, "cost");
        return new DpRelease(Kind.RATINGS, what, cost, spec, budget, Release.begin(what, spec, "spec", cost, budget),
                min, max);
    }

    /**
     * Begins an experiment-arms release, as {@link DpAggregates#arms}; the accumulator holds values, with
     * {@link ContributionBounds#ONE}.
     *
     * @param cost the total cost (a third each for count, sum and sum of squares)
     * @param spec the known arms or a selection
     * @param budget the budget to draw from
     * @return the release
     * @throws BudgetExceededException if the budget cannot pay; nothing is spent
     */
    public static DpRelease beginArms(PrivacyCost cost, Partitions spec, PrivacyBudget budget) {
        String what = "experiment arms, " + Checks.notNull(cost, "cost");
        return new DpRelease(Kind.ARMS, what, cost, spec, budget, Release.begin(what, spec, "spec", cost, budget), 0,
                0);
    }

    /**
     * Begins an attribution path-count release, as {@link DpAggregates#pathCounts}; the accumulator has two
     * categories: 0 for a journey that converted, 1 for one that did not.
     *
     * @param cost the cost of the counts
     * @param spec known paths or a selection
     * @param budget the budget to draw from
     * @return the release
     * @throws BudgetExceededException if the budget cannot pay; nothing is spent
     */
    public static DpRelease beginPathCounts(PrivacyCost cost, Partitions spec, PrivacyBudget budget) {
        String what = "path counts, " + Checks.notNull(cost, "cost");
        return new DpRelease(Kind.PATHS, what, cost, spec, budget, Release.begin(what, spec, "spec", cost, budget), 0,
                0);
    }

    /**
     * Begins an RFM segment summary, as {@link DpAggregates#rfmSegmentSummary}: two accumulators of values made
     * with {@link #key()} and {@link ContributionBounds#ONE} on the partitions {@link #segments}, one of orders
     * clamped to {@code [0, maxOrders]}, one of revenue clamped to {@code [0, maxRevenue]}.
     *
     * @param map the segment map the customers were segmented with
     * @param maxOrders the declared bound on one customer's orders, {@code > 0}
     * @param maxRevenue the declared bound on one customer's revenue, {@code > 0}
     * @param cost the total cost
     * @param budget the budget to draw from
     * @return the release
     * @throws BudgetExceededException if the budget cannot pay; nothing is spent
     */
    public static DpRelease beginRfmSegmentSummary(SegmentMap map, double maxOrders, double maxRevenue,
            PrivacyCost cost, PrivacyBudget budget) {
        Checks.notNull(map, "map");
        Checks.notNull(cost, "cost");
        Checks.positive(maxOrders, "maxOrders");
        Checks.positive(maxRevenue, "maxRevenue");
        String what = "RFM segment summary, " + cost;
        Partitions known = Partitions.known(DpAggregates.segmentNames(map));
        return new DpRelease(Kind.RFM, what, cost, known, budget, Release.begin(what, known, "map", cost, budget),
                maxOrders, maxRevenue);
    }

    /**
     * Begins a cohort retention matrix, as {@link DpCohorts#retention}; the accumulator is a {@link CohortTally}
     * with the same {@code maxOffsets}. No bounding key is needed.
     *
     * @param maxOffsets the most cells one customer may count in, {@code >= 1}
     * @param cost the cost
     * @param budget the budget to draw from
     * @return the release
     * @throws BudgetExceededException if the budget cannot pay; nothing is spent
     */
    public static DpRelease beginRetention(int maxOffsets, PrivacyCost cost, PrivacyBudget budget) {
        DpCohorts.begin(maxOffsets, cost, budget);
        return new DpRelease(Kind.RETENTION, "cohort retention matrix, " + cost, cost, null, budget, 0, maxOffsets,
                0);
    }

    /**
     * The bounding key for {@link BoundedTally#create}.
     *
     * @return the key
     */
    public long key() {
        return key;
    }

    /**
     * The segments of an RFM summary release, in order: the map's, then {@link SegmentMap#OTHERS}.
     *
     * @return the labels to make its accumulators with
     * @throws IllegalStateException if this release is not an RFM segment summary
     */
    public List<String> segments() {
        requireKind(Kind.RFM);
        return spec.labels();
    }

    /**
     * The category index (0 detractor, 1 passive, 2 promoter) of an answer, as {@link DpAggregates#nps} tallies it.
     *
     * @param scale the NPS scale
     * @param answer the answer, on the scale
     * @return the category index
     * @throws IllegalArgumentException if the answer is off the scale
     */
    public static int npsCategory(NpsScale scale, int answer) {
        Checks.notNull(scale, "scale");
        Checks.require(answer >= scale.min() && answer <= scale.max(), "answer must lie in [%d, %d], got %d",
                scale.min(), scale.max(), answer);
        return category(scale, answer);
    }

    /** The category index of an answer already checked to be on the scale. */
    static int category(NpsScale scale, int answer) {
        // The scale's own cut points, compared directly: categoryOf would copy the enum's values on every row.
        return answer <= scale.detractorMax() ? 0 : answer <= scale.passiveMax() ? 1 : 2;
    }

    /**
     * Finishes an NPS release: selects partitions (when not known) and noises the tallies.
     *
     * @param labels the partition labels the tally was made with (known: the known labels; selected: the sorted
     *        distinct labels of the data)
     * @param tally every customer's bounded contribution, combined
     * @param bounds the bounds the tally was made with
     * @return the DP NPS table, as {@link DpAggregates#nps}
     * @throws IllegalStateException if the release was already finished or is not an NPS release
     */
    public synchronized DpTable nps(List<String> labels, BoundedTally tally, ContributionBounds bounds) {
        Checks.notNull(bounds, "bounds");
        Release r = open(Kind.NPS, labels, tally, 3, false);
        Checks.require(bounds.equals(tally.bounds()), "bounds must be those of the tally, %s, got %s",
                tally.bounds(), bounds);
        return DpAggregates.npsTable(r, cost, bounds);
    }

    /**
     * Finishes a segment-count release.
     *
     * @param labels the partition labels the tally was made with (known, or the sorted distinct labels)
     * @param tally every customer's bounded contribution, combined (one category)
     * @return the table of {@link DpAggregates#segmentCounts}
     * @throws IllegalStateException if the release was already finished or is of another aggregate
     */
    public synchronized DpTable segmentCounts(List<String> labels, BoundedTally tally) {
        Release r = open(Kind.SEGMENT_COUNTS, labels, tally, 1, false);
        return DpAggregates.segmentCountsTable(r, spec, cost, tally.bounds());
    }

    /**
     * Finishes a ratings release.
     *
     * @param labels the partition labels the tally was made with
     * @param tally every customer's bounded contribution, combined ({@code max - min + 1} categories)
     * @return the table of {@link DpAggregates#ratings}
     * @throws IllegalStateException if the release was already finished or is of another aggregate
     */
    public synchronized DpTable ratings(List<String> labels, BoundedTally tally) {
        int min = (int) first;
        int max = (int) second;
        Release r = open(Kind.RATINGS, labels, tally, max - min + 1, false);
        return DpAggregates.ratingsTable(r, min, max, cost, tally.bounds());
    }

    /**
     * Finishes an experiment-arms release.
     *
     * @param labels the arm labels the tally was made with
     * @param tally every customer's clamped total, combined (made with a range and {@link ContributionBounds#ONE})
     * @return the table of {@link DpAggregates#arms}
     * @throws IllegalStateException if the release was already finished or is of another aggregate
     */
    public synchronized DpTable arms(List<String> labels, BoundedTally tally) {
        Release r = open(Kind.ARMS, labels, tally, 1, true);
        return DpAggregates.armsTable(r, tally.range, cost);
    }

    /**
     * Finishes a path-count release.
     *
     * @param labels the path labels the tally was made with
     * @param tally every customer's bounded contribution, combined (two categories)
     * @return the table of {@link DpAggregates#pathCounts}
     * @throws IllegalStateException if the release was already finished or is of another aggregate
     */
    public synchronized DpTable pathCounts(List<String> labels, BoundedTally tally) {
        Release r = open(Kind.PATHS, labels, tally, 2, false);
        return DpAggregates.pathCountsTable(r, cost, tally.bounds());
    }

    /**
     * Finishes an RFM segment summary.
     *
     * @param orders every customer's orders, clamped to {@code [0, maxOrders]}, combined
     * @param revenue every customer's revenue, clamped to {@code [0, maxRevenue]}, combined
     * @return the table of {@link DpAggregates#rfmSegmentSummary}
     * @throws IllegalStateException if the release was already finished or is of another aggregate
     */
    public synchronized DpTable rfmSegmentSummary(BoundedTally orders, BoundedTally revenue) {
        Checks.notNull(orders, "orders");
        Checks.notNull(revenue, "revenue");
        Release r = open(Kind.RFM, spec.labels(), orders, 1, true);
        Checks.require(orders.range.equals(ValueRange.of(0, first)), "orders must be clamped to %s, got %s",
                ValueRange.of(0, first), orders.range);
        Checks.require(revenue.key == key && revenue.partitions() == orders.partitions() && revenue.categories == 1
                && ValueRange.of(0, second).equals(revenue.range) && revenue.bounds().equals(ContributionBounds.ONE),
                "revenue must be made with this release's key, its segments, %s and bounds %s",
                ValueRange.of(0, second), ContributionBounds.ONE);
        return DpAggregates.rfmTable(r, revenue, first, second, cost);
    }

    /**
     * Finishes a cohort retention matrix.
     *
     * @param labels the declared periods' labels
     * @param tally every customer's bounded contribution, combined
     * @return the table of {@link DpCohorts#retention}; mark an incomplete last period with
     *     {@link DpTable#withLastPeriodIncomplete()}
     * @throws IllegalStateException if the release was already finished or is of another aggregate
     */
    public synchronized DpTable retention(List<String> labels, CohortTally tally) {
        Checks.notNull(labels, "labels");
        Checks.notNull(tally, "tally");
        requireKind(Kind.RETENTION);
        Checks.require(tally.counts.length == labels.size() && tally.maxOffsets == (int) first,
                "tally must have %d periods and %d offsets, got %d and %d", labels.size(), (int) first,
                tally.counts.length, tally.maxOffsets);
        finished = true;
        return DpCohorts.noised(tally.counts, labels, tally.maxOffsets, cost, budget.random());
    }

    private void requireKind(Kind expected) {
        if (kind != expected) {
            throw new IllegalStateException(Checks.format("this release was begun as %s, not %s", kind, expected));
        }
    }

    /** Checks the release and the tally, marks the release finished and selects its partitions. */
    private Release open(Kind expected, List<String> labels, BoundedTally tally, int categories, boolean values) {
        Checks.notNull(labels, "labels");
        Checks.notNull(tally, "tally");
        requireKind(expected);
        if (finished) {
            throw new IllegalStateException(what + " was already released");
        }
        Checks.require(tally.key == key && tally.categories == categories && tally.partitions() == labels.size()
                && (tally.range != null) == values && (!values || tally.bounds().equals(ContributionBounds.ONE)),
                "tally must be made with this release's key, %d categories, %d partitions%s", categories,
                labels.size(), values ? ", a range and bounds " + ContributionBounds.ONE : " and no range");
        Checks.require(spec.isSelected() || spec.labels().equals(labels), "labels must be the known partitions %s",
                spec.isSelected() ? "" : spec.labels());
        finished = true;
        return Release.select(labels.toArray(new String[0]), tally, spec, tally.bounds(), budget.random());
    }
}
