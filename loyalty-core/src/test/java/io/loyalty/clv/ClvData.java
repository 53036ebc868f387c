package io.loyalty.clv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Test data: the bundled CDNOW and donations files, and a seeded BG/NBD customer generator. */
final class ClvData {
    /** The converged BG/NBD maximum on CDNOW (src/test/resources/clv/published.md). */
    static final double[] CDNOW_BGNBD = {0.242593, 4.413532, 0.792886, 2.425752};

    private ClvData() {
    }

    /** Columns of a CSV with a header, as doubles. */
    static double[][] csv(String resource) {
        try (InputStream in = ClvData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine();
            List<double[]> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                double[] row = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    row[i] = Double.parseDouble(f[i].trim());
                }
                rows.add(row);
            }
            double[][] cols = new double[rows.get(0).length][rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                for (int j = 0; j < cols.length; j++) {
                    cols[j][i] = rows.get(i)[j];
                }
            }
            return cols;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CDNOW calibration summary: {frequency, recency, T}. */
    static double[][] cdnow() {
        double[][] c = csv("/clv/cdnow_customers_summary.csv");
        return new double[][] {c[1], c[2], c[3]};
    }

    /** CDNOW with spend: {x, t_x, T, zbar}. */
    static double[][] cdnowWithSpend() {
        double[][] c = csv("/clv/cdnow_customers_summary_with_transactions.csv");
        return new double[][] {c[1], c[2], c[3], c[4]};
    }

    /** CDNOW customers with repeat purchases (946): {x, zbar}, the Gamma-Gamma input. */
    static double[][] cdnowRepeatSpend() {
        double[][] c = cdnowWithSpend();
        int n = (int) java.util.Arrays.stream(c[0]).filter(x -> x > 0).count();
        double[][] out = new double[2][n];
        for (int i = 0, k = 0; i < c[0].length; i++) {
            if (c[0][i] > 0) {
                out[0][k] = c[0][i];
                out[1][k++] = c[3][i];
            }
        }
        return out;
    }

    /**
     * Synthetic BG/NBD customers drawn by {@link BetaGeoModel#simulate}: T uniform on [1, 78] weeks, recency and T
     * in whole days (days / 7) as real data are. Returns {frequency, recency, T}.
     */
    static double[][] synthetic(int n, long seed, double r, double alpha, double a, double b) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] ages = rnd.doubles(n).map(u -> Math.rint((1 + 77 * u) * 7) / 7).toArray();
        SimulatedCustomers c = BetaGeoModel.of(r, alpha, a, b).simulate(ages, seed + 1).withRecencyRoundedTo(1.0 / 7);
        return new double[][] {c.frequency(), c.recency(), c.t()};
    }

    /** The columns {@code c} with their rows in the order {@code p}: every column moved, the same permutation. */
    static double[][] permuted(double[][] c, int[] p) {
        double[][] s = new double[c.length][p.length];
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < c.length; j++) {
                s[j][i] = c[j][p[i]];
            }
        }
        return s;
    }
}
