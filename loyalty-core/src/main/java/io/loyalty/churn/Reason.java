package io.loyalty.churn;

/**
 * Why a customer is on the churn early-warning list. A customer is listed when at least one enabled reason fires.
 *
 * @since 0.2
 */
public enum Reason {
    /** P(alive) below the threshold ({@link ChurnWarning#withAliveThreshold(double)}); not used in the fallback. */
    LOW_P_ALIVE("low P(alive)"),
    /**
     * The time since the last purchase exceeds the overdue factor times the customer's own expected time between
     * purchases ({@link ChurnWarning#withOverdueFactor(double)}).
     */
    OVERDUE("overdue"),
    /** The current RFM segment is one of the at-risk segments ({@link ChurnWarning#withAtRiskSegments}). */
    AT_RISK_SEGMENT("at-risk segment"),
    /**
     * The R + F + M score fell by at least the configured drop since the previous snapshot
     * ({@link ChurnWarning#withScoreDrop(int)}); needs a previous snapshot.
     */
    SEGMENT_DOWNGRADE("RFM down");

    private final String label;

    Reason(String label) {
        this.label = label;
    }

    /**
     * The reason in a few words, as the list prints it.
     *
     * @return the label
     */
    public String label() {
        return label;
    }
}
