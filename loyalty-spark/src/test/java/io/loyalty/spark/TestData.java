package io.loyalty.spark;

import io.loyalty.data.TransactionColumns;
import io.loyalty.testkit.Property;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * The bundled real data, read once in plain Java into parallel arrays from which both the core's input and the
 * Spark DataFrame are built, so that the two sides see the same numbers.
 */
final class TestData {
    private TestData() {
    }

    /**
     * Transactions as parallel arrays, sorted by customer, time and amount: the order in which the Spark
     * calculators add up a customer's amounts (floating-point sums depend on order), so the core reference sees
     * the same order and the comparison can be to the bit.
     *
     * @param ids customer ids
     * @param times epoch days ({@code epochDays}) or epoch seconds
     * @param amounts amounts
     * @param epochDays whether times count days
     */
    record Transactions(String[] ids, long[] times, double[] amounts, boolean epochDays) {
        int size() {
            return ids.length;
        }

        /** The core's input. */
        TransactionColumns columns() {
            if (epochDays) {
                int[] days = new int[times.length];
                for (int i = 0; i < days.length; i++) {
                    days[i] = Math.toIntExact(times[i]);
                }
                return TransactionColumns.ofEpochDays(ids, days, amounts);
            }
            return TransactionColumns.ofEpochSeconds(ids, times, amounts);
        }

        /** A DataFrame (id string, time date or timestamp, amount double) of the same rows in a seeded order. */
        Dataset<Row> frame(SparkSession spark, int partitions, long seed) {
            int[] order = Property.shuffledPermutation(new SplittableRandom(seed), size());
            List<Row> rows = new ArrayList<>(size());
            for (int i : order) {
                Object time = epochDays ? LocalDate.ofEpochDay(times[i]) : Instant.ofEpochSecond(times[i]);
                rows.add(RowFactory.create(ids[i], time, amounts[i]));
            }
            StructType schema = new StructType()
                    .add("customer", DataTypes.StringType)
                    .add("time", epochDays ? DataTypes.DateType : DataTypes.TimestampType)
                    .add("amount", DataTypes.DoubleType);
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            return spark.createDataFrame(jsc.parallelize(rows, partitions), schema);
        }

        private static Transactions sorted(String[] ids, long[] times, double[] amounts, boolean epochDays) {
            Integer[] order = new Integer[ids.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.<Integer, String>comparing(i -> ids[i])
                    .thenComparingLong(i -> times[i])
                    .thenComparingDouble(i -> amounts[i]));
            String[] s = new String[ids.length];
            long[] t = new long[ids.length];
            double[] a = new double[ids.length];
            for (int k = 0; k < order.length; k++) {
                s[k] = ids[order[k]];
                t[k] = times[order[k]];
                a[k] = amounts[order[k]];
            }
            return new Transactions(s, t, a, epochDays);
        }
    }

    /**
     * CDNOW_master.txt (69,659 rows of 23,570 customers, 1997-01-01..1998-06-30; see its SOURCE.md): customer id
     * without its zero padding, the day, the dollar value.
     */
    static Transactions cdnow() {
        List<String> lines = lines(false, "cdnow", "CDNOW_master.txt");
        int n = lines.size() - 1;
        String[] ids = new String[n];
        long[] days = new long[n];
        double[] amounts = new double[n];
        int k = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 4) {
                ids[k] = Integer.toString(Integer.parseInt(f[0]));
                days[k] = LocalDate.parse(f[1], DateTimeFormatter.BASIC_ISO_DATE).toEpochDay();
                amounts[k] = Double.parseDouble(f[3]);
                k++;
            }
        }
        return Transactions.sorted(Arrays.copyOf(ids, k), Arrays.copyOf(days, k), Arrays.copyOf(amounts, k), true);
    }

    /**
     * The orders of the UCI Online Retail log: the lines cleaned as loyalty-examples' {@code Examples.onlineRetail()}
     * does (rows with a customer id, invoices starting with "C" (cancellations) dropped, amount = Quantity *
     * UnitPrice, customer id without its ".0", time read as UTC), then summed to one row per invoice (its first
     * line's customer, its earliest time, its lines' amounts added in file order), as the RFM example does.
     */
    static Transactions onlineRetailInvoices() {
        List<String> lines = lines(true, "online-retail", "online_retail.csv.gz");
        List<String> ids = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        List<Double> amounts = new ArrayList<>();
        Map<String, Integer> invoice = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = Csv.fields(line);
            if (f[6].isEmpty() || f[0].startsWith("C")) {
                continue;
            }
            String customer = Long.toString((long) Double.parseDouble(f[6]));
            long time = epochSecond(f[4]);
            double amount = Integer.parseInt(f[3]) * Double.parseDouble(f[5]);
            Integer at = invoice.get(f[0]);
            if (at == null) {
                invoice.put(f[0], ids.size());
                ids.add(customer);
                times.add(time);
                amounts.add(amount);
            } else {
                times.set(at, Math.min(times.get(at), time));
                amounts.set(at, amounts.get(at) + amount);
            }
        }
        return Transactions.sorted(ids.toArray(new String[0]), times.stream().mapToLong(Long::longValue).toArray(),
                amounts.stream().mapToDouble(Double::doubleValue).toArray(), false);
    }

    /** "yyyy-MM-dd HH:mm:ss" read as UTC (the file's only format; a formatter is slow on 400,000 rows). */
    private static long epochSecond(String t) {
        LocalDateTime time = LocalDateTime.of(Integer.parseInt(t, 0, 4, 10), Integer.parseInt(t, 5, 7, 10),
                Integer.parseInt(t, 8, 10, 10), Integer.parseInt(t, 11, 13, 10), Integer.parseInt(t, 14, 16, 10),
                Integer.parseInt(t, 17, 19, 10));
        return time.toEpochSecond(ZoneOffset.UTC);
    }

    private static List<String> lines(boolean gzip, String first, String... more) {
        try (InputStream file = Files.newInputStream(LocalSpark.data(first, more));
                InputStream in = gzip ? new GZIPInputStream(file, 1 << 16) : file;
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> out = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                out.add(line);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
