package io.loyalty.nps;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.tablesaw.NpsTables;
import io.loyalty.testkit.CsvRoundTrip;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** The NPS breakdown writes lossless CSV whose header is the Tablesaw adapter's column names. */
class NpsCsvOutTest {
    @Test
    void breakdownsRoundTripAndMatchTablesaw() throws Exception {
        ColumnType[] types = {ColumnType.INTEGER, ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.DOUBLE,
            ColumnType.DOUBLE, ColumnType.STRING, ColumnType.STRING, ColumnType.LOCAL_DATE, ColumnType.STRING,
            ColumnType.STRING};
        Table t = Table.read().usingOptions(CsvReadOptions.builder(
                NpsCsvOutTest.class.getResourceAsStream("/nps/NPS_testdata.csv")).columnTypes(types).build());
        NpsBreakdown byUnit = NpsTables.bySegment(t, "REC", "BU", NpsCalculator.withDefaults());
        CsvRoundTrip.assertMatches(NpsTables.toTable(byUnit), byUnit::writeCsv);
        NpsBreakdown byQuarter = NpsTables.byPeriod(t, "REC", "date", NpsPeriod.QUARTER,
                NpsCalculator.withDefaults());
        CsvRoundTrip.assertMatches(NpsTables.toTable(byQuarter), byQuarter::writeCsv);
        String text = byQuarter.toString();
        assertTrue(text.contains("vs_previous") && text.contains("overall"), text);
    }

    @Test
    void loyaltyMatrixRoundTripsAndMatchesTablesaw() {
        LoyaltyMatrix m = LoyaltyMatrix.of(new int[] {10, 9, 3, 7, 0, 8}, new double[] {3, 0, 4, 1, 2, 0}, 2,
                new double[] {120.5, 0.1, 33.3, 19.99, 7, 0.2});
        CsvRoundTrip.assertMatches(NpsTables.toTable(m), m::writeCsv);
        String text = m.toString();
        assertTrue(text.startsWith("Loyalty matrix: 6 customers") && text.contains("revenue_share"), text);
    }
}
