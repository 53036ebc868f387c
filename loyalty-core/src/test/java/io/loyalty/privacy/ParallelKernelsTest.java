package io.loyalty.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The row-parallel kernels (above {@link Tasks#PARALLEL_ROWS} rows) give exactly what the one-customer-at-a-time
 * accumulators give, and report the first bad row as a sequential pass would.
 */
class ParallelKernelsTest {
    private static final int N = 300_000;
    private static final int CUSTOMERS = 40_000;

    @Test
    void tallyOnBothCoresEqualsCustomersAddedOneByOne() {
        SplittableRandom r = new SplittableRandom(31);
        int[] customer = new int[N];
        int[] partition = new int[N];
        int[] category = new int[N];
        double[] value = new double[N];
        for (int i = 0; i < N; i++) {
            customer[i] = r.nextInt(CUSTOMERS);
            partition[i] = r.nextInt(7);
            category[i] = r.nextInt(3);
            value[i] = r.nextInt(1000) / 10.0;
        }
        List<String> labels = new ArrayList<>();
        for (int p = 0; p < 7; p++) {
            labels.add("p" + p);
        }
        long[] partitionKey = new long[7];
        for (int p = 0; p < 7; p++) {
            partitionKey[p] = BoundedTally.key(labels.get(p));
        }
        long[] customerKey = BoundedTally.keys(CUSTOMERS);
        ContributionBounds b = ContributionBounds.of(2, 3);
        BoundedTally parallel = BoundedTally.tally(customer, customerKey, partition, partitionKey, category, 3, null,
                null, b, 99);
        ValueRange range = ValueRange.of(0, 50);
        BoundedTally parallelValues = BoundedTally.tally(customer, customerKey, partition, partitionKey, null, 1,
                value, range, ContributionBounds.ONE, 99);
        // One customer at a time, rows in reverse order: the same customers, another order and split.
        BoundedTally one = BoundedTally.create(labels, 3, b, 99);
        BoundedTally oneValues = BoundedTally.create(labels, range, ContributionBounds.ONE, 99);
        List<List<Integer>> rows = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            rows.add(new ArrayList<>());
        }
        for (int i = N - 1; i >= 0; i--) {
            rows.get(customer[i]).add(i);
        }
        for (int c = CUSTOMERS - 1; c >= 0; c--) {
            List<Integer> rs = rows.get(c);
            int[] ps = rs.stream().mapToInt(i -> partition[i]).toArray();
            int[] cs = rs.stream().mapToInt(i -> category[i]).toArray();
            double[] vs = rs.stream().mapToDouble(i -> value[i]).toArray();
            one.addCustomer(Integer.toString(c), ps, cs, ps.length);
            oneValues.addCustomer(Integer.toString(c), ps, vs, ps.length);
        }
        assertArrayEquals(one.customers, parallel.customers);
        assertArrayEquals(one.counts, parallel.counts);
        assertArrayEquals(oneValues.customers, parallelValues.customers);
        assertArrayEquals(oneValues.sums, parallelValues.sums);
        assertArrayEquals(oneValues.squares, parallelValues.squares);
    }

    @Test
    void cohortMasksOnBothCoresEqualTheSortingKernelAndTheAccumulator() {
        SplittableRandom r = new SplittableRandom(32);
        int[] customer = new int[N];
        int[] period = new int[N];
        for (int i = 0; i < N; i++) {
            customer[i] = r.nextInt(CUSTOMERS);
            period[i] = r.nextInt(30);
        }
        long[][] byMask = DpCohorts.countsByMask(customer, CUSTOMERS, period, 30, 4);
        long[][] bySorting = DpCohorts.countsBySorting(customer, CUSTOMERS, period, 30, 4);
        CohortTally t = CohortTally.create(30, 4);
        List<List<Integer>> rows = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            rows.add(new ArrayList<>());
        }
        for (int i = 0; i < N; i++) {
            rows.get(customer[i]).add(period[i]);
        }
        for (List<Integer> ps : rows) {
            t.addCustomer(ps.stream().mapToInt(Integer::intValue).toArray(), ps.size());
        }
        for (int c = 0; c < 30; c++) {
            assertArrayEquals(bySorting[c], byMask[c]);
            assertArrayEquals(bySorting[c], t.counts[c]);
        }
    }

    @Test
    void theFirstBadRowIsReportedWhicheverChunkFailsFirst() {
        int[] customers = new int[N];
        int[] periods = new int[N];
        periods[N - 1] = 99;
        periods[200_000] = -1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DpCohorts.retention(
                customers, periods, List.of("a", "b"), 1, PrivacyCost.laplace(1), PrivacyBudget.of(1, 0)));
        assertEquals("periods[200000] must lie in [0, 2), got -1", e.getMessage());
    }
}
