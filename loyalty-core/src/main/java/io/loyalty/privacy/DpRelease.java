package io.loyalty.privacy;

import io.loyalty.internal.Checks;
import io.loyalty.nps.NpsScale;
import java.util.List;

/**
 * A DP release split in two, for engines that bound contributions where the data lives (Spark executors) and add
 * noise once, centrally: {@link #beginNps} spends the budget and draws the bounding key on the driver; the engine
 * groups rows by customer and feeds {@link BoundedTally} accumulators made with {@link #key()}; {@link #nps}
 * combines nothing itself but selects partitions and adds the noise from the budget's source. With the same budget
 * seed and the same rows, the numbers are those of {@link DpAggregates#nps}.
 *
 * @since 0.2
 */
public final class DpRelease {
    private final String what;
    private final PrivacyCost cost;
    private final Partitions spec;
    private final PrivacyBudget budget;
    private final long key;
    private boolean finished;

    private DpRelease(String what, PrivacyCost cost, Partitions spec, PrivacyBudget budget, long key) {
        this.what = what;
        this.cost = cost;
        this.spec = spec;
        this.budget = budget;
        this.key = key;
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
        return new DpRelease(what, cost, spec, budget, Release.begin(what, spec, "spec", cost, budget));
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
     * Finishes the release: selects partitions (when not known) and noises the tallies.
     *
     * @param labels the partition labels the tally was made with (known: the known labels; selected: the sorted
     *        distinct labels of the data)
     * @param tally every customer's bounded contribution, combined
     * @param bounds the bounds the tally was made with
     * @return the DP NPS table, as {@link DpAggregates#nps}
     * @throws IllegalStateException if the release was already finished
     */
    public synchronized DpTable nps(List<String> labels, BoundedTally tally, ContributionBounds bounds) {
        Checks.notNull(labels, "labels");
        Checks.notNull(tally, "tally");
        Checks.notNull(bounds, "bounds");
        if (finished) {
            throw new IllegalStateException(what + " was already released");
        }
        Checks.require(tally.categories == 3 && tally.customers.length == labels.size(),
                "tally must have 3 categories and %d partitions", labels.size());
        finished = true;
        Release r = Release.select(labels.toArray(new String[0]), tally, spec, bounds, budget.random());
        return DpAggregates.npsTable(r, cost, bounds);
    }
}
