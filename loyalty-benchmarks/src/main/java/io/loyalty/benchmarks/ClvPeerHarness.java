package io.loyalty.benchmarks;

import io.loyalty.clv.BetaGeoFitter;
import io.loyalty.clv.BetaGeoModel;
import io.loyalty.clv.FitSummary;
import io.loyalty.clv.ParameterEstimate;
import io.loyalty.clv.ParetoNbdFitter;
import io.loyalty.clv.ParetoNbdModel;
import io.loyalty.clv.TransactionModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * Times the buy-till-you-die rows of issue 17 on the peer's own customer files, as the peer's script
 * ({@code time_fits.py} in the project's shared bench folder) times lifetimes: each file is loaded into arrays
 * before any clock starts, then
 * <ul>
 *   <li>{@code fit}: one warm-up BG/NBD fit on the small file, then the BG/NBD fit with standard errors
 *       ({@code BetaGeoFitter.withDefaults().fit(frequency, recency, T)}) on the large file;
 *   <li>{@code pareto}: one warm-up Pareto/NBD fit on the first 10,000 rows of the small file, then the
 *       Pareto/NBD fit on all of it (lifetimes: {@code time_fits.py pareto} on the same file);
 *   <li>{@code predict}: with the model of the large fit (the peer predicts with its own fit of the same file),
 *       warm-up calls of each prediction on the small file's customers repeated to the large file's size (5 by
 *       default: as JMH warms up before it measures, so that the timed calls run compiled code rather than the
 *       JIT's first tiers, and the parallel path's threads are started; the timed customers are not seen before),
 *       then E[Y(52) | x, t_x, T] and
 *       P(alive) for every customer of the large file, each repeated and reported as the median (lifetimes:
 *       {@code time_fits.py bgnbd_predict}).
 * </ul>
 * Each figure is printed with the load average at the time, the parameters (with standard errors and the
 * log-likelihood) and, for the predictions, n, mean, min, max and the number of non-finite values: the fields
 * the peer's script prints, so the answers can be compared. The last line is one JSON object with the medians,
 * which {@code scripts/clv_side_by_side.sh} reads.
 *
 * <pre>
 * bash loyalty-benchmarks/scripts/clv_side_by_side.sh target/bench   # peer (from the shared bench folder), harness, ratios
 * java -Xmx1g -cp loyalty-core/target/classes:loyalty-benchmarks/target/classes:COMMONS_MATH3_JAR:SLF4J_API_JAR \
 *     -Dloyalty.bench.customers=target/bench/bgnbd_1000000.csv.gz \
 *     -Dloyalty.bench.small=target/bench/bgnbd_100000.csv.gz io.loyalty.benchmarks.ClvPeerHarness
 * </pre>
 *
 * <p>System properties: {@code loyalty.bench.customers} (required for {@code fit} and {@code predict}: the
 * 1,000,000-customer {@code customer_id,frequency,recency,T} file of {@code make_synthetic.py}, gzipped or not),
 * {@code loyalty.bench.small} (required: the 100,000-customer file), {@code loyalty.bench.rows} (default
 * {@code fit,pareto,predict}), {@code loyalty.bench.runs} (default 3: repeats of each timed call, the median
 * reported; the peer times one fit per fresh process and the median of 3 predictions),
 * {@code loyalty.bench.warmups} (default 5: warm-up calls of each prediction on the small file repeated; the fits keep
 * their one warm-up fit). Not part of the build's
 * tests: it needs the generated files.
 */
public final class ClvPeerHarness {
    private ClvPeerHarness() {
    }

    /**
     * Runs the measurement.
     *
     * @param args ignored: see the system properties
     * @throws IOException if a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        List<String> rows = Arrays.asList(System.getProperty("loyalty.bench.rows", "fit,pareto,predict").split(","));
        int runs = Integer.parseInt(System.getProperty("loyalty.bench.runs", "3"));
        int warmups = Integer.parseInt(System.getProperty("loyalty.bench.warmups", "5"));
        String smallFile = System.getProperty("loyalty.bench.small");
        if (smallFile == null) {
            throw new IllegalArgumentException("set -Dloyalty.bench.small=bgnbd_100000.csv.gz");
        }
        double[][] small = read(Path.of(smallFile));
        double[][] large = null;
        if (rows.contains("fit") || rows.contains("predict")) {
            String file = System.getProperty("loyalty.bench.customers");
            if (file == null) {
                throw new IllegalArgumentException("set -Dloyalty.bench.customers=bgnbd_1000000.csv.gz");
            }
            large = read(Path.of(file));
        }
        List<String> json = new ArrayList<>();
        BetaGeoModel model = null;
        if (rows.contains("fit") || rows.contains("predict")) {
            BetaGeoFitter.withDefaults().fit(small[0], small[1], small[2]);
            double[][] data = large;
            BetaGeoModel[] last = new BetaGeoModel[1];
            double[] s = time("BG/NBD fit with standard errors, " + data[0].length + " customers",
                    rows.contains("fit") ? runs : 1, () -> last[0] = BetaGeoFitter.withDefaults()
                            .fit(data[0], data[1], data[2]));
            model = last[0];
            printFit(model);
            if (rows.contains("fit")) {
                json.add(Json.field("seconds_fit_bgnbd", median(s)));
                json.add(Json.params("params_bgnbd", model));
            }
        }
        if (rows.contains("pareto")) {
            double[][] warm = head(small, 10_000);
            ParetoNbdFitter.withDefaults().fit(warm[0], warm[1], warm[2]);
            ParetoNbdModel[] last = new ParetoNbdModel[1];
            double[] s = time("Pareto/NBD fit, " + small[0].length + " customers", runs,
                    () -> last[0] = ParetoNbdFitter.withDefaults().fit(small[0], small[1], small[2]));
            printFit(last[0]);
            json.add(Json.field("seconds_fit_pareto", median(s)));
            json.add(Json.params("params_pareto", last[0]));
        }
        if (rows.contains("predict")) {
            BetaGeoModel m = model;
            double[][] d = large;
            // Warm-ups as large as the timed input, so that the parallel path and its threads are warm too, but
            // of other customers (the small file repeated), so that nothing of the timed input is seen before.
            double[][] warm = tile(small, d[0].length);
            for (int w = 0; w < warmups; w++) {
                m.conditionalExpectedPurchases(52, warm[0], warm[1], warm[2]);
            }
            double[][] out = new double[1][];
            double[] s = time("E[Y(52) | x, t_x, T], " + d[0].length + " customers", runs,
                    () -> out[0] = m.conditionalExpectedPurchases(52, d[0], d[1], d[2]));
            printValues("conditional_expected_number_of_purchases_up_to_time", out[0]);
            json.add(Json.field("seconds_expected_purchases", median(s)));
            for (int w = 0; w < warmups; w++) {
                m.probabilityAlive(warm[0], warm[1], warm[2]);
            }
            s = time("P(alive), " + d[0].length + " customers", runs,
                    () -> out[0] = m.probabilityAlive(d[0], d[1], d[2]));
            printValues("conditional_probability_alive", out[0]);
            json.add(Json.field("seconds_probability_alive", median(s)));
        }
        System.out.println("{" + String.join(", ", json) + "}");
    }

    /** Times {@code runs} calls, printing each with the load average; returns the seconds. */
    private static double[] time(String what, int runs, Supplier<Object> call) {
        double[] seconds = new double[runs];
        for (int r = 0; r < runs; r++) {
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            long start = System.nanoTime();
            Object result = call.get();
            seconds[r] = (System.nanoTime() - start) / 1e9;
            if (result == null) {
                throw new IllegalStateException(what + " returned null");
            }
            System.out.printf(Locale.ROOT, "%s: run %d %.4f s (load average %.2f before, %.2f after)%n", what, r + 1,
                    seconds[r], load, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: median %.4f s, min %.4f s, max %.4f s over %d runs, %d processors%n",
                what, median(seconds), sorted[0], sorted[runs - 1], runs, Runtime.getRuntime().availableProcessors());
        return seconds;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static void printFit(TransactionModel model) {
        FitSummary f = model.fitSummary().orElseThrow();
        StringBuilder b = new StringBuilder(model.name()).append(':');
        for (ParameterEstimate e : f.estimates()) {
            b.append(String.format(Locale.ROOT, " %s = %.9g (se %.4g)", e.name(), e.value(), e.standardError()));
        }
        b.append(String.format(Locale.ROOT, ", log-likelihood %.6f, %d evaluations, %d iterations", f.logLikelihood(),
                f.evaluations(), f.iterations()));
        System.out.println(b);
    }

    private static void printValues(String name, double[] v) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int nonFinite = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                sum += x;
                min = Math.min(min, x);
                max = Math.max(max, x);
            } else {
                nonFinite++;
            }
        }
        System.out.printf(Locale.ROOT, "%s: n %d, mean %.12g, min %.12g, max %.12g, n_nonfinite %d%n", name, v.length,
                sum / v.length, min, max, nonFinite);
    }

    /** The rows of {@code d} repeated until there are {@code n}. */
    private static double[][] tile(double[][] d, int n) {
        double[][] out = new double[d.length][n];
        for (int c = 0; c < d.length; c++) {
            for (int i = 0; i < n; i += d[c].length) {
                System.arraycopy(d[c], 0, out[c], i, Math.min(d[c].length, n - i));
            }
        }
        return out;
    }

    private static double[][] head(double[][] d, int n) {
        return new double[][] {Arrays.copyOf(d[0], n), Arrays.copyOf(d[1], n), Arrays.copyOf(d[2], n)};
    }

    /** {frequency, recency, T} of a {@code customer_id,frequency,recency,T} file. */
    static double[][] read(Path file) throws IOException {
        double[][] c = new double[3][1 << 16];
        int n = 0;
        InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII), 1 << 16)) {
            String header = r.readLine();
            if (!"customer_id,frequency,recency,T".equals(header)) {
                throw new IllegalArgumentException("unexpected header: " + header);
            }
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",", -1);
                if (n == c[0].length) {
                    for (int j = 0; j < 3; j++) {
                        c[j] = Arrays.copyOf(c[j], 2 * n);
                    }
                }
                for (int j = 0; j < 3; j++) {
                    c[j][n] = Double.parseDouble(f[j + 1]);
                }
                n++;
            }
        }
        for (int j = 0; j < 3; j++) {
            c[j] = Arrays.copyOf(c[j], n);
        }
        return c;
    }

    /** The JSON fields of the last line. */
    private static final class Json {
        private Json() {
        }

        static String field(String key, double value) {
            return String.format(Locale.ROOT, "\"%s\": %.6f", key, value);
        }

        static String params(String key, TransactionModel m) {
            String[] names = m.parameterNames();
            double[] p = m.parameters();
            List<String> f = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                f.add(String.format(Locale.ROOT, "\"%s\": %.12g", names[i], p[i]));
            }
            return "\"" + key + "\": {" + String.join(", ", f) + "}";
        }
    }
}
