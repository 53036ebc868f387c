package io.loyalty.cohort;

import io.loyalty.internal.Checks;
import java.time.Instant;

/**
 * A caller-given cohort for one customer (first channel, first product, signup date...): its label and the
 * instant from which the customer's period offsets count. A transaction before the start is an error.
 *
 * @param label the cohort's label, not blank
 * @param start when the customer's offset 0 period begins (its period holds this instant)
 */
public record CohortKey(String label, Instant start) {

    /**
     * Validates the fields.
     *
     * @param label the cohort's label, not blank
     * @param start the start
     */
    public CohortKey {
        Checks.notBlank(label, "label");
        Checks.notNull(start, "start");
    }

    /**
     * A cohort key.
     *
     * @param label the cohort's label
     * @param start the start
     * @return the key
     */
    public static CohortKey of(String label, Instant start) {
        return new CohortKey(label, start);
    }
}
