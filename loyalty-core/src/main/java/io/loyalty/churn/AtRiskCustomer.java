package io.loyalty.churn;

import io.loyalty.internal.Checks;
import io.loyalty.stats.Interval;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One row of the churn early-warning list. Money is in the summaries' currency; purchases and CLV over the
 * list's horizon ({@link WarningList#months()}).
 *
 * @param customerId the customer's id
 * @param probabilityAlive P(alive) at the observation end with its bootstrap interval (method
 *     {@code "parametric bootstrap"}; {@code "fixed parameters"}, lower = upper = estimate, when the purchase
 *     model has no covariance to draw from)
 * @param expectedPurchasesIfRetained expected purchases over the horizon if the customer is still active
 * @param clvIfRetained discounted CLV over the horizon if the customer is still active
 * @param valueAtRisk {@code (1 - P(alive)) * clvIfRetained}; in the fallback (degenerate fit) the whole
 *     {@code clvIfRetained}, since the model cannot say how likely the customer is gone
 * @param daysSinceLastPurchase calendar days from the last purchase to the observation end (the summaries' zone)
 * @param expectedDaysBetweenPurchases the customer's own expected time between purchases, in days
 * @param overdueRatio the time since the last purchase over the expected time between purchases
 * @param segmentNow the RFM segment at the observation end
 * @param segmentBefore the RFM segment in the previous snapshot; empty without one, or for a customer new since
 * @param reasons why the customer is listed, in {@link Reason} order, not empty
 * @since 0.2
 */
public record AtRiskCustomer(String customerId, Interval probabilityAlive, double expectedPurchasesIfRetained,
        double clvIfRetained, double valueAtRisk, long daysSinceLastPurchase, double expectedDaysBetweenPurchases,
        double overdueRatio, String segmentNow, Optional<String> segmentBefore, List<Reason> reasons) {
    /**
     * Checks the components and copies the reasons.
     *
     * @param customerId the customer's id, not null
     * @param probabilityAlive P(alive) with its interval, within [0, 1]
     * @param expectedPurchasesIfRetained finite and &gt;= 0
     * @param clvIfRetained finite and &gt;= 0
     * @param valueAtRisk finite, &gt;= 0 and &lt;= clvIfRetained
     * @param daysSinceLastPurchase &gt;= 0
     * @param expectedDaysBetweenPurchases finite and &gt; 0
     * @param overdueRatio finite and &gt;= 0
     * @param segmentNow not null
     * @param segmentBefore not null (may be empty)
     * @param reasons not null, not empty, no null element
     * @throws IllegalArgumentException naming the component that is out of range
     */
    public AtRiskCustomer {
        Checks.notNull(customerId, "customerId");
        Checks.notNull(probabilityAlive, "probabilityAlive");
        Checks.require(probabilityAlive.lower() >= 0 && probabilityAlive.upper() <= 1,
                "probabilityAlive must lie in [0, 1], got %s", probabilityAlive);
        Checks.require(expectedPurchasesIfRetained >= 0 && expectedPurchasesIfRetained < Double.POSITIVE_INFINITY,
                "expectedPurchasesIfRetained must be finite and >= 0, got %s", expectedPurchasesIfRetained);
        Checks.require(clvIfRetained >= 0 && clvIfRetained < Double.POSITIVE_INFINITY,
                "clvIfRetained must be finite and >= 0, got %s", clvIfRetained);
        Checks.require(valueAtRisk >= 0 && valueAtRisk <= clvIfRetained,
                "valueAtRisk must lie in [0, clvIfRetained = %s], got %s", clvIfRetained, valueAtRisk);
        Checks.require(daysSinceLastPurchase >= 0, "daysSinceLastPurchase must be >= 0, got %d",
                daysSinceLastPurchase);
        Checks.require(expectedDaysBetweenPurchases > 0 && expectedDaysBetweenPurchases < Double.POSITIVE_INFINITY,
                "expectedDaysBetweenPurchases must be finite and > 0, got %s", expectedDaysBetweenPurchases);
        Checks.require(overdueRatio >= 0 && overdueRatio < Double.POSITIVE_INFINITY,
                "overdueRatio must be finite and >= 0, got %s", overdueRatio);
        Checks.notNull(segmentNow, "segmentNow");
        Checks.notNull(segmentBefore, "segmentBefore");
        Checks.notNull(reasons, "reasons");
        Checks.require(!reasons.isEmpty(), "reasons must not be empty");
        List<Reason> copy = new ArrayList<>(reasons.size());
        for (Reason r : reasons) {
            copy.add(Checks.notNull(r, "reasons element"));
        }
        reasons = Collections.unmodifiableList(copy);
    }

    /**
     * Whether the RFM segment changed since the previous snapshot.
     *
     * @return true when a previous segment is known and differs from the current one
     */
    public boolean segmentChanged() {
        return segmentBefore.isPresent() && !segmentBefore.get().equals(segmentNow);
    }

    /**
     * The reasons in words, joined by "; ".
     *
     * @return the text
     */
    public String reasonText() {
        StringBuilder b = new StringBuilder();
        for (Reason r : reasons) {
            b.append(b.length() == 0 ? "" : "; ").append(r.label());
        }
        return b.toString();
    }
}
