package com.example;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.trim;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs the README's Spark snippet (CustomerValueJob, written by prebuild.groovy) in a local session, on the CDNOW
 * sample (args[0]) written as the "lake" the snippet reads: target/lake/transactions. What the snippet prints is
 * what verify.groovy compares with the README.
 */
public class Main {
    public static void main(String[] args) {
        Path lake = Paths.get("target", "lake").toAbsolutePath();
        SparkSession spark = SparkSession.builder()
                .appName("customer-value-job")
                .master("local[1]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
        try {
            Dataset<Row> fields = spark.read().text(args[0]).select(split(trim(col("value")), "\\s+").as("f"));
            fields.select(col("f").getItem(1).as("customer_id"),
                    to_timestamp(col("f").getItem(2), "yyyyMMdd").as("ts"),
                    col("f").getItem(4).cast("double").as("amount"))
                    .write().mode("overwrite").parquet(lake + "/transactions");
            CustomerValueJob.run(spark, lake.toString());
        } finally {
            spark.stop();
        }
    }
}
