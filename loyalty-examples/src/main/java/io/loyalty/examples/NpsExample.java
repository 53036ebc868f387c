package io.loyalty.examples;

import io.loyalty.charts.NpsCharts;
import io.loyalty.data.CustomerSummaries;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.nps.Ces;
import io.loyalty.nps.Csat;
import io.loyalty.nps.IntervalMethod;
import io.loyalty.nps.LoyaltyMatrix;
import io.loyalty.nps.LoyaltyQuadrant;
import io.loyalty.nps.Nps;
import io.loyalty.nps.NpsBreakdown;
import io.loyalty.nps.NpsCalculator;
import io.loyalty.nps.NpsDifference;
import io.loyalty.nps.NpsPeriod;
import io.loyalty.stats.Interval;
import io.loyalty.tablesaw.DataTables;
import io.loyalty.tablesaw.NpsTables;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Survey loyalty on bundled data: NPS of the R package NPS's test data by business unit and by quarter, with
 * intervals and significance flags and charts of the trend ({@link NpsCharts}); CSAT and CES on published examples; and the Dick &amp; Basu
 * loyalty matrix on Online Retail customers joined with SIMULATED survey answers.
 */
public final class NpsExample {
    private NpsExample() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     * @throws IOException if the bundled data cannot be read or the chart written
     */
    public static void main(String[] args) throws IOException {
        System.out.println("== NPS: Net Promoter Score with intervals and significance ==");
        ColumnType[] types = {ColumnType.INTEGER, ColumnType.INTEGER, ColumnType.INTEGER, ColumnType.INTEGER,
            ColumnType.INTEGER, ColumnType.STRING, ColumnType.STRING, ColumnType.LOCAL_DATE, ColumnType.STRING,
            ColumnType.STRING};
        Table survey = Table.read().usingOptions(CsvReadOptions.builder(
                Examples.data("nps/NPS_testdata.csv").toFile()).tableName("NPS testdata").columnTypes(types).build());
        System.out.printf("R package NPS test data (synthetic, GPL-2|GPL-3): %,d answers%n", survey.rowCount());

        Nps all = Nps.ofAnswers(survey.intColumn("REC").asIntArray());
        System.out.println(all);
        for (IntervalMethod m : IntervalMethod.values()) {
            System.out.println("  " + npsInterval(m, all.interval(m, 0.95)));
        }
        System.out.printf("  answers needed for +/-5 points at 95%% with these shares: %,d%n",
                Nps.sampleSize(all.promoterShare(), all.detractorShare(), 0.05, 0.95));

        NpsCalculator calc = NpsCalculator.withDefaults();
        NpsBreakdown byUnit = NpsTables.bySegment(survey, "REC", "BU", calc);
        System.out.println();
        System.out.print(byUnit);
        System.out.println(NpsTables.toTable(byUnit).print());
        NpsBreakdown byQuarter = NpsTables.byPeriod(survey, "REC", "date", NpsPeriod.QUARTER, calc);
        System.out.println();
        System.out.print(byQuarter);
        NpsBreakdown byRegion = NpsTables.bySegment(survey, "REC", "Region", calc.withMethod(IntervalMethod.SCORE));
        System.out.println();
        System.out.print(byRegion);
        NpsDifference apacVsLatam = byRegion.row("APAC").nps().minus(byRegion.row("LATAM").nps(), 0.95);
        System.out.println("APAC - LATAM: " + apacVsLatam);
        writeCharts(survey, byQuarter, calc);

        System.out.println();
        System.out.println("CSAT (youropinion.is example, 60 of 100 satisfied): "
                + rating(Csat.ofCounts(0, 0, 40, 0, 60).topTwoBoxInterval(0.95)) + " top-2-box share");
        System.out.println("CSAT (pisano.com example, weighted): " + Csat.ofCounts(0, 2, 0, 4, 10));
        Ces ces = Ces.ofCounts(80, 210, 140, 110, 160, 180, 120);
        System.out.println("CES (cys.group example): " + ces + ", mean " + rating(ces.meanInterval(0.95)) + ", net "
                + npsInterval(IntervalMethod.SCORE, ces.netScore().interval(IntervalMethod.SCORE, 0.95)));

        loyaltyMatrix();
        System.out.println();
    }

