package io.loyalty.examples;

/**
 * The tour: every metric family's example on the bundled real data, one after another, printing readable
 * tables and writing charts to {@code loyalty-examples/target/tour}, then the same calculations on Apache Spark
 * ({@link SparkTour}). Run it from the IDE or with the README's command.
 */
public final class Tour {
    private Tour() {
    }

    /**
     * Runs every example.
     *
     * @param args ignored
     * @throws Exception if an example fails
     */
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        // One line per family, in the order of the library's map (docs/index.md).
        DataModelExample.main(args);
        RfmExample.main(args);
        ClvExample.main(args);
        ChurnWarningExample.main(args);
        NpsExample.main(args);
        KanoExample.main(args);
        AttributionExample.main(args);
        CohortExample.main(args);
        ExperimentExample.main(args);
        PrivacyExample.main(args);
        // The same calculators on Apache Spark (local[*]), on the same data.
        SparkTour.main(args);
        System.out.printf("%nTour finished in %.1f s; charts are in %s%n", (System.nanoTime() - start) / 1e9,
                Examples.output("").toAbsolutePath().normalize());
    }
}
