package io.loyalty.cohort;

import io.loyalty.cohort.CohortMatrices.Measure;
import io.loyalty.testkit.AccumulatorContract;
import io.loyalty.testkit.Property;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link CohortAccumulator} under the shared accumulator contract: a row is every transaction of one customer (the
 * accumulator's documented unit: a customer split across batches would be counted twice).
 */
class CohortAccumulatorContractTest {
    private static final long START = 1_600_000_000L;
    private static final Cohorts COHORTS = Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC)
            .withBrackets(Bracket.of(1, 1), Bracket.of(2, 9));

    /** One customer's batch. */
    private record Customer(String[] ids, long[] seconds, double[] amounts) {
    }

    private static List<Customer> rows(SplittableRandom r) {
        int customers = switch (r.nextInt(3)) {
            case 0 -> r.nextInt(3);
            case 1 -> Property.between(r, 3, 20);
            default -> Property.between(r, 20, 300);
        };
        List<Customer> rows = new ArrayList<>(customers);
        for (int c = 0; c < customers; c++) {
            int n = Property.between(r, 1, 8);
            String id = c % 5 == 0 ? "\u00e9\uD83D\uDE00 " + c : "c" + c;
            String[] ids = new String[n];
            long[] sec = new long[n];
            double[] amt = new double[n];
            for (int i = 0; i < n; i++) {
                ids[i] = id;
                // Ties: the same second twice; spans up to two years of months.
                sec[i] = i > 0 && r.nextInt(4) == 0 ? sec[i - 1] : START + r.nextLong(730L * 86_400);
                // Amounts from subnormal to 1e300, with cancellations: revenue is summed exactly.
                amt[i] = switch (r.nextInt(5)) {
                    case 0 -> Double.MIN_VALUE;
                    case 1 -> r.nextBoolean() ? 1e300 : -1e300;
                    case 2 -> 0x1p53 + 1;
                    default -> Math.scalb(r.nextDouble() - 0.3, r.nextInt(40) - 10);
                };
            }
            rows.add(new Customer(ids, sec, amt));
        }
        return rows;
    }

    /** Every number of the matrices, doubles printed exactly (Double.toString round-trips). */
    private static Object key(CohortMatrices m) {
        List<Object> k = new ArrayList<>(List.of(m.labels(), Arrays.toString(m.sizes()), String.valueOf(m.dataEnd()),
                m.lastPeriodIncomplete()));
        for (Measure measure : Measure.values()) {
            k.add(Arrays.deepToString(m.matrix(measure)));
        }
        k.add(Arrays.deepToString(m.bracketMatrix(false)));
        return k;
    }

    @Test
    void snapshotIsOrderAndSplitInvariant() {
        AccumulatorContract.<Customer, CohortAccumulator, CohortMatrices>of(CohortAccumulatorContractTest::rows,
                () -> CohortAccumulator.create(COHORTS), (acc, c) -> acc.add(c.ids(), c.seconds(), c.amounts()))
                .comparing(CohortAccumulatorContractTest::key).check("cohort accumulator contract", 100);
    }
}
