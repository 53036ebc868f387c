package io.loyalty.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputsTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("InputsTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static Dataset<Row> rows(List<Row> rows, StructType schema) {
        return spark.createDataFrame(rows, schema);
    }

    private static final StructType TX = new StructType()
            .add("id", DataTypes.StringType)
            .add("t", DataTypes.TimestampType)
            .add("amount", DataTypes.DoubleType)
            .add("note", DataTypes.StringType);

    private static Timestamp ts(String s) {
        return Timestamp.valueOf(s);
    }

    @Test
    void missingColumnIsNamed() {
        Dataset<Row> df = rows(List.of(RowFactory.create("a", ts("2024-01-01 10:00:00"), 1.0, "x")), TX);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Inputs.transactions(df, TransactionSchema.of("customer", "t", "amount")));
        assertTrue(e.getMessage().contains("'customer'"), e.getMessage());
    }

    @Test
    void mistypedAmountIsNamed() {
        Dataset<Row> df = rows(List.of(RowFactory.create("a", ts("2024-01-01 10:00:00"), 1.0, "x")), TX);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Inputs.transactions(df, TransactionSchema.of("id", "t", "note")));
        assertTrue(e.getMessage().contains("'note'") && e.getMessage().contains("numeric"), e.getMessage());
    }

    @Test
    void nullsAreCountedPerColumnThenDroppedOnRequest() {
        Dataset<Row> df = rows(List.of(
                RowFactory.create("a", ts("2024-01-01 10:00:00"), 1.0, "x"),
                RowFactory.create(null, ts("2024-01-02 10:00:00"), 2.0, "x"),
                RowFactory.create(null, null, 3.0, "x"),
                RowFactory.create("b", ts("2024-01-02 10:00:00"), Double.NaN, "x")), TX);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Inputs.transactions(df, TransactionSchema.of("id", "t", "amount")));
        assertTrue(e.getMessage().contains("column 'id' is null in 2 rows"), e.getMessage());
        assertTrue(e.getMessage().contains("column 't' is null in 1 row"), e.getMessage());
        assertTrue(e.getMessage().contains("column 'amount' is null or NaN in 1 row"), e.getMessage());
        Inputs.Canonical kept = Inputs.transactions(df, TransactionSchema.of("id", "t", "amount").droppingNulls());
        assertEquals(1, kept.rows().count());
    }

    @Test
    void blankMeansWhatTheCoresIsBlankMeans() {
        // U+2003 (em space) is whitespace to String.isBlank, which the core checks ids with, but not to \s.
        Dataset<Row> df = rows(List.of(RowFactory.create("\u2003", ts("2024-01-01 10:00:00"), 1.0, "x"),
                RowFactory.create("a", ts("2024-01-01 10:00:00"), 1.0, "x")), TX);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Inputs.transactions(df, TransactionSchema.of("id", "t", "amount")));
        assertTrue(e.getMessage().contains("column 'id' is blank in 1 row"), e.getMessage());
        assertTrue("\u2003".isBlank());
    }
}
