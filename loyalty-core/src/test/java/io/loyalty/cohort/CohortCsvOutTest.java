package io.loyalty.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.tablesaw.CohortTables;
import io.loyalty.testkit.CsvRoundTrip;
import io.loyalty.testkit.Property;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every cohort result table writes lossless CSV whose header is the Tablesaw adapter's column names, and the
 * matrices keep the incomplete-cell marker {@code *} in the file (issue 19: the Tablesaw CSV dropped it).
 */
class CohortCsvOutTest {
    private static final long START = 1_600_000_000L;

    @Test
    void matricesSurvivalChurnAndLogRankRoundTripWithTheirMarkers() {
        Property.forAll("cohort csv", 15, rng -> {
            int n = 1 + rng.nextInt(300);
            String[] ids = new String[n];
            long[] times = new long[n];
            double[] amounts = new double[n];
            for (int i = 0; i < n; i++) {
                ids[i] = "c" + rng.nextInt(1 + n / 3);
                times[i] = START + (long) (rng.nextDouble() * 380 * 86_400);
                amounts[i] = rng.nextInt(4) == 0 ? 0 : rng.nextDouble() * Math.pow(10, rng.nextInt(8) - 2);
            }
            // The data end falls inside a month, so the last period of every cohort is incomplete.
            CohortMatrices m = Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC)
                    .withDataEnd(LocalDate.of(2021, 10, 17)).matrices(ids, times, amounts);
            for (CohortMatrices.Measure measure : CohortMatrices.Measure.values()) {
                List<List<String>> csv = CsvRoundTrip.assertMatches(CohortTables.toTable(m, measure),
                        out -> m.writeCsv(out, measure));
                for (int c = 0; c < m.cohortCount(); c++) {
                    for (int k = 0; k <= m.lastOffset(c); k++) {
                        assertEquals(m.isIncomplete(c, k), csv.get(c + 1).get(k + 2).endsWith("*"),
                                "marker of cohort " + c + " offset " + k + " in " + measure);
                    }
                }
            }
            CohortMatrices br = Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC).withDataEnd(LocalDate.of(2021, 10, 17))
                    .withBrackets(Bracket.of(1, 1), Bracket.of(2, 7)).matrices(ids, times, amounts);
            for (boolean shares : new boolean[] {false, true}) {
                List<List<String>> csv = CsvRoundTrip.assertMatches(CohortTables.bracketTable(br, shares),
                        out -> br.writeBracketCsv(out, shares));
                for (int c = 0; c < br.cohortCount(); c++) {
                    for (int k = 0; k < br.bracketMatrix(shares)[c].length; k++) {
                        assertEquals(br.isBracketIncomplete(c, k), csv.get(c + 1).get(k + 2).endsWith("*"),
                                "bracket marker of cohort " + c + " bracket " + k);
                    }
                }
            }
            ChurnDurations d = ChurnRule.inactivityDays(30, ZoneOffset.UTC).apply(ids, times);
            CsvRoundTrip.assertMatches(CohortTables.toTable(d), d::writeCsv);
            SurvivalCurve curve = KaplanMeier.withDefaults().fit(d);
            CsvRoundTrip.assertMatches(CohortTables.toTable(curve), curve::writeCsv);
            ChurnRates rates = d.churnRates(CohortPeriod.MONTH);
            CsvRoundTrip.assertMatches(CohortTables.toTable(rates), rates::writeCsv);
            String[] groups = new String[d.size()];
            for (int i = 0; i < groups.length; i++) {
                groups[i] = i % 2 == 0 ? "even" : "odd, \"quoted\"";
            }
            if (d.size() > 3) {
                LogRankTest lr = KaplanMeier.logRank(d.durations(), d.churned(), groups);
                CsvRoundTrip.assertMatches(CohortTables.toTable(lr), lr::writeCsv);
            }
        });
    }

    @Test
    void printShowsTheMarkerAndWhatItMeans() {
        CohortMatrices m = Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC).withDataEnd(LocalDate.of(2021, 10, 17))
                .matrices(new String[] {"a", "a", "b"}, new long[] {START, START + 40 * 86_400L, START},
                        new double[] {1, 2, 3});
        String text = m.toString();
        assertTrue(text.contains("month_0") && text.contains("%*"), text);
        assertTrue(text.contains("* the period had not ended at the data end"), text);
        StringWriter out = new StringWriter();
        m.writeCsv(out, CohortMatrices.Measure.RETURN_ON_SHARE);
        assertTrue(out.toString().startsWith("cohort,size,month_0,"), out.toString());
    }

    @Test
    void sbgProjectionRoundTripsAndMatchesTablesaw() {
        SbgModel model = SbgModel.of(0.668, 3.806);
        CsvRoundTrip.assertMatches(CohortTables.projection(model, 1000, 12),
                out -> model.writeProjectionCsv(1000, 12, out));
        String text = model.projectionText(1000, 12);
        assertTrue(text.contains("retention_rate") && text.lines().count() == 15, text);
        // Issue 19: the time column carries its unit, in print and in the CSV.
        assertTrue(text.lines().skip(1).findFirst().orElseThrow().startsWith("t_periods  survival"), text);
        java.io.StringWriter csv = new java.io.StringWriter();
        model.writeProjectionCsv(1000, 12, csv);
        assertTrue(csv.toString().startsWith("t_periods,survival,retention_rate,alive\n0,1,,1000\n"), csv.toString());
    }

    /** Issue 19: printed figures are rounded to meaningful digits, counts without decimals. */
    @Test
    void restrictedMeanAndProjectionTitlePrintMeaningfulDigits() {
        assertEquals("restricted mean to 365: 126.8 (se 2.66)", new RestrictedMean(365, 126.827, 2.65806).toString());
        assertTrue(SbgModel.of(0.668, 3.806).projectionText(1000, 2).contains(", 1000 customers at t = 0"));
    }
}
