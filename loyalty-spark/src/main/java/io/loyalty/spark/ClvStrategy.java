package io.loyalty.spark;

/**
 * How {@link SparkClv} fits a CLV model on the customers of a {@code Dataset<Row>}. Both strategies find the
 * maximum the core's fitter finds on the same customers (up to rounding); they differ in where the work runs
 * and what it costs.
 *
 * @since 0.1
 */
public enum ClvStrategy {
    /**
     * Group the customers on the cluster into their distinct (frequency, recency, T) patterns with counts (one
     * shuffle), collect the patterns to the driver and run the core's weighted fit there. Costs one exchange and
     * driver memory for the patterns (about 32 bytes each, plus the core's merge tables); every optimizer
     * iteration then runs on the driver without a Spark job. Wins when the data repeat: summaries on a day or
     * week grid have far fewer patterns than customers.
     */
    COMPRESSED,
    /**
     * Cache each partition's customers as one core {@code CustomerChunk} (rows merged within the partition) and
     * run the core's optimizer on the driver, each likelihood evaluation one {@code treeAggregate} over the
     * cached chunks (the Pareto/NBD gradient's nine points, or a Hessian's points, in the same pass). No shuffle
     * and nothing per customer on the driver, but one Spark job per evaluation. For data whose patterns are
     * nearly all distinct (continuous recency and T) and too many for the driver.
     */
    DISTRIBUTED,
    /**
     * Count the distinct patterns approximately (HyperLogLog, in the validation pass that runs anyway) and
     * choose {@link #COMPRESSED} when they are at most {@link SparkClv#AUTO_ALWAYS_COMPRESS}, or at most half the
     * customers and at most {@link SparkClv#AUTO_PATTERN_LIMIT}, else {@link #DISTRIBUTED}. The rule comes from
     * the measurement in docs/spark.md: compressing pays when it shrinks the data, and the driver must hold the
     * patterns.
     */
    AUTO
}
