package io.loyalty.examples;

import io.loyalty.charts.CohortCharts;
import io.loyalty.cohort.Bracket;
import io.loyalty.cohort.ChurnDurations;
import io.loyalty.cohort.ChurnRule;
import io.loyalty.cohort.CohortMatrices;
import io.loyalty.cohort.CohortPeriod;
import io.loyalty.cohort.Cohorts;
import io.loyalty.cohort.KaplanMeier;
import io.loyalty.cohort.SbgData;
import io.loyalty.cohort.SbgFitter;
import io.loyalty.cohort.SbgModel;
import io.loyalty.cohort.SurvivalCurve;
import io.loyalty.stats.Interval;
import io.loyalty.tablesaw.CohortTables;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Cohort retention on real data: monthly acquisition cohorts of the Online Retail log with their "return on"
 * matrix, heatmap and curves, Kaplan-Meier of time to churn under a 90-day inactivity rule with its curve (and the
 * United Kingdom's against the other countries', with the log-rank test), and the sBG fitted to Fader and Hardie's
 * (2007) retention data with its projection; the charts are {@link CohortCharts}'.
 */
public final class CohortExample {
    private static final LocalDate LAST_DAY = LocalDate.of(2011, 12, 9);

    private CohortExample() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     * @throws IOException if the bundled data cannot be read or a chart cannot be written
     */
    public static void main(String[] args) throws IOException {
        System.out.println("== Cohort retention ==");
        Table retail = OnlineRetail.table();

        long start = System.nanoTime();
        CohortMatrices m = CohortTables.matrices(retail, "Customer", "InvoiceDate", "Amount",
                Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC).withDataEnd(LAST_DAY)
                        .withBrackets(Bracket.of(1, 1), Bracket.of(2, 3), Bracket.of(4, 6), Bracket.of(7, 12)));
        System.out.printf(Locale.ROOT, "Online Retail: %,d rows, %d monthly acquisition cohorts in %.0f ms "
                + "(UTC, data end %s; * = incomplete last month)%n", retail.rowCount(), m.cohortCount(),
                (System.nanoTime() - start) / 1e6, LAST_DAY);
        CohortText.printReturnOn(m, 12);
        heatmap(m, 12);
        brackets(m);

        ChurnDurations churn = CohortTables.churn(retail, "Customer", "InvoiceDate",
                ChurnRule.inactivityDays(90, ZoneOffset.UTC).withLastDay(LAST_DAY));
        SurvivalCurve km = KaplanMeier.withDefaults().fit(churn);
        System.out.printf(Locale.ROOT, "%nTime to churn (90 days without a purchase; days from the first purchase):%n"
                + "%s%n", churn);
        printSurvival(km);
        curve(km);
        byCountry(retail, churn);

