package io.loyalty.experiment;

import static io.loyalty.testkit.Outcome.rejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each bad input the issue lists fails with an IllegalArgumentException naming the argument and the value. */
class BadInputTest {

    @Test
    void negativeCounts() {
        rejects(() -> Proportions.wilson(-1, 10, 0.95), "successes", "-1");
        rejects(() -> FisherExact.pValue(1, -2, 3, 4, Alternative.TWO_SIDED), "b", "-2");
        rejects(() -> ChiSquareTest.withDefaults()
                .goodnessOfFit(new long[] {5, -3}, new double[] {1, 1}), "observed[1]", "-3");
    }

    @Test
    void successesGreaterThanTrials() {
        rejects(() -> Proportions.newcombe(5, 10, 12, 10, 0.95), "x2 = 12", "n2 = 10");
        rejects(() -> Proportions.compare("t vs c", "rate", 11, 10, 1, 10, 0.05), "treatmentSuccesses = 11");
    }

    @Test
    void fewerThanTwoObservationsForATTest() {
        rejects(() -> TTest.withDefaults().test(new double[] {1}, new double[] {1, 2}), "x", "1");
        rejects(() -> TTest.withDefaults().withEqualVariances(true)
                .test(new ArmSummary(5, 1, 1), new ArmSummary(1, 2, 0)),
                "y", "1");
    }

    @Test
    void zeroVarianceInBothArms() {
        rejects(() -> TTest.withDefaults().test(new double[] {3, 3, 3}, new double[] {2, 2}),
                "both arms have zero variance", "3.0", "2.0");
    }

    @Test
    void nanOrInfiniteValues() {
        rejects(() -> TTest.withDefaults().test(new double[] {1, Double.NaN}, new double[] {1, 2}),
                "x: values[1]", "NaN");
        rejects(() -> ArmSummary.of(new double[] {1, Double.POSITIVE_INFINITY}), "values[1]", "Infinity");
        rejects(() -> RankSum.normal(new double[] {1, 2}, new double[] {Double.NaN}, Alternative.TWO_SIDED, true),
                "y[0]", "NaN");
        rejects(() -> SegmentedSummaries.of(new int[] {0, 0}, new int[] {0, 0}, new double[] {1, Double.NaN},
                List.of("a"), List.of("s")), "value[1]", "NaN");
    }

    @Test
    void levelsOutsideTheOpenUnitInterval() {
        rejects(() -> Proportions.compare("t vs c", "rate", 1, 10, 1, 10, 1.5), "confidence", "1.5");
        rejects(() -> Power.meansSampleSize(1, 1, 0.05, 1.0, Alternative.TWO_SIDED, 1), "power", "1.0");
        rejects(() -> Proportions.wilson(1, 10, 0), "confidence", "0.0");
        rejects(() -> GroupSequential.design(GroupSequential.Type.POCOCK, Double.NaN, 3), "alpha", "NaN");
    }

    @Test
    void zeroEffectForASampleSize() {
        rejects(() -> Power.meansSampleSize(0, 1, 0.05, 0.8, Alternative.TWO_SIDED, 1), "delta", "0.0");
        rejects(() -> Power.proportionsSampleSize(0.1, 0.1, 0.05, 0.8, Alternative.TWO_SIDED, 1), "p2 - p1",
                "0.1");
    }

    @Test
    void arraysOfDifferentLengths() {
        rejects(() -> SegmentedSummaries.of(new int[] {0, 0}, new int[] {0}, new double[] {1, 2}, List.of("a"),
                List.of("s")), "segment", "1", "2");
        rejects(() -> Cuped.test(new double[] {1, 2, 3}, new double[] {1, 2}, new double[] {1, 2},
                new double[] {1, 2}, 0.95), "treatmentCovariate", "2", "3");
        rejects(() -> ChiSquareTest.withDefaults()
                .goodnessOfFit(new long[] {1, 2, 3}, new double[] {1, 1}), "weights", "2", "3");
    }

    @Test
    void armWithNoData() {
        rejects(() -> Proportions.wilson(0, 0, 0.95), "trials", "no data", "0");
        rejects(() -> Bootstrap.percentile(new double[] {1, 2}, new double[0], 200, 0.95, 1), "y is empty");
        SegmentedSummaries s = SegmentedSummaries.of(new int[] {0}, new int[] {0}, new double[] {1},
                List.of("a", "b"), List.of("s"));
        rejects(() -> s.arm(1), "arm 'b' has no data");
    }

    @Test
    void pValuesOutsideTheUnitInterval() {
        double[] p = {0.01, 1.2, 0.3};
        rejects(() -> Adjustment.BH.adjust(p), "p[1]", "1.2");
        rejects(() -> Adjustment.HOLM.adjust(new double[] {Double.NaN}), "p[0]", "NaN");
        assertArrayEquals(new double[] {0.01, 1.2, 0.3}, p);
    }

    @Test
    void rowCodesOutOfRange() {
        rejects(() -> SegmentedSummaries.of(new int[] {0, 3}, new int[] {0, 0}, new double[] {1, 2}, List.of("a"),
                List.of("s")), "arm[1]", "3");
    }

    /** Issue 18: the replicates were held in an array sized by the caller's count (16 GB at Integer.MAX_VALUE). */
    @Test
    void bootstrapReplicatesAreBoundedNotAllocatedFromTheArgument() {
        double[] x = {1, 2, 3};
        double[] y = {2, 3, 5};
        rejects(() -> Bootstrap.bca(x, y, Integer.MAX_VALUE, 0.95, 1), "replicates", "2147483647", "1000000");
        rejects(() -> Bootstrap.percentile(x, y, Bootstrap.MAX_REPLICATES + 1, 0.95, 1), "replicates", "1000001");
        rejects(() -> Bootstrap.percentile(x, y, 99, 0.95, 1), "replicates", "99");
    }

    /**
     * Issue 18: the cells were allocated from the product of the two label lists (46,341 arms and segments asked
     * for 2^31 cells, tens of gigabytes, from two lists of a few megabytes).
     */
    @Test
    void segmentedSummariesCellsAreBoundedNotAllocatedFromTheLabels() {
        List<String> arms = java.util.stream.IntStream.range(0, 2_237).mapToObj(i -> "a" + i).toList();
        rejects(() -> SegmentedSummaries.Accumulator.create(arms, arms), "2237 arms x 2237 segments", "5004169",
                "5000000");
        rejects(() -> SegmentedSummaries.of(new int[0], new int[0], new double[0], arms, arms), "5004169");
        SegmentedSummaries one = SegmentedSummaries.of(new int[] {0}, new int[] {0}, new double[] {1}, List.of("a0"),
                List.of("a0"));
        rejects(() -> one.withLabels(arms, arms), "5004169");
    }
}
