package io.loyalty.nps;

/**
 * The four loyalty conditions of Dick &amp; Basu (1994): relative attitude (here, being a promoter) crossed with
 * repeat patronage (repeat purchasing at or above a threshold).
 *
 * @since 0.1
 */
public enum LoyaltyQuadrant {
    /** Promoter who buys repeatedly: attachment and behaviour agree. */
    TRUE_LOYALTY,
    /** Promoter who does not (yet) buy repeatedly: goodwill that is not turned into purchases. */
    LATENT_LOYALTY,
    /**
     * Repeat buyer who is not a promoter: inertia, convenience or promotions; the "false loyalty" that disappears
     * when promotions stop or a competitor makes switching easy.
     */
    SPURIOUS_LOYALTY,
    /** Neither promoter nor repeat buyer. */
    NO_LOYALTY
}
