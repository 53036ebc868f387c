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
    /** The converged BG/NBD maximum on CDNOW (shared/ref/clv/published.md). */
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

    /**
     * Synthetic BG/NBD customers: lambda ~ Gamma(r, alpha), p ~ Beta(a, b), T uniform on [1, 78] weeks; purchases
     * as a Poisson process until the geometric dropout after a purchase; recency and T rounded to whole days
     * (days / 7). Returns {frequency, recency, T}.
     */
    static double[][] synthetic(int n, long seed, double r, double alpha, double a, double b) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            double age = Math.rint((1 + 77 * rnd.nextDouble()) * 7) / 7;
            double lambda = gamma(rnd, r) / alpha;
            double ga = gamma(rnd, a);
            double p = ga / (ga + gamma(rnd, b));
            double now = 0;
            int count = 0;
            double last = 0;
            while (true) {
                now += -Math.log(1 - rnd.nextDouble()) / lambda;
                if (now > age) {
                    break;
                }
                count++;
                last = now;
                if (rnd.nextDouble() < p) {
                    break;
                }
            }
            x[i] = count;
            tx[i] = count == 0 ? 0 : Math.min(age, Math.rint(last * 7) / 7);
            t[i] = age;
        }
        return new double[][] {x, tx, t};
    }

    /** Marsaglia-Tsang gamma(shape, 1), boosted for shape &lt; 1. */
    static double gamma(SplittableRandom rnd, double shape) {
        if (shape < 1) {
            double u = rnd.nextDouble();
            return gamma(rnd, shape + 1) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = normal(rnd);
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rnd.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double normal(SplittableRandom rnd) {
        double u;
        double v;
        double s;
        do {
            u = 2 * rnd.nextDouble() - 1;
            v = 2 * rnd.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
