package io.loyalty.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.churn.ChurnWarning;
import io.loyalty.churn.WarningList;
import io.loyalty.clv.BetaGeoModel;
import io.loyalty.clv.GammaGammaModel;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.data.Transaction;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SparkChurnTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("SparkChurnTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void listJoinsOntoTheCustomerTableInRankOrder() {
        WarningList list = ChurnWarning.withDefaults()
                .withModels(BetaGeoModel.of(0.243, 4.414, 0.793, 2.426), GammaGammaModel.of(6.25, 3.74, 15.44))
                .list(Summarizer.of(PeriodRule.days().withUnit(7), LocalDate.of(2020, 6, 30)).summarize(List.of(
                        Transaction.of("1", LocalDate.of(2019, 1, 5), 10), Transaction.of("1", LocalDate.of(2019, 2, 5), 12),
                        Transaction.of("2", LocalDate.of(2020, 6, 1), 20), Transaction.of("2", LocalDate.of(2020, 6, 20), 30),
                        Transaction.of("3", LocalDate.of(2018, 2, 2), 5), Transaction.of("3", LocalDate.of(2018, 3, 2), 7))));
        assertTrue(list.size() >= 2, list.toString());
        Dataset<Row> own = SparkChurn.toDataset(spark, list);
        assertEquals(list.size(), own.count());
        StructType crm = new StructType().add("id", DataTypes.LongType).add("owner", DataTypes.StringType);
        Dataset<Row> customers = spark.createDataFrame(List.of(RowFactory.create(1L, "ann"),
                RowFactory.create(2L, "bob"), RowFactory.create(3L, "cid"), RowFactory.create(9L, "dan")), crm);
        List<Row> joined = SparkChurn.join(customers, "id", list).collectAsList();
        assertEquals(list.size(), joined.size());
        for (int i = 0; i < joined.size(); i++) {
            Row r = joined.get(i);
            assertEquals(i + 1, r.getInt(r.fieldIndex("rank")));
            assertEquals(list.get(i).customerId(), r.getString(r.fieldIndex(SparkChurn.CUSTOMER_ID)));
            assertEquals(list.get(i).valueAtRisk(), r.getDouble(r.fieldIndex("value_at_risk")));
            assertEquals(String.valueOf(r.getLong(r.fieldIndex("id"))), list.get(i).customerId());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkChurn.join(customers, "customer", list));
        assertTrue(e.getMessage().contains("'customer'"), e.getMessage());
    }
}
