package io.loyalty.nps;

import io.loyalty.testkit.AccumulatorContract;
import io.loyalty.testkit.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link NpsAccumulator} under the shared accumulator contract: one answer, or a counted answer, is a row. */
class NpsAccumulatorContractTest {
    private static final int SEGMENTS = 7;

    /** Rows {segment, answer, count}: count 0 means a single {@code add(segment, answer)}. */
    private static List<long[]> rows(SplittableRandom r, int segments) {
        int n = switch (r.nextInt(4)) {
            case 0 -> r.nextInt(3);
            case 1 -> Property.between(r, 3, 50);
            default -> Property.between(r, 50, 2_000);
        };
        // Counts up to the largest that keeps the total within Long.MAX_VALUE: the edge of the accumulator.
        long big = Long.MAX_VALUE / Math.max(1, n);
        List<long[]> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long count = switch (r.nextInt(4)) {
                case 0 -> 0;
                case 1 -> 1;
                case 2 -> big;
                default -> r.nextLong(big);
            };
            // Ties: many rows share a segment and an answer.
            // Segment codes at both ends of the range as well as anywhere in it.
            int segment = switch (r.nextInt(4)) {
                case 0 -> 0;
                case 1 -> segments - 1;
                default -> r.nextInt(segments);
            };
            rows.add(new long[] {segment, r.nextBoolean() ? 10 : r.nextInt(11), count});
        }
        return rows;
    }

    @Test
    void snapshotIsOrderAndSplitInvariant() {
        check(SEGMENTS, "NPS accumulator contract");
    }

    /** Many segments: the counters grow with the codes seen, differently in each part, and still combine alike. */
    @Test
    void snapshotIsOrderAndSplitInvariantWhileTheCountersGrow() {
        check(5_000, "NPS accumulator contract, growing counters");
    }

    private static void check(int segments, String name) {
        AccumulatorContract.<long[], NpsAccumulator, NpsTallies>of(r -> rows(r, segments),
                () -> NpsAccumulator.create(segments), (acc, row) -> {
                    if (row[2] == 0) {
                        acc.add((int) row[0], (int) row[1]);
                    } else {
                        acc.add((int) row[0], (int) row[1], row[2]);
                    }
                }).check(name, 200);
    }
}
