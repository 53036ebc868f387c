package io.loyalty.examples;

import io.loyalty.charts.ExperimentCharts;
import io.loyalty.experiment.Adjustment;
import io.loyalty.experiment.Alternative;
import io.loyalty.experiment.ArmSummary;
import io.loyalty.experiment.Assignment;
import io.loyalty.experiment.BetaBinomial;
import io.loyalty.experiment.Bootstrap;
import io.loyalty.experiment.Comparison;
import io.loyalty.experiment.Cuped;
import io.loyalty.experiment.CupedResult;
import io.loyalty.experiment.GroupSequential;
import io.loyalty.experiment.Means;
import io.loyalty.experiment.Msprt;
import io.loyalty.experiment.Power;
import io.loyalty.experiment.Proportions;
import io.loyalty.experiment.RankSum;
import io.loyalty.experiment.SampleRatioCheck;
import io.loyalty.experiment.SegmentedSummaries;
import io.loyalty.tablesaw.ExperimentTables;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The Hillstrom e-mail experiment read out the way a loyalty team would: did the men's or the women's e-mail
 * lift visits, conversions and spend against no e-mail, overall and per prior-year-spend segment
 * (Benjamini-Hochberg across segments), with the sample-ratio check, CUPED on prior-year spend, a Bayesian view,
 * the size and the peeking plan of a follow-up test, and a forest plot of the lift by segment
 * ({@link ExperimentCharts}).
 */
public final class ExperimentExample {
    private static final String[] EMAILS = {"Mens E-Mail", "Womens E-Mail"};
    private static final String CONTROL = "No E-Mail";
    private static final double ALPHA = 0.05;
    private static final double CONFIDENCE = 1 - ALPHA;

