/**
 * The loyalty calculators on Apache Spark. Spark moves and aggregates the data; every formula is
 * {@code loyalty-core}'s, called on executors inside a partition (kernels over primitive arrays) or on the driver
 * (solvers over aggregated sufficient statistics). Nothing mathematical is implemented here twice.
 *
 * <p>Each calculator validates its input from the schema (missing or mistyped columns), then counts null cells and
 * invalid values (reported per column with a count of rows) in one aggregation before any long job runs, or, where
 * the calculator's whole work is itself a single scan ({@link io.loyalty.spark.SparkSurveys},
 * {@link io.loyalty.spark.SparkExperiments}), inside that scan, before any result is formed; see {@link
 * io.loyalty.spark.NullPolicy}. How each calculator splits into distributed aggregation and driver-side solving,
 * and the shuffles it costs, is described in {@code docs/spark.md}.
 *
 * <p>Spark 4.1 on Java 17 needs the JVM options that {@code spark-submit} passes ({@code --add-opens ...}); a
 * JVM that starts Spark in-process (a test, an IDE run) must be given them too; see the README.
 */
package io.loyalty.spark;
