package io.loyalty.benchmarks;

import io.loyalty.clv.BetaGeoFitter;
import io.loyalty.clv.BetaGeoModel;
import io.loyalty.clv.FitSummary;
import io.loyalty.clv.ParameterEstimate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Times the BG/NBD fit with standard errors on the peer's own customer file (issue 17), by the rules of the
 * project's shared bench README: the files are loaded into arrays before the clock starts, one warm-up fit on the
 * small file, then the user's call ({@code BetaGeoFitter.withDefaults().fit(frequency, recency, T)}, defaults,
 * standard errors included) timed on the large file, the whole fit each time. Prints each run with its CPU time,
 * heap peak and load average, and the estimates and standard errors to compare with the peer's
 * ({@code time_fits.py bgnbd FILE} prints the same on the week axis).
 *
 * <pre>
 * java -Xmx1g -cp loyalty-core/target/classes:loyalty-benchmarks/target/classes \
 *     -Dloyalty.bench.customers=/work/bench/bgnbd_1000000.csv.gz \
 *     -Dloyalty.bench.warmup=/work/bench/bgnbd_100000.csv.gz \
 *     io.loyalty.benchmarks.BgNbdFitPeerHarness
 * </pre>
 *
 * <p>System properties: {@code loyalty.bench.customers} (required: a {@code customer_id,frequency,recency,T}
 * CSV from the shared {@code make_synthetic.py}, gzipped or not), {@code loyalty.bench.warmup} (optional: the
 * small file of the warm-up fit; the first 100,000 rows of the large one otherwise), {@code loyalty.bench.runs}
 * (default 3). Not part of the build's tests: it needs the generated files.
 */
public final class BgNbdFitPeerHarness {
    private BgNbdFitPeerHarness() {
    }

    /**
     * Runs the measurement.
     *
     * @param args ignored: see the system properties
     * @throws IOException if a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        String file = System.getProperty("loyalty.bench.customers");
        if (file == null) {
            throw new IllegalArgumentException("set -Dloyalty.bench.customers=FILE.csv.gz");
        }
        int runs = Integer.parseInt(System.getProperty("loyalty.bench.runs", "3"));
        long t0 = System.nanoTime();
        double[][] customers = read(Path.of(file));
        String warmFile = System.getProperty("loyalty.bench.warmup");
        double[][] warm = warmFile != null ? read(Path.of(warmFile))
                : new double[][] {Arrays.copyOf(customers[0], 100_000), Arrays.copyOf(customers[1], 100_000),
                        Arrays.copyOf(customers[2], 100_000)};
        System.out.printf(Locale.ROOT, "loaded %,d + %,d customers in %.1f s (not timed)%n", customers[0].length,
                warm[0].length, (System.nanoTime() - t0) / 1e9);
        long w = System.nanoTime();
        BetaGeoFitter.withDefaults().fit(warm[0], warm[1], warm[2]);
        System.out.printf(Locale.ROOT, "warm-up fit on %,d customers: %.3f s%n", warm[0].length,
                (System.nanoTime() - w) / 1e9);
        double[] seconds = new double[runs];
        BetaGeoModel model = null;
        for (int r = 0; r < runs; r++) {
            model = null;
            System.gc();
            resetHeapPeaks();
            long before = heapUsed();
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            model = BetaGeoFitter.withDefaults().fit(customers[0], customers[1], customers[2]);
            seconds[r] = (System.nanoTime() - start) / 1e9;
            cpu = processCpuNanos() - cpu;
            FitSummary fit = model.fitSummary().orElseThrow();
            System.out.printf(Locale.ROOT, "run %d: %.3f s (%.2f s of CPU on all threads), %d evaluations, "
                    + "%,d rows summed over (merged only if that paid), heap peak %,d MB (%,d MB before the call: "
                    + "the loaded columns), max heap %,d MB, load average %.2f%n", r + 1, seconds[r], cpu / 1e9, fit.evaluations(), fit.rows(),
                    heapPeak() >> 20, before >> 20, Runtime.getRuntime().maxMemory() >> 20, load);
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "BG/NBD fit of %,d customers: median %.3f s, min %.3f s, max %.3f s over %d "
                + "runs, %d processors%n", customers[0].length, sorted[runs / 2], sorted[0], sorted[runs - 1], runs,
                Runtime.getRuntime().availableProcessors());
        FitSummary fit = model.fitSummary().orElseThrow();
        for (ParameterEstimate e : fit.estimates()) {
            System.out.printf(Locale.ROOT, "%s = %.17g (standard error %.17g)%n", e.name(), e.value(),
                    e.standardError());
        }
        System.out.printf(Locale.ROOT, "log-likelihood %.17g%n", fit.logLikelihood());
    }

    /** The file's frequency, recency and T columns. */
    private static double[][] read(Path file) throws IOException {
        int rows = 0;
        double[][] c = new double[3][1 << 20];
        InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII), 1 << 16)) {
            String header = r.readLine();
            if (!"customer_id,frequency,recency,T".equals(header)) {
                throw new IllegalArgumentException("unexpected header: " + header);
            }
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",", -1);
                if (rows == c[0].length) {
                    for (int j = 0; j < 3; j++) {
                        c[j] = Arrays.copyOf(c[j], 2 * rows);
                    }
                }
                for (int j = 0; j < 3; j++) {
                    c[j][rows] = Double.parseDouble(f[j + 1]);
                }
                rows++;
            }
        }
        for (int j = 0; j < 3; j++) {
            c[j] = Arrays.copyOf(c[j], rows);
        }
        return c;
    }

    private static void resetHeapPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks since the last reset (an upper bound of the heap in use at any moment). */
    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** The CPU time of the whole process (every thread, the collector's too), in nanoseconds. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
