package io.loyalty.cohort;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.special.Gamma;

/**
 * The log-rank test of equal survival across groups, made by {@link KaplanMeier#logRank}. At each distinct event
 * time with n at risk and d events, group g with n<sub>g</sub> at risk expects d n<sub>g</sub>/n events, and
 * <pre>
 *   V_gh = sum d (n - d) / (n - 1) * (n_g / n) (delta_gh - n_h / n)
 *   chi2 = (O - E)' V^-1 (O - E)   over all but one of the k groups,  df = k - 1
 * </pre>
 * as R's {@code survdiff} (Mantel 1966; Peto &amp; Peto 1972). As there, a group with no expected events (none
 * of its subjects at risk at any event time) is left out of the statistic and of the degrees of freedom, but
 * keeps its row in {@link #n()}, {@link #observed()} and {@link #expected()}.
 *
 * @since 0.1
 */
public final class LogRankTest {
    private final List<String> groups;
    private final long[] n;
    private final double[] observed;
    private final double[] expected;
    private final double chiSquare;
    private final int df;
    private final double pValue;

    private LogRankTest(List<String> groups, long[] n, double[] observed, double[] expected, double chiSquare,
            int df, double pValue) {
        this.groups = groups;
        this.n = n;
        this.observed = observed;
        this.expected = expected;
        this.chiSquare = chiSquare;
        this.df = df;
        this.pValue = pValue;
    }

    static LogRankTest compute(double[] times, boolean[] events, int[] code, List<String> labels) {
        int k = labels.size();
        double[] u = times.clone();
        Arrays.sort(u);
        int distinct = 0;
        for (int i = 0; i < u.length; i++) {
            if (i == 0 || u[i] != u[i - 1]) {
                u[distinct++] = u[i];
            }
        }
        long[] leave = new long[distinct * k];
        long[] died = new long[distinct * k];
        long[] risk = new long[k];
        for (int i = 0; i < times.length; i++) {
            int idx = Arrays.binarySearch(u, 0, distinct, times[i]);
            leave[idx * k + code[i]]++;
            if (events[i]) {
                died[idx * k + code[i]]++;
            }
            risk[code[i]]++;
        }
        long[] size = risk.clone();
        double[] obs = new double[k];
        double[] exp = new double[k];
        double[][] v = new double[k][k];
        long total = times.length;
        for (int t = 0; t < distinct; t++) {
            long d = 0;
            for (int g = 0; g < k; g++) {
                d += died[t * k + g];
            }
            if (d > 0) {
                for (int g = 0; g < k; g++) {
                    obs[g] += died[t * k + g];
                    exp[g] += (double) d * risk[g] / total;
                }
                if (total > 1) {
                    double f = (double) d * (total - d) / (total - 1);
                    for (int g = 0; g < k; g++) {
                        double pg = (double) risk[g] / total;
                        for (int h = 0; h < k; h++) {
                            double ph = (double) risk[h] / total;
                            v[g][h] += f * pg * ((g == h ? 1 : 0) - ph);
                        }
                    }
                }
            }
            for (int g = 0; g < k; g++) {
                risk[g] -= leave[t * k + g];
                total -= leave[t * k + g];
            }
        }
        // As survdiff, groups with no expected events (none at risk at any event time) leave the test.
        int[] kept = new int[k];
        int nk = 0;
        for (int g = 0; g < k; g++) {
            if (exp[g] > 0) {
                kept[nk++] = g;
            }
        }
        Checks.require(nk >= 2, "log-rank test needs at least two groups at risk at an event time, got %d of %s",
                nk, labels);
        int df = nk - 1;
        double[][] vr = new double[df][df];
        double[] diff = new double[df];
        for (int a = 0; a < df; a++) {
            diff[a] = obs[kept[a]] - exp[kept[a]];
            for (int b = 0; b < df; b++) {
                vr[a][b] = v[kept[a]][kept[b]];
            }
        }
        LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(vr, false));
        Checks.require(lu.getSolver().isNonSingular(),
                "log-rank variance is singular (no event time with two groups at risk), groups %s", labels);
        RealVector x = new ArrayRealVector(diff, false);
        double chi2 = x.dotProduct(lu.getSolver().solve(x));
        // The upper tail directly, so that small p-values keep their digits.
        double p = Gamma.regularizedGammaQ(df / 2.0, chi2 / 2);
        return new LogRankTest(labels, size, obs, exp, chi2, df, p);
    }

    /**
     * The group labels, sorted.
     *
     * @return the labels
     */
    public List<String> groups() {
        return groups;
    }

    /**
     * Subjects per group.
     *
     * @return the counts
     */
    public long[] n() {
        return n.clone();
    }

    /**
     * Observed events per group.
     *
     * @return the counts
     */
    public double[] observed() {
        return observed.clone();
    }

    /**
     * Expected events per group under equal survival.
     *
     * @return the expectations
     */
    public double[] expected() {
        return expected.clone();
    }

    /**
     * The chi-square statistic.
     *
     * @return chi2
     */
    public double chiSquare() {
        return chiSquare;
    }

    /**
     * The degrees of freedom: the groups with expected events, minus 1.
     *
     * @return df
     */
    public int degreesOfFreedom() {
        return df;
    }

    /**
     * The p-value, P(chi2 with df degrees of freedom &gt; statistic).
     *
     * @return p
     */
    public double pValue() {
        return pValue;
    }

    /** One row per group, with the columns of {@link #writeCsv(Writer)}, then the statistic and its p-value. */
    @Override
    public String toString() {
        return textTable().toString();
    }

    TextTable textTable() {
        TextTable.Builder b = TextTable.builder().title("Log-rank test").text("group").count("n")
                .decimal("observed", 0).decimal("expected", 2)
                .note(Checks.format("Chisq = %.4f on %d degrees of freedom, p = %.4g", chiSquare, df, pValue));
        for (int g = 0; g < groups.size(); g++) {
            b.row(groups.get(g), n[g], observed[g], expected[g]);
        }
        return b.build();
    }

    /**
     * Writes the table of {@link #toString()} as CSV with full precision (rounding is only for print): one row per group, {@code group, n, observed, expected} (the statistic and p-value are in {@link #chiSquare()} and {@link #pValue()}).
     * Column names are those of the Tablesaw adapter; see {@code docs/data.md}.
     *
     * @param out where to write; not closed
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Writer out) {
        Checks.notNull(out, "out");
        textTable().writeCsv(out);
    }

    /**
     * Writes the CSV of {@link #writeCsv(Writer)} to a file in UTF-8, replacing it.
     *
     * @param csvFile the file
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Path csvFile) {
        Checks.notNull(csvFile, "csvFile");
        textTable().writeCsv(csvFile);
    }
}