    /** NPS by quarter with its intervals, overall and per business unit. */
    private static void writeCharts(Table survey, NpsBreakdown byQuarter, NpsCalculator calc) throws IOException {
        String file = TourCharts.save("nps-by-quarter.png", NpsCharts.trend(byQuarter).withTitle(String.format(
                Locale.ROOT, "NPS by quarter with adjusted-Wald 95%% intervals (R NPS test data, overall %.1f)",
                byQuarter.overall().points()))).toString();
        Map<String, NpsBreakdown> byUnit = new LinkedHashMap<>();
        for (String unit : survey.stringColumn("BU").unique().asList().stream().sorted().toList()) {
            Table rows = survey.where(survey.stringColumn("BU").isEqualTo(unit));
            byUnit.put(unit, NpsTables.byPeriod(rows, "REC", "date", NpsPeriod.QUARTER, calc));
        }
        TourCharts.save("nps-by-quarter-and-unit.png", NpsCharts.trend(byUnit));
        System.out.println("chart: " + file);
    }

    /** Online Retail customers (real purchases) with SIMULATED likelihood-to-recommend answers. */
    private static void loyaltyMatrix() {
        System.out.println();
        System.out.println("== Loyalty matrix (Dick & Basu 1994): Online Retail customers x SIMULATED survey ==");
        CustomerSummaries customers = Summarizer.of(PeriodRule.days(), LocalDate.of(2011, 12, 9))
                .summarize(DataTables.transactions(OnlineRetail.table(), "Customer", "InvoiceDate", "Amount"));
        // SIMULATED answers (seed 5): a random 2,000 customers "answer"; repeat buyers lean a little more positive.
        SplittableRandom random = new SplittableRandom(5);
        int respondents = 2_000;
        int[] order = new int[customers.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        String[] ids = new String[respondents];
        int[] answers = new int[respondents];
        int[] frequency = customers.frequency();
        for (int k = 0; k < respondents; k++) {
            int j = k + random.nextInt(order.length - k);
            int c = order[j];
            order[j] = order[k];
            order[k] = c;
            ids[k] = customers.id(c);
            double lean = Math.min(1.5, 0.3 * frequency[c]);
            answers[k] = (int) Math.max(0, Math.min(10, Math.round(7 + lean + 2.2 * random.nextGaussian())));
        }
        LoyaltyMatrix m = LoyaltyMatrix.join(ids, answers, customers, 2);
        System.out.printf("%,d customers summarized; %,d SIMULATED respondents (seeded, not real survey data); "
                + "repeat patronage = at least 2 repeat purchase days%n", customers.size(), respondents);
        System.out.print(m);
        Nps repeat = m.nps(true);
        Nps other = m.nps(false);
        System.out.printf("SIMULATED NPS of repeat buyers %.1f vs others %.1f: %s%n", repeat.points(), other.points(),
                repeat.minus(other, 0.95));
        System.out.printf("spurious loyalty (repeat buyers who are not promoters): %.1f%% of respondents, "
                + "%.1f%% of their revenue%n", 100 * m.share(LoyaltyQuadrant.SPURIOUS_LOYALTY),
                100 * m.revenue(LoyaltyQuadrant.SPURIOUS_LOYALTY) / totalRevenue(m));
    }

    private static double totalRevenue(LoyaltyMatrix m) {
        double t = 0;
        for (LoyaltyQuadrant q : LoyaltyQuadrant.values()) {
            t += m.revenue(q);
        }
        return t;
    }

    /** An NPS interval as the tour prints it: method, level, bounds on the -1..1 scale. */
    private static String npsInterval(IntervalMethod method, Interval ci) {
        return String.format(Locale.ROOT, "%s %.0f%% [%.4f, %.4f]", method, ci.confidence() * 100, ci.lower(),
                ci.upper());
    }

    /** A CSAT or CES interval as the tour prints it: estimate, level, bounds. */
    private static String rating(Interval ci) {
        return String.format(Locale.ROOT, "%.4f, %.0f%% [%.4f, %.4f]", ci.estimate(), ci.confidence() * 100,
                ci.lower(), ci.upper());
    }
}
