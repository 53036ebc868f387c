package io.loyalty.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.privacy.SuppressedTable.Status;
import io.loyalty.testkit.Property;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Small-cell suppression on Online Retail tables: every small cell is suppressed and no suppressed value can be
 * recovered from the published ones, checked by an exact (rational) solver independent of the library's.
 */
class SmallCellSuppressionTest {

    private static List<String[]> read(String name) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                SmallCellSuppressionTest.class.getResourceAsStream("/privacy/" + name), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.add(line.split(",", -1));
            }
        }
        return out;
    }

    /**
     * Exact check: the published values and the margin equations leave every hidden value undetermined. Hidden
     * value i is determined iff the unit vector e_i lies in the row space of the equations over the hidden values;
     * tested by exact fraction-free elimination over the integers.
     */
    static void assertNothingRecoverable(SuppressedTable t, boolean rowTotals, boolean[] columnTotals,
            boolean grand) {
        int nr = t.rows().size();
        int nc = t.columns().size();
        Status[] margins = t.marginStatus();
        List<Integer> hidden = new ArrayList<>();
        int vars = nr * nc + nr + nc + 1;
        boolean[] isHidden = new boolean[vars];
        for (int r = 0; r < nr; r++) {
            for (int c = 0; c < nc; c++) {
                Status s = t.status(r, c);
                isHidden[r * nc + c] = s == Status.PRIMARY || s == Status.SECONDARY;
            }
        }
        for (int m = 0; m < margins.length; m++) {
            isHidden[nr * nc + m] = margins[m] == Status.PRIMARY || margins[m] == Status.SECONDARY;
        }
        for (int v = 0; v < vars; v++) {
            if (isHidden[v]) {
                hidden.add(v);
            }
        }
        List<long[]> eqs = new ArrayList<>();
        for (int r = 0; r < nr && rowTotals; r++) {
            long[] e = new long[vars];
            e[nr * nc + r] = 1;
            for (int c = 0; c < nc; c++) {
                e[r * nc + c] = t.status(r, c) == Status.ABSENT ? 0 : -1;
            }
            eqs.add(e);
        }
        for (int c = 0; c < nc; c++) {
            if (columnTotals[c]) {
                long[] e = new long[vars];
                e[nr * nc + nr + c] = 1;
                for (int r = 0; r < nr; r++) {
                    e[r * nc + c] = t.status(r, c) == Status.ABSENT ? 0 : -1;
                }
                eqs.add(e);
            }
        }
        if (grand) {
            long[] e = new long[vars];
            e[vars - 1] = 1;
            for (int i = 0; i < nr * nc; i++) {
                e[i] = t.status(i / nc, i % nc) == Status.ABSENT ? 0 : -1;
            }
            eqs.add(e);
        }
        BigInteger[][] a = new BigInteger[eqs.size()][hidden.size()];
        for (int e = 0; e < eqs.size(); e++) {
            for (int j = 0; j < hidden.size(); j++) {
                a[e][j] = BigInteger.valueOf(eqs.get(e)[hidden.get(j)]);
            }
        }
        int rank = rank(a);
        for (int j = 0; j < hidden.size(); j++) {
            BigInteger[][] b = Arrays.copyOf(a, a.length + 1);
            b[a.length] = new BigInteger[hidden.size()];
            Arrays.fill(b[a.length], BigInteger.ZERO);
            b[a.length][j] = BigInteger.ONE;
            for (int e = 0; e < a.length; e++) {
                b[e] = Arrays.copyOf(a[e], a[e].length);
            }
            int v = hidden.get(j);
            assertEquals(rank + 1, rank(b), "hidden value " + v + " (" + (v < nr * nc ? "cell " + t.rows().get(v / nc)
                    + " / " + t.columns().get(v % nc) : "margin") + ") is recoverable from the published table");
        }
    }

    /** Rank by fraction-free (Bareiss-style) elimination on a copy. */
    private static int rank(BigInteger[][] in) {
        BigInteger[][] a = new BigInteger[in.length][];
        for (int i = 0; i < in.length; i++) {
            a[i] = in[i].clone();
        }
        int rows = a.length;
        int cols = rows == 0 ? 0 : a[0].length;
        int r = 0;
        for (int c = 0; c < cols && r < rows; c++) {
            int p = r;
            while (p < rows && a[p][c].signum() == 0) {
                p++;
            }
            if (p == rows) {
                continue;
            }
            BigInteger[] t = a[r];
            a[r] = a[p];
            a[p] = t;
            for (int i = r + 1; i < rows; i++) {
                if (a[i][c].signum() != 0) {
                    BigInteger f = a[i][c];
                    BigInteger g = a[r][c];
                    for (int j = c; j < cols; j++) {
                        a[i][j] = a[i][j].multiply(g).subtract(a[r][j].multiply(f));
                    }
                    BigInteger gcd = BigInteger.ZERO;
                    for (int j = c; j < cols; j++) {
                        gcd = gcd.gcd(a[i][j]);
                    }
                    if (gcd.signum() > 0) {
                        for (int j = c; j < cols; j++) {
                            a[i][j] = a[i][j].divide(gcd);
                        }
                    }
                }
            }
            r++;
        }
        return r;
    }

    @Test
    void onlineRetailCustomersByCountryAndQuarterKeepNoRecoverableCell() throws IOException {
        List<String[]> csv = read("online_retail_country_quarter.csv");
        List<String> columns = Arrays.asList(csv.get(0)).subList(1, csv.get(0).length);
        List<String> rows = new ArrayList<>();
        long[][] counts = new long[csv.size() - 1][columns.size()];
        for (int r = 1; r < csv.size(); r++) {
            rows.add(csv.get(r)[0]);
            for (int c = 0; c < columns.size(); c++) {
                counts[r - 1][c] = Long.parseLong(csv.get(r)[c + 1]);
            }
        }
        SuppressedTable t = SmallCellSuppression.withDefaults().withK(5).counts("customers by country and quarter",
                rows, columns, counts);
        int primary = 0;
        int secondary = 0;
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                if (counts[r][c] < 5) {
                    assertEquals(Status.PRIMARY, t.status(r, c));
                    assertTrue(t.value(r, c).isEmpty());
                    primary++;
                }
                secondary += t.status(r, c) == Status.SECONDARY ? 1 : 0;
            }
        }
        // Small cells are the rule here (159 of 185 below 5): primary suppression already hides every line twice.
        assertEquals(159, primary);
        assertEquals(0, secondary);
        boolean[] all = new boolean[columns.size()];
        Arrays.fill(all, true);
        assertNothingRecoverable(t, true, all, true);
        // The United Kingdom's big cells stay published.
        int uk = rows.indexOf("United Kingdom");
        assertEquals(counts[uk][0], t.value(uk, 0).getAsDouble());
        // Marked, not zero: CSV and text carry the mark.
        assertTrue(t.toCsv().contains("Bahrain,x,x,x,x,x,x"), t.toCsv());
        assertTrue(t.toCsv().contains("United Kingdom,815,1117,747,586,656,3921"), t.toCsv());
        assertFalse(t.toString().contains("PRIMARY"));
    }

    @Test
    void onlineRetailCountrySummarySuppressesWholeRowsAndProtectsThemFromTheTotals() throws IOException {
        List<String[]> csv = read("online_retail_country_summary.csv");
        List<String> rows = new ArrayList<>();
        double[][] values = new double[csv.size() - 1][];
        long[][] customers = new long[csv.size() - 1][];
        for (int r = 1; r < csv.size(); r++) {
            String[] f = csv.get(r);
            rows.add(f[0]);
            long n = Long.parseLong(f[1]);
            values[r - 1] = new double[] {n, Double.parseDouble(f[2]), Double.parseDouble(f[3])};
            customers[r - 1] = new long[] {n, n, n};
        }
        SuppressedTable t = SmallCellSuppression.withDefaults().withK(20).cells("country summary", rows,
                List.of("customers", "orders", "revenue"), values, customers, false, true);
        for (int r = 0; r < rows.size(); r++) {
            if (customers[r][0] < 20) {
                for (int c = 0; c < 3; c++) {
                    assertTrue(t.value(r, c).isEmpty(), rows.get(r));
                }
            }
        }
        assertNothingRecoverable(t, false, new boolean[] {true, true, true}, true);
    }

    @Test
    void aSingleSmallCellBesideATotalGetsAComplement() {
        SuppressedTable t = SmallCellSuppression.withDefaults().cells("t", List.of("a", "b", "c"), List.of("n"),
                new double[][] {{3}, {50}, {40}}, new long[][] {{3}, {50}, {40}}, false, true);
        assertEquals(Status.PRIMARY, t.status(0, 0));
        assertEquals(Status.SECONDARY, t.status(2, 0));
        assertEquals(Status.PUBLISHED, t.status(1, 0));
        assertEquals(93, t.columnTotal(0).getAsDouble());
        assertNothingRecoverable(t, false, new boolean[] {true}, true);
    }

    @Test
    void randomTablesNeverLeaveARecoverableCell() {
        Property.forAll("suppression audit", 60, r -> {
            int nr = Property.between(r, 1, 7);
            int nc = Property.between(r, 1, 6);
            long[][] counts = new long[nr][nc];
            List<String> rows = new ArrayList<>();
            List<String> cols = new ArrayList<>();
            for (int i = 0; i < nr; i++) {
                rows.add("r" + i);
                for (int j = 0; j < nc; j++) {
                    counts[i][j] = r.nextInt(3) == 0 ? r.nextInt(10) : r.nextInt(200);
                }
            }
            for (int j = 0; j < nc; j++) {
                cols.add("c" + j);
            }
            SuppressedTable t = SmallCellSuppression.withDefaults().counts("t", rows, cols, counts);
            boolean[] all = new boolean[nc];
            Arrays.fill(all, true);
            assertNothingRecoverable(t, true, all, true);
        });
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SmallCellSuppression.withDefaults().withK(0));
        assertThrows(IllegalArgumentException.class, () -> SmallCellSuppression.withDefaults().counts("t",
                List.of("a"), List.of("n"), new long[][] {{-1}}));
        assertThrows(IllegalArgumentException.class, () -> SmallCellSuppression.withDefaults().counts("t",
                List.of("a", "b"), List.of("n"), new long[][] {{1}}));
    }

    /** An infinite cell would make every total it enters infinite: rejected by position; NaN stays "absent". */
    @Test
    void infiniteCellValueIsRejectedNamingItsCell() {
        SmallCellSuppression s = SmallCellSuppression.withDefaults().withK(2);
        for (double bad : new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.cells("t",
                    List.of("a", "b"), List.of("n"), new double[][] {{1}, {bad}}, new long[][] {{5}, {5}}, true, true));
            assertTrue(e.getMessage().contains("values[1][0]"), e.getMessage());
        }
        SuppressedTable t = s.cells("t", List.of("a", "b"), List.of("n"), new double[][] {{1}, {Double.NaN}},
                new long[][] {{5}, {5}}, true, true);
        assertEquals(Status.ABSENT, t.status(1, 0));
    }
}
