package io.loyalty.examples;

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
import io.loyalty.tablesaw.CohortTables;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import tech.tablesaw.api.Table;

/**
 * Cohort retention on real data: monthly acquisition cohorts of the Online Retail log with their "return on"
 * matrix and heatmap, Kaplan-Meier of time to churn under a 90-day inactivity rule with its curve, and the sBG
 * fitted to Fader and Hardie's (2007) retention data with its projection.
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
        System.setProperty("java.awt.headless", "true");
        System.out.println("== Cohort retention ==");
        Table retail = OnlineRetail.table();

        long start = System.nanoTime();
        CohortMatrices m = CohortTables.matrices(retail, "Customer", "InvoiceDate", "Amount",
                Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC).withDataEnd(LAST_DAY));
        System.out.printf(Locale.ROOT, "Online Retail: %,d rows, %d monthly acquisition cohorts in %.0f ms "
                + "(UTC, data end %s; * = incomplete last month)%n", retail.rowCount(), m.cohortCount(),
                (System.nanoTime() - start) / 1e6, LAST_DAY);
        CohortText.printReturnOn(m, 12);
        heatmap(m, 12);

        ChurnDurations churn = CohortTables.churn(retail, "Customer", "InvoiceDate",
                ChurnRule.inactivityDays(90, ZoneOffset.UTC).withLastDay(LAST_DAY));
        SurvivalCurve km = KaplanMeier.withDefaults().fit(churn);
        System.out.printf(Locale.ROOT, "%nTime to churn (90 days without a purchase; days from the first purchase): "
                + "%s%n", churn);
        printSurvival(km);
        curve(km);

        sbg();
        System.out.println();
    }

    private static void heatmap(CohortMatrices m, int maxOffset) throws IOException {
        double[][] shares = m.matrix(CohortMatrices.Measure.RETURN_ON_SHARE);
        List<Integer> offsets = new ArrayList<>();
        for (int k = 0; k <= maxOffset; k++) {
            offsets.add(k);
        }
        List<Number[]> cells = new ArrayList<>();
        for (int c = 0; c < m.cohortCount(); c++) {
            for (int k = 0; k <= Math.min(maxOffset, shares[c].length - 1); k++) {
                cells.add(new Number[] {k, c, Math.round(1000 * shares[c][k]) / 10.0});
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(1000).height(560)
                .title("Online Retail: share of each monthly cohort buying in month k (%); last diagonal = partial Dec 2011")
                .xAxisTitle("months since first purchase").yAxisTitle("acquisition cohort").build();
        chart.getStyler().setShowValue(true);
        chart.getStyler().setRangeColors(new Color[] {new Color(255, 255, 229), new Color(65, 171, 93),
            new Color(0, 69, 41)});
        chart.addSeries("return on", offsets, m.labels(), cells);
        BitmapEncoder.saveBitmap(chart, Examples.output("cohort-retention-heatmap").toString(), BitmapFormat.PNG);
        System.out.println("heatmap: " + Examples.output("cohort-retention-heatmap.png"));
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
                        km.events()[i], km.censored()[i], km.survival()[i], km.stdErr()[i], km.lower()[i],
                        km.upper()[i]);
            }
        }
        System.out.println(km.median() + " days; " + km.restrictedMean(365) + " days");
    }

    private static void curve(SurvivalCurve km) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(520)
                .title("Online Retail: Kaplan-Meier survival to churn (90-day inactivity), 95% log CI")
                .xAxisTitle("days since first purchase").yAxisTitle("share not yet churned").build();
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        double[] t = prepend(km.times(), 0);
        addStep(chart, "survival", t, prepend(km.survival(), 1), Color.BLACK);
        addStep(chart, "lower", t, prepend(km.lower(), 1), Color.GRAY);
        addStep(chart, "upper", t, prepend(km.upper(), 1), Color.GRAY);
        BitmapEncoder.saveBitmap(chart, Examples.output("cohort-kaplan-meier").toString(), BitmapFormat.PNG);
        System.out.println("curve: " + Examples.output("cohort-kaplan-meier.png"));
    }

    private static double[] prepend(double[] values, double first) {
        double[] out = new double[values.length + 1];
        out[0] = first;
        System.arraycopy(values, 0, out, 1, values.length);
        for (int i = 1; i < out.length; i++) {
            if (Double.isNaN(out[i])) {
                out[i] = out[i - 1];
            }
        }
        return out;
    }

    private static void addStep(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        s.setLineColor(color);
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
        System.out.printf(Locale.ROOT, "DEL at 10%%: High End %.3f, Regular %.3f years; DERL after 4 renewals: "
                + "High End %.3f, Regular %.3f years%n", hi.discountedExpectedLifetime(0.10),
                reg.discountedExpectedLifetime(0.10), hi.discountedExpectedResidualLifetime(0.10, 4),
                reg.discountedExpectedResidualLifetime(0.10, 4));
    }
}
