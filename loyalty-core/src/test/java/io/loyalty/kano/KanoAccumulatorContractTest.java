package io.loyalty.kano;

import io.loyalty.testkit.AccumulatorContract;
import io.loyalty.testkit.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link KanoAccumulator} under the shared accumulator contract: one respondent is a row. */
class KanoAccumulatorContractTest {
    private static final List<String> FEATURES = List.of("price", "speed", "\u00e9t\u00e9 \uD83D\uDE00");

    /** Rows {functional, dysfunctional, importances or null}, codes 0 (missing) to 5, importance 0 to 9. */
    private static List<int[][]> rows(SplittableRandom r) {
        int n = switch (r.nextInt(3)) {
            case 0 -> r.nextInt(3);
            case 1 -> Property.between(r, 3, 30);
            default -> Property.between(r, 30, 1_500);
        };
        List<int[][]> rows = new ArrayList<>(n);
        int k = FEATURES.size();
        for (int i = 0; i < n; i++) {
            int[] f = new int[k];
            int[] d = new int[k];
            int[] imp = r.nextBoolean() ? null : new int[k];
            for (int j = 0; j < k; j++) {
                // Mostly one pair (ties), else any code with missing answers.
                f[j] = r.nextInt(3) == 0 ? r.nextInt(6) : 1;
                d[j] = r.nextInt(3) == 0 ? r.nextInt(6) : 5;
                if (imp != null) {
                    imp[j] = r.nextInt(10);
                }
            }
            rows.add(new int[][] {f, d, imp});
        }
        return rows;
    }

    @Test
    void snapshotIsOrderAndSplitInvariant() {
        AccumulatorContract.<int[][], KanoAccumulator, KanoTallies>of(KanoAccumulatorContractTest::rows,
                () -> KanoAccumulator.create(FEATURES), (acc, row) -> acc.add(row[0], row[1], row[2]))
                .check("Kano accumulator contract", 200);
    }
}
