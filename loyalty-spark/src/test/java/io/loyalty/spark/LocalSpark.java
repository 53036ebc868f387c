package io.loyalty.spark;

import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.nio.file.Paths;

/** The local Spark session a test class shares: {@code local[2]}, no UI, few shuffle partitions. */
final class LocalSpark {
    private LocalSpark() {
    }

    /** A new local session; the caller stops it in {@code @AfterAll}. */
    static SparkSession start(String name) {
        return SparkSession.builder()
                .appName(name)
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.default.parallelism", "4")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
    }

    /** The examples' bundled data directory (set by the build; see the pom). */
    static Path data(String first, String... more) {
        String root = System.getProperty("loyalty.data", "../loyalty-examples/data");
        return Paths.get(root, first).resolve(Paths.get("", more));
    }
}
