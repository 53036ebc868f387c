package io.loyalty.benchmarks;

import io.loyalty.data.CustomerSummaries;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.data.TransactionColumns;
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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Times customer summaries on the peer's own transaction file (issue 17), by the rules of the project's shared
 * bench README ({@code bench/README.md} beside the data sets): the file is loaded into arrays before the clock
 * starts, one warm-up call on its first million rows, then the user's call
 * ({@code Summarizer.summarize(TransactionColumns)}, daily periods, the peer's observation end) timed on all rows, the whole answer computed each time. Prints each run, the heap
 * the call used at its peak and, given the peer's summaries (written by {@code scripts/peer_summary.py}), how many
 * customers agree on every column.
 *
 * <pre>
 * java -Xmx1g -cp loyalty-core/target/classes:loyalty-benchmarks/target/classes \
 *     -Dloyalty.bench.transactions=/work/bench/tx_10000000.csv.gz -Dloyalty.bench.peer=peer_summary.csv \
 *     io.loyalty.benchmarks.SummaryPeerHarness
 * </pre>
 *
 * <p>System properties: {@code loyalty.bench.transactions} (required: a {@code customer_id,date,amount} CSV,
 * gzipped or not, dense int ids), {@code loyalty.bench.peer} (optional: the peer's
 * {@code customer_id,frequency,recency,T,monetary_value}), {@code loyalty.bench.end} (default 2021-12-31),
 * {@code loyalty.bench.runs} (default 3), {@code loyalty.bench.timeOrdered} (default false: true puts the rows in
 * time order first, a different benchmark from the peer's, to be reported under its own name). Not part of the build's tests: it needs the generated file.
 */
public final class SummaryPeerHarness {
    private SummaryPeerHarness() {
    }

    /**
     * Runs the measurement.
     *
     * @param args ignored: see the system properties
     * @throws IOException if a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        String file = System.getProperty("loyalty.bench.transactions");
        if (file == null) {
            throw new IllegalArgumentException("set -Dloyalty.bench.transactions=FILE.csv.gz");
        }
        LocalDate end = LocalDate.parse(System.getProperty("loyalty.bench.end", "2021-12-31"));
        int runs = Integer.parseInt(System.getProperty("loyalty.bench.runs", "3"));
        long t0 = System.nanoTime();
        Columns tx = Columns.read(Path.of(file));
        if (Boolean.getBoolean("loyalty.bench.timeOrdered")) {
            tx.sortByDay();
        }
        System.out.printf(Locale.ROOT, "loaded %,d rows in %.1f s (not timed)%n", tx.rows, (System.nanoTime() - t0) / 1e9);
        Summarizer summarizer = Summarizer.of(PeriodRule.days(), end);
        int warm = Math.min(tx.rows, 1_000_000);
        summarizer.summarize(TransactionColumns.ofEpochDays(Arrays.copyOf(tx.id, warm),
                Arrays.copyOf(tx.day, warm), Arrays.copyOf(tx.amount, warm)));
        TransactionColumns columns = TransactionColumns.ofEpochDays(tx.id, tx.day, tx.amount);
        double[] seconds = new double[runs];
        CustomerSummaries result = null;
        for (int r = 0; r < runs; r++) {
            result = null;
            System.gc();
            resetHeapPeaks();
            long before = heapUsed();
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            result = summarizer.summarize(columns);
            seconds[r] = (System.nanoTime() - start) / 1e9;
            cpu = processCpuNanos() - cpu;
            System.out.printf(Locale.ROOT, "run %d: %.3f s (%.1f M rows/s; %.2f s of CPU on all threads), %,d customers, heap peak %,d MB "
                    + "(%,d MB before the call: the loaded columns), max heap %,d MB, load average %.2f%n", r + 1,
                    seconds[r], tx.rows / seconds[r] / 1e6, cpu / 1e9, result.size(), heapPeak() >> 20, before >> 20,
                    Runtime.getRuntime().maxMemory() >> 20,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "summary of %,d rows: median %.3f s, min %.3f s, max %.3f s over %d runs, "
                + "%d processors%n", tx.rows, sorted[runs / 2], sorted[0], sorted[runs - 1], runs,
                Runtime.getRuntime().availableProcessors());
        String peer = System.getProperty("loyalty.bench.peer");
        if (peer != null) {
            compare(result, Path.of(peer));
        }
    }

    /** Compares every customer's frequency, recency, T and monetary value with the peer's. */
    private static void compare(CustomerSummaries mine, Path peerFile) throws IOException {
        int[] frequency = mine.frequency();
        double[] recency = mine.recency();
        double[] t = mine.t();
        double[] monetary = mine.monetary();
        int rows = 0;
        int missing = 0;
        int[] differ = new int[4];
        double worstMonetary = 0;
        try (BufferedReader in = Files.newBufferedReader(peerFile, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (!"customer_id,frequency,recency,T,monetary_value".equals(header)) {
                throw new IllegalArgumentException("unexpected peer header: " + header);
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",", -1);
                int i = mine.indexOf(f[0]);
                rows++;
                if (i < 0) {
                    missing++;
                    continue;
                }
                differ[0] += frequency[i] == Double.parseDouble(f[1]) ? 0 : 1;
                differ[1] += recency[i] == Double.parseDouble(f[2]) ? 0 : 1;
                differ[2] += t[i] == Double.parseDouble(f[3]) ? 0 : 1;
                double m = Double.parseDouble(f[4]);
                if (monetary[i] != m) {
                    differ[3]++;
                    worstMonetary = Math.max(worstMonetary, Math.abs(monetary[i] - m) / Math.abs(m));
                }
            }
        }
        System.out.printf(Locale.ROOT, "peer: %,d customers (library: %,d), %,d missing from the library; "
                + "differing: frequency %,d, recency %,d, T %,d, monetary %,d (largest relative difference %.3g)%n",
                rows, mine.size(), missing, differ[0], differ[1], differ[2], differ[3], worstMonetary);
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

    /** The file's columns: dense int ids, epoch days and amounts. */
    private static final class Columns {
        int rows;
        int[] id = new int[1 << 20];
        int[] day = new int[1 << 20];
        double[] amount = new double[1 << 20];

        static Columns read(Path file) throws IOException {
            Columns c = new Columns();
            InputStream raw = Files.newInputStream(file);
            InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII), 1 << 16)) {
                String header = r.readLine();
                if (!"customer_id,date,amount".equals(header)) {
                    throw new IllegalArgumentException("unexpected header: " + header);
                }
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    int a = line.indexOf(',');
                    int b = line.indexOf(',', a + 1);
                    c.add(Integer.parseInt(line, 0, a, 10), day(line, a + 1),
                            Double.parseDouble(line.substring(b + 1)));
                }
            }
            c.id = Arrays.copyOf(c.id, c.rows);
            c.day = Arrays.copyOf(c.day, c.rows);
            c.amount = Arrays.copyOf(c.amount, c.rows);
            return c;
        }

        /** The epoch day of the {@code yyyy-mm-dd} date at {@code at}. */
        private static int day(String line, int at) {
            return (int) LocalDate.of(Integer.parseInt(line, at, at + 4, 10),
                    Integer.parseInt(line, at + 5, at + 7, 10), Integer.parseInt(line, at + 8, at + 10, 10))
                    .toEpochDay();
        }

        /** Puts the rows in day order, stably (a time-ordered log of the same rows). */
        void sortByDay() {
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int i = 0; i < rows; i++) {
                min = Math.min(min, day[i]);
                max = Math.max(max, day[i]);
            }
            int[] start = new int[max - min + 2];
            for (int i = 0; i < rows; i++) {
                start[day[i] - min + 1]++;
            }
            for (int d = 1; d < start.length; d++) {
                start[d] += start[d - 1];
            }
            int[] id2 = new int[rows];
            int[] day2 = new int[rows];
            double[] amount2 = new double[rows];
            for (int i = 0; i < rows; i++) {
                int p = start[day[i] - min]++;
                id2[p] = id[i];
                day2[p] = day[i];
                amount2[p] = amount[i];
            }
            id = id2;
            day = day2;
            amount = amount2;
        }

        private void add(int customer, int epochDay, double value) {
            if (rows == id.length) {
                id = Arrays.copyOf(id, rows * 2);
                day = Arrays.copyOf(day, rows * 2);
                amount = Arrays.copyOf(amount, rows * 2);
            }
            id[rows] = customer;
            day[rows] = epochDay;
            amount[rows++] = value;
        }
    }
}
