package io.loyalty.nps;

/**
 * The three Net Promoter categories of a likelihood-to-recommend answer: 0&ndash;6 detractor, 7&ndash;8 passive,
 * 9&ndash;10 promoter on the standard scale (other cut points through {@link NpsScale}).
 *
 * @since 0.1
 */
public enum NpsCategory {
    /** Unlikely to recommend: 0..6 on the standard scale. */
    DETRACTOR,
    /** Satisfied but unenthusiastic: 7..8 on the standard scale. */
    PASSIVE,
    /** Likely to recommend: 9..10 on the standard scale. */
    PROMOTER
}