        sbg();
        System.out.println();
    }

    private static void heatmap(CohortMatrices m, int maxOffset) throws IOException {
        String file = TourCharts.save("cohort-retention-heatmap.png", CohortCharts.retentionHeatmap(m, maxOffset)
                .withTitle("Online Retail: share of each monthly cohort buying in month k (%; partial Dec 2011 blank)")
                .withSize(900, 560)).toString();
        TourCharts.save("cohort-retention-curves.png", CohortCharts.retentionCurves(m, maxOffset));
        System.out.println("heatmap: " + file);
    }

    /** Bracket retention (active in any month of the bracket), as text and the first lines of its CSV. */
    private static void brackets(CohortMatrices m) {
        System.out.println("\nBracket retention (active in month 1, months 2-3, 4-6, 7-12), "
                + "CohortMatrices.bracketText(true):");
        System.out.print(m.bracketText(true));
        StringWriter csv = new StringWriter();
        m.writeBracketCsv(csv, true);
        System.out.println("writeBracketCsv(out, true), first lines:");
        csv.toString().lines().limit(3).forEach(System.out::println);
    }

    private static void printSurvival(SurvivalCurve km) {
        double[] t = km.times();
        System.out.printf(Locale.ROOT, "%4s %6s %8s %7s %8s %9s %8s %8s %8s%n", "day", "row t", "n.risk", "n.event", "n.censor",
                "survival", "std.err", "lower", "upper");
        // One line per 30 days: the last row at or before each multiple of 30 (the curve is a step function).
        int i = -1;
        for (int day = 0; day <= 360; day += 30) {
            while (i + 1 < t.length && t[i + 1] <= day) {
                i++;
            }
            if (i >= 0) {
                System.out.printf(Locale.ROOT, "%4d %6.0f %8d %7d %8d %9.4f %8.4f %8.4f %8.4f%n", day, t[i],
                        km.atRisk()[i],
                        km.events()[i], km.censored()[i], km.survival()[i], km.standardError()[i], km.lower()[i],
                        km.upper()[i]);
            }
        }
        System.out.println(median(km.median()) + " days; " + km.restrictedMean(365) + " days");
        // The file has every row at full precision; its time column names the unit (days from ChurnDurations).
        StringWriter csv = new StringWriter();
        km.writeCsv(csv);
        System.out.println("SurvivalCurve.writeCsv(out), first lines:");
        csv.toString().lines().limit(3).forEach(System.out::println);
    }

    private static void curve(SurvivalCurve km) throws IOException {
        String file = TourCharts.save("cohort-kaplan-meier.png", CohortCharts.kaplanMeier(km).withTitle(
                "Online Retail: Kaplan-Meier survival to churn (90-day inactivity, days), 95% log CI")).toString();
        System.out.println("curve: " + file);
    }

    /** The same survival for customers in the United Kingdom and elsewhere (each customer's first country). */
    private static void byCountry(Table retail, ChurnDurations churn) throws IOException {
        StringColumn customer = retail.stringColumn("Customer");
        StringColumn country = retail.stringColumn("Country");
        Map<String, String> home = new HashMap<>();
        for (int row = 0; row < retail.rowCount(); row++) {
            home.putIfAbsent(customer.get(row), country.get(row));
        }
        List<String> ids = churn.ids();
        String[] groups = new String[ids.size()];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = "United Kingdom".equals(home.get(ids.get(i))) ? "United Kingdom" : "other countries";
        }
        TourCharts.save("cohort-kaplan-meier-by-country.png", CohortCharts.kaplanMeier(
                KaplanMeier.withDefaults().fitByGroup(churn, groups), KaplanMeier.logRank(churn.durations(),
                        churn.churned(), groups)));
    }

    private static void sbg() throws IOException {
        List<String> lines = Files.readAllLines(Examples.data("fader-hardie-2007/retention.csv"));
        int rows = lines.size() - 1;
        long[] regular = new long[rows];
        long[] highEnd = new long[rows];
        for (int t = 0; t < rows; t++) {
            String[] f = lines.get(t + 1).split(",");
            regular[t] = Long.parseLong(f[1]);
            highEnd[t] = Long.parseLong(f[2]);
        }
        System.out.println("\nsBG (Fader & Hardie 2007), fitted on years 0..7, projected to year 12:");
        SbgFitter fitter = SbgFitter.withDefaults();
        SbgModel hi = fitter.fit(SbgData.ofSurvivors(Arrays.copyOf(highEnd, 8)));
        SbgModel reg = fitter.fit(SbgData.ofSurvivors(Arrays.copyOf(regular, 8)));
        System.out.println("High End: " + hi);
        System.out.println("Regular:  " + reg);
        double[] pHi = hi.projectAlive(1000, rows - 1);
        double[] pReg = reg.projectAlive(1000, rows - 1);
        System.out.printf(Locale.ROOT, "%4s %9s %9s %6s %9s %9s %6s%n", "year", "HE actual", "HE sBG", "r(t)",
                "Reg act.", "Reg sBG", "r(t)");
        for (int t = 0; t < rows; t++) {
            System.out.printf(Locale.ROOT, "%4d %9d %9.1f %6s %9d %9.1f %6s%s%n", t, highEnd[t], pHi[t],
                    t == 0 ? "" : String.format(Locale.ROOT, "%.3f", hi.retentionRate(t)), regular[t], pReg[t],
                    t == 0 ? "" : String.format(Locale.ROOT, "%.3f", reg.retentionRate(t)), t == 8 ? "  <- projection" : "");
        }
        System.out.println("\nHigh End, SbgModel.projectionText(1000, 12):");
        System.out.print(hi.projectionText(1000, 12));
        StringWriter csv = new StringWriter();
        hi.writeProjectionCsv(1000, 12, csv);
        System.out.println("writeProjectionCsv(1000, 12, out), first lines:");
        csv.toString().lines().limit(3).forEach(System.out::println);
        Map<String, SbgModel> models = new LinkedHashMap<>();
        models.put("High End", hi);
        models.put("Regular", reg);
        Map<String, long[]> survivors = new LinkedHashMap<>();
        survivors.put("High End", highEnd);
        survivors.put("Regular", regular);
        TourCharts.save("cohort-sbg-projection.png", CohortCharts.sbgProjection(models, survivors, 8)
                .withTitle("sBG (Fader & Hardie 2007): customers still active, fitted on years 0-7, projected to 12"));
        System.out.printf(Locale.ROOT, "DEL at 10%%: High End %.3f, Regular %.3f years; DERL after 4 renewals: "
                + "High End %.3f, Regular %.3f years%n", hi.discountedExpectedLifetime(0.10),
                reg.discountedExpectedLifetime(0.10), hi.discountedExpectedResidualLifetime(0.10, 4),
                reg.discountedExpectedResidualLifetime(0.10, 4));
    }

    /** A median survival time as the tour prints it: a time never reached reads "not reached". */
    private static String median(Interval m) {
        return "median " + time(m.estimate()) + " (" + time(m.lower()) + ", " + time(m.upper()) + ")";
    }

    private static String time(double t) {
        return t == Double.POSITIVE_INFINITY ? "not reached"
                : new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", t)).stripTrailingZeros().toPlainString();
    }
}
