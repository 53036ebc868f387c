package io.loyalty.cohort;

import io.loyalty.internal.Checks;
import java.time.Instant;

/**
 * A caller-given cohort for one customer (first channel, first product, signup date...): its label and the
 * instant from which the customer's period offsets count. A transaction before the start is an error. A key
 * made by {@link #fromFirstPurchase(String)} has no start (null): the customer's offsets count from the period of
 * its first purchase, as for acquisition cohorts, which suits a first channel or a first product.
 *
 * @param label the cohort's label, not blank
 * @param start when the customer's offset 0 period begins (its period holds this instant), or null to count from
 *     the first purchase
 *
 * @since 0.1
 */
public record CohortKey(String label, Instant start) {

    /**
     * Validates the fields.
     *
     * @param label the cohort's label, not blank
     * @param start the start, or null for the first purchase
     */
    public CohortKey {
        Checks.notBlank(label, "label");
    }

    /**
     * A cohort key.
     *
     * @param label the cohort's label
     * @param start the start
     * @return the key
     */
    public static CohortKey of(String label, Instant start) {
        return new CohortKey(label, Checks.notNull(start, "start"));
    }

    /**
     * A cohort key whose offsets count from the customer's first purchase (e.g. the first channel).
     *
     * @param label the cohort's label
     * @return the key, with a null start
     */
    public static CohortKey fromFirstPurchase(String label) {
        return new CohortKey(label, null);
    }
}
