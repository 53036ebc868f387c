package io.loyalty.kano;

/**
 * How features are ordered for prioritisation. Every order puts must-be features first, then one-dimensional,
 * then attractive, then indifferent, reverse and questionable (Kano practice: fulfil the basics, compete on
 * performance, then delight); the constants say how features of the same category are ordered.
 *
 * @since 0.1
 */
public enum PriorityOrder {
    /** By mean self-stated importance, highest first (features without importance last), then by Better. */
    IMPORTANCE,
    /** By Better = (A+O)/(A+O+M+I), highest first, then by |Worse|. */
    BETTER,
    /**
     * By each feature's categories M, O, A, I listed in decreasing frequency (ties M &gt; O &gt; A &gt; I),
     * compared position by position with M &gt; O &gt; A &gt; I: the "M &gt; O &gt; A &gt; I rule" as the guide
     * "The complete guide to the Kano model" (kano-model.proofofthepudding.be) applies it within a category.
     */
    CATEGORY_SEQUENCE
}
