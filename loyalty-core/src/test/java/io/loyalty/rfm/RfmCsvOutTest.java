package io.loyalty.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.tablesaw.RfmTables;
import io.loyalty.testkit.CsvRoundTrip;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rfm result table writes lossless CSV whose header is the Tablesaw adapter's column names. */
class RfmCsvOutTest {
    @Test
    void everyTableRoundTripsAndMatchesTablesaw(@TempDir Path dir) throws Exception {
        RfmScores scores = RfmGoldenTest.orderScores();
        CsvRoundTrip.assertMatches(RfmTables.toTable(scores), scores::writeCsv);
        CsvRoundTrip.assertMatches(RfmTables.thresholds(scores), scores::writeThresholdsCsv);
        CsvRoundTrip.assertMatches(RfmTables.toTable(scores.summary()), scores.summary()::writeCsv);
        SegmentMovement movement = SegmentMovement.between(scores, scores);
        CsvRoundTrip.assertMatches(RfmTables.toTable(movement), movement::writeCsv);
        RfmClusters clusters = RfmClusterer.seeded(3).withK(3).cluster(scores);
        CsvRoundTrip.assertMatches(RfmTables.toTable(clusters), clusters::writeCsv);

        // Revenue per order is rarely a short decimal: the CSV still reads back bit for bit.
        RfmScores perOrder = RfmScorer.withDefaults().withMonetary(MonetaryMeasure.MEAN_PER_ORDER)
                .score(RfmGoldenTest.orders(), LocalDate.of(2006, 12, 31));
        CsvRoundTrip.assertMatches(RfmTables.toTable(perOrder), perOrder::writeCsv);

        StringWriter w = new StringWriter();
        scores.writeCsv(w);
        Path file = dir.resolve("scores.csv");
        scores.writeCsv(file);
        assertEquals(w.toString(), Files.readString(file));
    }

    @Test
    void printShowsCountsAsIntegersAndRoundedMoney() {
        RfmScores scores = RfmGoldenTest.orderScores();
        String summary = scores.summary().toString();
        assertTrue(summary.startsWith("segment "), summary);
        // Customers and orders as integers, shares as percentages with one decimal.
        assertTrue(summary.lines().skip(1).allMatch(l -> l.matches("\\D+ +\\d+ +\\d+ +\\S+ +\\S+ +\\d+\\.\\d% +"
                + "\\d+\\.\\d%")), summary);
        String text = scores.toString();
        assertTrue(text.contains("recency_days_lower") && text.contains("... 990 more rows"), text);
        assertTrue(!text.matches("(?s).*\\d\\.\\d{7,}.*"), "long fractions in print: " + text);
    }
}