    private ExperimentExample() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     * @throws IOException if the bundled data cannot be read or the chart written
     */
    public static void main(String[] args) throws IOException {
        System.out.println("== Experiments: the Hillstrom e-mail test (64,000 customers, three arms) ==");
        Table data = read();
        long start = System.nanoTime();
        SegmentedSummaries visit = ExperimentTables.summaries(data, "segment", "history_segment", "visit");
        SegmentedSummaries conversion = ExperimentTables.summaries(data, "segment", "history_segment", "conversion");
        SegmentedSummaries spend = ExperimentTables.summaries(data, "segment", "history_segment", "spend");
        int control = visit.arms().indexOf(CONTROL);

        long[] counts = new long[visit.arms().size()];
        for (int a = 0; a < counts.length; a++) {
            counts[a] = visit.arm(a).n();
        }
        SampleRatioCheck srm = Assignment.sampleRatioCheck(counts, new double[] {1, 1, 1}, Assignment.SRM_THRESHOLD);
        System.out.println("Arms " + visit.arms());
        System.out.println(srm);

        System.out.println();
        System.out.println("Overall, each e-mail against no e-mail (95 % intervals; rates in percentage points):");
        for (String email : EMAILS) {
            int t = visit.arms().indexOf(email);
            String label = email + " vs " + CONTROL;
            System.out.println("  " + rate(label, "visit rate", visit.arm(t), visit.arm(control)));
            System.out.println("  " + rate(label, "conversion rate", conversion.arm(t), conversion.arm(control)));
            System.out.println("  " + Means.compare(label, "spend per customer ($)", spend.arm(t), spend.arm(control),
                    CONFIDENCE));
            ArmSummary tv = visit.arm(t);
            ArmSummary cv = visit.arm(control);
            System.out.printf(Locale.ROOT, "    relative lift: visits %s, spend %s (delta method)%n",
                    percent(Proportions.relativeLift(Math.round(tv.total()), tv.n(), Math.round(cv.total()), cv.n(),
                            0.95)), percent(Means.relativeLift(spend.arm(t), spend.arm(control), 0.95)));
        }

        System.out.println();
        System.out.println("Per prior-year-spend segment, Benjamini-Hochberg over all " + 2 * 3 * 7
                + " segment tests:");
        List<Comparison> perSegment = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (int s = 0; s < visit.segments().size(); s++) {
            for (String email : EMAILS) {
                int t = visit.arms().indexOf(email);
                String label = email + " vs " + CONTROL + " in " + visit.segments().get(s);
                perSegment.add(rate(label, "visit rate", visit.cell(t, s), visit.cell(control, s)));
                perSegment.add(rate(label, "conversion rate", conversion.cell(t, s), conversion.cell(control, s)));
                perSegment.add(Means.compare(label, "spend ($)", spend.cell(t, s), spend.cell(control, s), CONFIDENCE));
                rows.add(visit.segments().get(s) + "|" + email);
            }
        }
        List<Comparison> adjusted = Adjustment.BH.adjust(perSegment);
        System.out.printf(Locale.ROOT, "  %-16s %-14s %28s %28s %26s%n", "segment", "e-mail", "visit rate (pp) BH p",
                "conversion (pp) BH p", "spend ($) BH p");
        for (int i = 0; i < rows.size(); i++) {
            String[] parts = rows.get(i).split("\\|");
            System.out.printf(Locale.ROOT, "  %-16s %-14s %28s %28s %26s%n", parts[0], parts[1],
                    cell(adjusted.get(3 * i)), cell(adjusted.get(3 * i + 1)), cell(adjusted.get(3 * i + 2)));
        }
        System.out.println("  (* significant after BH at 5 %)");

        System.out.println();
        System.out.println("Spend is zero for 99 % of customers: a rank test and a bootstrap as cross-checks,");
        System.out.println("then CUPED with prior-year spend (history) as the covariate:");
        double[][] spendByArm = byArm(data, "spend");
        double[][] historyByArm = byArm(data, "history");
        for (String email : EMAILS) {
            int t = visit.arms().indexOf(email);
            double[] y = spendByArm[t];
            double[] c = spendByArm[control];
            CupedResult cuped = Cuped.test(y, historyByArm[t], c, historyByArm[control], 0.95);
            System.out.printf(Locale.ROOT, "  %s: CUPED theta = %.5f, variance reduced by %.3f %%, difference %s%n",
                    email, cuped.theta(), 100 * cuped.varianceReduction(), cuped.test().difference());
            System.out.printf(Locale.ROOT, "  %s: Wilcoxon rank-sum %s%n", email,
                    RankSum.normal(y, c, Alternative.TWO_SIDED, true));
        }
        double readoutMs = (System.nanoTime() - start) / 1e6;
        for (String email : EMAILS) {
            int t = visit.arms().indexOf(email);
            System.out.printf(Locale.ROOT, "  %s: bootstrap BCa of the spend difference, 2,000 replicates, seed "
                    + "20080320: %s%n", email, Bootstrap.bca(spendByArm[t], spendByArm[control], 2000, 0.95, 20080320L));
        }

        System.out.println();
        int mens = visit.arms().indexOf("Mens E-Mail");
        ArmSummary mc = conversion.arm(mens);
        ArmSummary cc = conversion.arm(control);
        System.out.println("Bayesian view of conversions, Mens E-Mail (B) vs No E-Mail (A), uniform priors:");
        System.out.println("  " + BetaBinomial.withDefaults().readout(Math.round(mc.total()), mc.n(),
                Math.round(cc.total()), cc.n(), 0.95));

        System.out.println();
        double p1 = cc.mean();
        double p2 = mc.mean();
        double n = Power.proportionsSampleSize(p1, p2, ALPHA, 0.8, Alternative.TWO_SIDED, 1);
        double sd = Math.sqrt(spend.arm(control).variance());
        double nSpend = Power.meansSampleSize(0.5, sd, ALPHA, 0.8, Alternative.TWO_SIDED, 1);
        System.out.printf(Locale.ROOT, "Follow-up test: to confirm a conversion lift from %.3f %% to %.3f %% with 80 %% "
                + "power at 5 %% (two-sided), %,.0f customers per arm (power.prop.test); to detect +$0.50 spend "
                + "(sd %.2f), %,.0f per arm (power.t.test).%n", 100 * p1, 100 * p2, Math.ceil(n), sd,
                Math.ceil(nSpend));
        System.out.println("Peeking plan for it, four equally spaced looks, one-sided alpha 2.5 %:");
        System.out.print(GroupSequential.design(GroupSequential.Type.OBRIEN_FLEMING_SPENDING, 0.025, 4)
                .toString().indent(2));
        System.out.println("Always-valid p-value (mSPRT, tau^2 = 1e-4) of the Womens visit lift, looking after "
                + "every 2,000 customers per arm in file order:");
        System.out.println("  " + monitor(data));

        System.out.println();
        System.out.println("The whole readout, one call per metric (Mens E-Mail against No E-Mail):");
        System.out.println(ExperimentTables.rateReadout(data, "segment", "visit", "Mens E-Mail", CONTROL, CONFIDENCE));
        System.out.println(ExperimentTables.rateReadout(data, "segment", "conversion", "Mens E-Mail", CONTROL,
                CONFIDENCE));
        System.out.println(ExperimentTables.meanReadout(data, "segment", "spend", "history", "Mens E-Mail", CONTROL,
                CONFIDENCE));
        System.out.printf(Locale.ROOT, "%nReadout from the Tablesaw table (summaries, SRM, %d tests, BH, CUPED, rank tests) "
                + "in %.0f ms, first run with a cold JIT (warm figure: docs/benchmarks.md)%n", perSegment.size() + 6,
                readoutMs);
        chart(adjusted);
        System.out.println();
    }

