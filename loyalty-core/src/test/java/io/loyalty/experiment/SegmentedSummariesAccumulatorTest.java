package io.loyalty.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.testkit.AccumulatorContract;
import io.loyalty.testkit.Edges;
import io.loyalty.testkit.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link SegmentedSummaries.Accumulator} under the shared accumulator contract: one (arm, segment, value) is a row. */
class SegmentedSummariesAccumulatorTest {
    private static final List<String> ARMS = List.of("control", "treatment", "other");
    private static final List<String> SEGMENTS = List.of("x", "y");

    /** Rows {arm, segment, value}, values from the edges (subnormals, 2^53 + 1, 1e150) and ordinary ones. */
    private static List<double[]> rows(SplittableRandom r) {
        int n = switch (r.nextInt(4)) {
            case 0 -> r.nextInt(3);
            case 1 -> Property.between(r, 3, 50);
            default -> Property.between(r, 50, 1_000);
        };
        List<Double> edges = List.of(0.0, -0.0, Double.MIN_VALUE, 1.0, 0x1p53 + 2, -(0x1p53 + 2), 1e150, -1e150,
                0.1, 1e-300);
        List<double[]> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double v = Edges.orEdge(r, 0.3, edges, r.nextGaussian() * 1e3 + 1e6);
            rows.add(new double[] {r.nextInt(ARMS.size()), r.nextBoolean() ? 0 : r.nextInt(SEGMENTS.size()), v});
        }
        return rows;
    }

    /** Every cell's count, mean and variance bits: equal keys are equal summaries to the bit. */
    private static String key(SegmentedSummaries s) {
        StringBuilder b = new StringBuilder();
        for (int a = 0; a < s.arms().size(); a++) {
            for (int g = 0; g < s.segments().size(); g++) {
                b.append(s.count(a, g));
                if (s.count(a, g) > 0) {
                    ArmSummary c = s.cell(a, g);
                    b.append(':').append(Double.doubleToLongBits(c.mean())).append(':')
                            .append(Double.doubleToLongBits(c.variance()));
                }
                b.append(';');
            }
        }
        return b.toString();
    }

    @Test
    void snapshotIsOrderAndSplitInvariant() {
        AccumulatorContract.<double[], SegmentedSummaries.Accumulator, SegmentedSummaries>of(
                SegmentedSummariesAccumulatorTest::rows, () -> SegmentedSummaries.Accumulator.create(ARMS, SEGMENTS),
                (acc, row) -> acc.add((int) row[0], (int) row[1], row[2]))
                .comparing(SegmentedSummariesAccumulatorTest::key).check("segmented summaries accumulator", 100);
    }

    @Test
    void snapshotEqualsTheBatchReduction() {
        Property.forAll("accumulator = of", 50, r -> {
            List<double[]> rows = rows(r);
            int[] arm = new int[rows.size()];
            int[] segment = new int[rows.size()];
            double[] value = new double[rows.size()];
            SegmentedSummaries.Accumulator acc = SegmentedSummaries.Accumulator.create(ARMS, SEGMENTS);
            for (int i = 0; i < rows.size(); i++) {
                arm[i] = (int) rows.get(i)[0];
                segment[i] = (int) rows.get(i)[1];
                value[i] = rows.get(i)[2];
                acc.add(arm[i], segment[i], value[i]);
            }
            assertEquals(key(SegmentedSummaries.of(arm, segment, value, ARMS, SEGMENTS)), key(acc.snapshot()));
        });
    }

    @Test
    void aRejectedRowIsNamedAndLeavesTheAccumulatorUnchanged() {
        SegmentedSummaries.Accumulator acc = SegmentedSummaries.Accumulator.create(ARMS, SEGMENTS).add(0, 0, 1)
                .add(1, 1, 2);
        String before = key(acc.snapshot());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> acc.add(0, 0, Double.NaN));
        assertTrue(e.getMessage().contains("value[2]") && e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> acc.add(3, 0, 1));
        assertTrue(e.getMessage().contains("arm[2] must be in 0..2, got 3"), e.getMessage());
        assertEquals(before, key(acc.snapshot()));
        e = assertThrows(IllegalArgumentException.class,
                () -> acc.combine(SegmentedSummaries.Accumulator.create(List.of("a"), SEGMENTS)));
        assertTrue(e.getMessage().contains("different labels"), e.getMessage());
        SegmentedSummaries.Accumulator doubled = SegmentedSummaries.Accumulator.create(ARMS, SEGMENTS).add(0, 0, 1)
                .add(1, 1, 2).add(0, 0, 1).add(1, 1, 2);
        assertEquals(key(doubled.snapshot()), key(acc.combine(acc).snapshot()));
    }
}
