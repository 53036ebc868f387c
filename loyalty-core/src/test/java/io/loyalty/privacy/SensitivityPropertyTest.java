package io.loyalty.privacy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.testkit.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Adding or removing one customer changes every pre-noise aggregate by at most its declared sensitivity (L1 and
 * L2), for the bounded tallies behind every DP aggregate and for the cohort matrix.
 */
class SensitivityPropertyTest {
    private static final double[] EDGE_VALUES = {0, 1, -1, 0x1p53 + 1, 0x1p53 - 1, 1e308, -1e308, Double.MIN_VALUE,
        0.5, 123.45, -7};
    private static final List<String> PARTITIONS = List.of("a", "b", "c", "d", "e", "ü 顧客", " x");

    /** A random data set reaching the edges: duplicates, one heavy customer, Unicode and blank-padded labels. */
    private static final class Data {
        final List<String> ids = new ArrayList<>();
        final List<String> parts = new ArrayList<>();
        final List<Integer> cats = new ArrayList<>();
        final List<Double> values = new ArrayList<>();

        Data(SplittableRandom r, int categories) {
            int rows = r.nextInt(4) == 0 ? r.nextInt(3) : r.nextInt(1, 300);
            int customers = Property.between(r, 1, 30);
            for (int i = 0; i < rows; i++) {
                // One customer in three rows is the heavy customer "c0".
                int c = r.nextInt(3) == 0 ? 0 : r.nextInt(customers);
                ids.add(c == 0 ? "c0" : (c % 7 == 0 ? "ü-" + c : Integer.toString(c)));
                parts.add(PARTITIONS.get(r.nextInt(PARTITIONS.size())));
                cats.add(r.nextInt(categories));
                values.add(r.nextInt(3) == 0 ? EDGE_VALUES[r.nextInt(EDGE_VALUES.length)] : r.nextDouble(-50, 500));
            }
        }

        Data without(String id) {
            Data d = new Data(new SplittableRandom(0), 1);
            d.ids.clear();
            d.parts.clear();
            d.cats.clear();
            d.values.clear();
            for (int i = 0; i < ids.size(); i++) {
                if (!ids.get(i).equals(id)) {
                    d.ids.add(ids.get(i));
                    d.parts.add(parts.get(i));
                    d.cats.add(cats.get(i));
                    d.values.add(values.get(i));
                }
            }
            return d;
        }

        BoundedTally tally(int categories, ValueRange range, ContributionBounds b, long key) {
            Release.Rows rows = Release.index(ids.toArray(new String[0]), parts.toArray(new String[0]), "p",
                    Partitions.known(PARTITIONS), "spec");
            return BoundedTally.tally(rows.customer, rows.customerKey, rows.partition, rows.partitionKey,
                    cats.stream().mapToInt(Integer::intValue).toArray(), categories,
                    values.stream().mapToDouble(Double::doubleValue).toArray(), range, b, key);
        }
    }

