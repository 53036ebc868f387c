package io.loyalty.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.tablesaw.CohortTables;
import io.loyalty.testkit.CsvRoundTrip;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Kaplan-Meier time column carries its unit (issue 19 §2, "the units in the header"): {@code time_days} for a
 * curve fitted to churn durations, {@code time_<unit>} after {@code withTimeUnit}, {@code time} otherwise, alike in
 * print, CSV and the Tablesaw adapter.
 */
class KaplanMeierTimeUnitTest {
    private static final String[] IDS = {"a", "b", "a", "c", "b", "d", "a", "e"};
    private static final long DAY = 86_400L;
    private static final long[] TIMES = {0, 3 * DAY, 40 * DAY, 5 * DAY, 90 * DAY, 100 * DAY, 160 * DAY, 170 * DAY};
    private static final double[] RAW = {1, 2, 2, 3, 5, 8};
    private static final boolean[] EVENTS = {true, false, true, true, false, true};

    private static ChurnDurations durations() {
        return ChurnRule.inactivityDays(30, ZoneOffset.UTC).apply(IDS, TIMES);
    }

    private static String csvHeader(SurvivalCurve curve) {
        StringWriter out = new StringWriter();
        curve.writeCsv(out);
        return out.toString().lines().findFirst().orElseThrow();
    }

    private static void assertTimeColumn(String expected, SurvivalCurve curve) {
        assertEquals(expected, curve.timeColumn());
        assertEquals(expected + ",n_risk,n_event,n_censor,survival,std_err,lower,upper", csvHeader(curve));
        assertEquals(List.of(csvHeader(curve).split(",")), CohortTables.toTable(curve).columnNames(),
                "CSV and Tablesaw column names");
        String header = curve.toString().lines().skip(1).findFirst().orElseThrow();
        assertTrue(header.trim().startsWith(expected + " "),
                "printed header: " + header);
        CsvRoundTrip.assertMatches(CohortTables.toTable(curve), curve::writeCsv);
    }

    @Test
    void churnDurationsCurveNamesItsTimeInDaysInPrintCsvAndTablesaw() {
        SurvivalCurve curve = KaplanMeier.withDefaults().fit(durations());
        assertEquals(Optional.of("days"), curve.timeUnit());
        assertEquals("days since first purchase", curve.timeLabel());
        assertTimeColumn("time_days", curve);
    }

    @Test
    void churnDurationsAreDaysWhateverUnitTheEstimatorNames() {
        ChurnDurations d = durations();
        SurvivalCurve curve = KaplanMeier.withDefaults().withTimeUnit("weeks").fit(d);
        assertTimeColumn("time_days", curve);
        assertArrayEquals(KaplanMeier.withDefaults().fit(d.durations(), d.churned()).survival(), curve.survival());
    }

    @Test
    void fitByGroupOfChurnDurationsIsInDaysAndEqualsTheRawFit() {
        ChurnDurations d = durations();
        String[] groups = new String[d.size()];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = i % 2 == 0 ? "even" : "odd";
        }
        List<SurvivalCurve> byGroup = KaplanMeier.withDefaults().fitByGroup(d, groups);
        List<SurvivalCurve> raw = KaplanMeier.withDefaults().fitByGroup(d.durations(), d.churned(), groups);
        assertEquals(2, byGroup.size());
        for (int g = 0; g < byGroup.size(); g++) {
            assertTimeColumn("time_days", byGroup.get(g));
            assertTimeColumn("time", raw.get(g));
            assertEquals(raw.get(g).label(), byGroup.get(g).label());
            assertArrayEquals(raw.get(g).times(), byGroup.get(g).times());
            assertArrayEquals(raw.get(g).survival(), byGroup.get(g).survival());
        }
        assertThrows(IllegalArgumentException.class, () -> KaplanMeier.withDefaults().fitByGroup(d, new String[1]));
    }

    @Test
    void rawTimesWithoutAUnitKeepTheBareTimeColumn() {
        SurvivalCurve curve = KaplanMeier.withDefaults().fit(RAW, EVENTS);
        assertEquals(Optional.empty(), curve.timeUnit());
        assertEquals("time", curve.timeLabel());
        assertTimeColumn("time", curve);
    }

    @Test
    void withTimeUnitNamesTheColumnOfRawTimesAndGroups() {
        KaplanMeier weeks = KaplanMeier.withDefaults().withTimeUnit("weeks");
        SurvivalCurve curve = weeks.fit(RAW, EVENTS);
        assertEquals(Optional.of("weeks"), curve.timeUnit());
        assertEquals("time (weeks)", curve.timeLabel());
        assertTimeColumn("time_weeks", curve);
        assertArrayEquals(KaplanMeier.withDefaults().fit(RAW, EVENTS).survival(), curve.survival(),
                "the unit names the times, it does not convert them");
        for (SurvivalCurve c : weeks.fitByGroup(RAW, EVENTS, new String[] {"x", "y", "x", "y", "x", "y"})) {
            assertTimeColumn("time_weeks", c);
        }
        // The unit survives the other settings, in either order.
        assertTimeColumn("time_months", KaplanMeier.withDefaults().withTimeUnit("months").withConfidence(0.9)
                .withConfidenceType(KaplanMeier.ConfidenceType.LOG_LOG).fit(RAW, EVENTS));
        assertTimeColumn("time_months", KaplanMeier.withDefaults().withConfidence(0.9).withTimeUnit("months")
                .fit(RAW, EVENTS));
        assertTimeColumn("time_w2", KaplanMeier.withDefaults().withTimeUnit("w2").fit(RAW, EVENTS));
        assertTimeColumn("time_" + "d".repeat(32), KaplanMeier.withDefaults().withTimeUnit("d".repeat(32))
                .fit(RAW, EVENTS));
    }

    @Test
    void badUnitIsRejectedNamingTheArgumentAndValue() {
        KaplanMeier km = KaplanMeier.withDefaults();
        IllegalArgumentException nul = assertThrows(IllegalArgumentException.class, () -> km.withTimeUnit(null));
        assertTrue(nul.getMessage().startsWith("unit ") && nul.getMessage().contains("null"), nul.getMessage());
        for (String bad : new String[] {"", " ", "Days", "DAYS", "time unit", " days", "days ", "1days", "_days",
            "days,", "days\n", "d\u00e4ys", "\u65e5", "days;weeks", "d".repeat(33), "\"days\""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> km.withTimeUnit(bad),
                    bad);
            assertTrue(e.getMessage().startsWith("unit ") && e.getMessage().contains("'" + bad + "'"),
                    e.getMessage());
        }
    }
}