    private static Comparison rate(String label, String metric, ArmSummary treatment, ArmSummary control) {
        return Proportions.compare(label, metric, Math.round(treatment.total()), treatment.n(),
                Math.round(control.total()), control.n(), CONFIDENCE);
    }

    private static String percent(io.loyalty.stats.Interval i) {
        return String.format(Locale.ROOT, "%+.1f %% (95 %% CI %+.1f to %+.1f)", 100 * i.estimate(), 100 * i.lower(),
                100 * i.upper());
    }

    private static String cell(Comparison c) {
        double scale = c.rate() ? 100 : 1;
        return String.format(Locale.ROOT, "%+6.2f [%+6.2f, %+6.2f] %6.4f%s", c.difference().estimate() * scale,
                c.difference().lower() * scale, c.difference().upper() * scale, c.pValue(), c.significant() ? "*" : " ");
    }

    private static String monitor(Table data) {
        String[] arm = data.stringColumn("segment").asObjectArray();
        int[] visit = data.intColumn("visit").asIntArray();
        Msprt m = Msprt.of(1e-4, 0);
        long na = 0;
        long xa = 0;
        long nb = 0;
        long xb = 0;
        StringBuilder sb = new StringBuilder();
        long nextLook = 2000;
        for (int i = 0; i < arm.length; i++) {
            if (arm[i].equals(CONTROL)) {
                na++;
                xa += visit[i];
            } else if (arm[i].equals("Womens E-Mail")) {
                nb++;
                xb += visit[i];
            }
            long n = Math.min(na, nb);
            if (n == nextLook) {
                double pa = (double) xa / na;
                double pb = (double) xb / nb;
                double pooled = (double) (xa + xb) / (na + nb);
                m = m.look(n, pa, pb, pooled * (1 - pooled));
                sb.append(String.format(Locale.ROOT, "%s%,d: %.2g", sb.length() == 0 ? "" : "; ", n, m.pValue()));
                nextLook += 2000;
            }
        }
        return sb.toString();
    }

    private static double[][] byArm(Table data, String column) {
        String[] arm = data.stringColumn("segment").asObjectArray();
        double[] v = data.doubleColumn(column).asDoubleArray();
        List<String> arms = List.of("Mens E-Mail", "No E-Mail", "Womens E-Mail");
        int[] sizes = new int[3];
        for (String a : arm) {
            sizes[arms.indexOf(a)]++;
        }
        double[][] out = new double[3][];
        for (int a = 0; a < 3; a++) {
            out[a] = new double[sizes[a]];
        }
        int[] fill = new int[3];
        for (int i = 0; i < arm.length; i++) {
            int a = arms.indexOf(arm[i]);
            out[a][fill[a]++] = v[i];
        }
        return out;
    }

    /** The visit-rate rows of the BH-adjusted segment tests (every third comparison) as a forest plot. */
    private static void chart(List<Comparison> adjusted) throws IOException {
        List<Comparison> visits = new ArrayList<>();
        for (int i = 0; i < adjusted.size(); i += 3) {
            visits.add(adjusted.get(i));
        }
        TourCharts.save("experiment-lift-by-segment.png", ExperimentCharts.forest(visits).withTitle(
                "Hillstrom: visit-rate lift vs no e-mail by prior-year spend (95 % Newcombe CI, BH-adjusted p)")
                .withSize(900, 760));
        System.out.println("Chart: " + Examples.output("experiment-lift-by-segment.png"));
    }

    private static Table read() throws IOException {
        ColumnType[] types = {ColumnType.INTEGER, ColumnType.STRING, ColumnType.DOUBLE, ColumnType.INTEGER,
            ColumnType.INTEGER, ColumnType.STRING, ColumnType.INTEGER, ColumnType.STRING, ColumnType.STRING,
            ColumnType.INTEGER, ColumnType.INTEGER, ColumnType.DOUBLE};
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Examples.data("hillstrom/hillstrom.csv.gz")))) {
            return Table.read().usingOptions(CsvReadOptions.builder(in).tableName("hillstrom").columnTypes(types)
                    .build());
        }
    }
}