    private static void within(String what, long[] a, long[] b, double l1, double l2) {
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs(a[i] - b[i]);
            s1 += d;
            s2 += d * d;
        }
        assertTrue(s1 <= l1, what + ": L1 change " + s1 + " > declared " + l1);
        assertTrue(Math.sqrt(s2) <= l2 * (1 + 1e-12), what + ": L2 change " + Math.sqrt(s2) + " > declared " + l2);
    }

    @Test
    void removingOneCustomerMovesEveryBoundedTallyWithinItsSensitivity() {
        Property.forAll("tally sensitivity", 300, r -> {
            int categories = Property.between(r, 1, 11);
            Data d = new Data(r, categories);
            ContributionBounds b = ContributionBounds.of(Property.between(r, 1, 4), Property.between(r, 1, 3));
            ValueRange range = r.nextBoolean() ? ValueRange.of(0, 100) : ValueRange.of(-1e300, 1e300);
            long key = r.nextLong();
            String victim = d.ids.isEmpty() ? "nobody" : d.ids.get(r.nextInt(d.ids.size()));
            BoundedTally with = d.tally(categories, range, b, key);
            BoundedTally without = d.without(victim).tally(categories, range, b, key);
            int l0 = b.maxPartitions();
            int linf = b.maxRowsPerPartition();
            within("customers", with.customers, without.customers, l0, Math.sqrt(l0));
            within("counts", with.counts, without.counts, (double) l0 * linf, Math.sqrt(l0) * linf);
            within("sums", with.sums, without.sums, (double) l0 * ValueRange.STEPS, Math.sqrt(l0) * ValueRange.STEPS);
            within("squares", with.squares, without.squares, (double) l0 * ValueRange.STEPS,
                    Math.sqrt(l0) * ValueRange.STEPS);
        });
    }

    @Test
    void removingOneCustomerMovesTheCohortMatrixWithinItsSensitivity() {
        Property.forAll("cohort sensitivity", 300, r -> {
            int periods = Property.between(r, 1, 15);
            int n = r.nextInt(5) == 0 ? r.nextInt(2) : r.nextInt(1, 400);
            int customers = Math.max(1, Math.min(n, Property.between(r, 1, 40)));
            int[] customer = new int[n];
            int[] period = new int[n];
            for (int i = 0; i < n; i++) {
                customer[i] = r.nextInt(3) == 0 ? 0 : r.nextInt(customers);
                period[i] = r.nextInt(periods);
            }
            int m = Property.between(r, 1, periods + 1);
            int victim = n == 0 ? 0 : customer[r.nextInt(n)];
            long[][] with = DpCohorts.counts(customer, n, period, periods, m);
            // Removing the victim's rows; indexes of the others are kept (the kernel does not care).
            int kept = 0;
            for (int c : customer) {
                kept += c == victim ? 0 : 1;
            }
            int[] c2 = new int[kept];
            int[] p2 = new int[kept];
            for (int i = 0, j = 0; i < n; i++) {
                if (customer[i] != victim) {
                    c2[j] = customer[i];
                    p2[j++] = period[i];
                }
            }
            long[][] without = DpCohorts.counts(c2, Math.max(n, 1), p2, periods, m);
            within("cohort", flat(with), flat(without), m, Math.sqrt(m));
        });
    }

    private static long[] flat(long[][] a) {
        return java.util.Arrays.stream(a).flatMapToLong(java.util.Arrays::stream).toArray();
    }

    @Test
    void theBitMaskAndTheSortingCohortKernelsAgree() {
        Property.forAll("cohort kernels agree", 200, r -> {
            int periods = Property.between(r, 1, 64);
            int n = r.nextInt(5) == 0 ? r.nextInt(2) : r.nextInt(1, 500);
            int customers = Math.max(1, n);
            int[] customer = new int[n];
            int[] period = new int[n];
            for (int i = 0; i < n; i++) {
                customer[i] = r.nextInt(Math.min(customers, 30));
                period[i] = r.nextInt(4) == 0 ? periods - 1 : r.nextInt(periods);
            }
            int m = Property.between(r, 1, periods + 1);
            org.junit.jupiter.api.Assertions.assertArrayEquals(
                    DpCohorts.countsBySorting(customer, customers, period, periods, m),
                    DpCohorts.countsByMask(customer, customers, period, periods, m));
        });
    }

    @Test
    void theBlockedKernelAgreesWithAddingCustomersOneByOne() {
        Property.forAll("blocked kernel = one by one", 20, r -> {
            int customers = Property.between(r, 1, 5000);
            int n = Property.between(r, 1, 20_000);
            List<String> labels = List.of("p0", "p1", "p2", "p3", "p4");
            int[] customer = new int[n];
            int[] part = new int[n];
            int[] cat = new int[n];
            for (int i = 0; i < n; i++) {
                customer[i] = r.nextInt(customers);
                part[i] = r.nextInt(labels.size());
                cat[i] = r.nextInt(3);
            }
            ContributionBounds b = ContributionBounds.of(Property.between(r, 1, 3), Property.between(r, 1, 2));
            long key = r.nextLong();
            long[] customerKey = new long[customers];
            for (int c = 0; c < customers; c++) {
                customerKey[c] = BoundedTally.key(c);
                org.junit.jupiter.api.Assertions.assertEquals(BoundedTally.key(Integer.toString(c)), customerKey[c]);
            }
            org.junit.jupiter.api.Assertions.assertEquals(BoundedTally.key("2147483647"),
                    BoundedTally.key(Integer.MAX_VALUE));
            org.junit.jupiter.api.Assertions.assertEquals(BoundedTally.key("1000000000"), BoundedTally.key(1_000_000_000));
            long[] partitionKey = labels.stream().mapToLong(BoundedTally::key).toArray();
            BoundedTally all = BoundedTally.tally(customer, customerKey, part, partitionKey, cat, 3, null, null, b,
                    key);
            BoundedTally one = BoundedTally.create(labels, 3, b, key);
            List<List<Integer>> byCustomer = new ArrayList<>();
            for (int c = 0; c < customers; c++) {
                byCustomer.add(new ArrayList<>());
            }
            for (int i = 0; i < n; i++) {
                byCustomer.get(customer[i]).add(i);
            }
            for (int c = 0; c < customers; c++) {
                List<Integer> rows = byCustomer.get(c);
                int[] p = rows.stream().mapToInt(i -> part[i]).toArray();
                int[] k = rows.stream().mapToInt(i -> cat[i]).toArray();
                if (p.length > 0) {
                    one.addCustomer(Integer.toString(c), p, k, p.length);
                }
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(one.customers, all.customers);
            org.junit.jupiter.api.Assertions.assertArrayEquals(one.counts, all.counts);
        });
    }
}
