package io.loyalty.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.tablesaw.ExperimentTables;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Issue 19 section 4: the one-call readouts agree with the separate calls, in the treatment-first order. */
class ReadoutTest {
    private static Table data;

    @BeforeAll
    static void read() throws IOException {
        data = HillstromData.table();
    }

    @Test
    void rateReadoutIsTheSeparateCalls() {
        RateReadout r = Proportions.readout("t vs c", "visit rate", 3894, 21_387, 2262, 21_306, 0.95);
        assertEquals(Proportions.newcombe(3894, 21_387, 2262, 21_306, 0.95), r.difference());
        assertEquals(Proportions.wald(3894, 21_387, 2262, 21_306, 0.95, false), r.waldDifference());
        assertEquals(Proportions.zStatistic(3894, 21_387, 2262, 21_306), r.zStatistic());
        assertEquals(Proportions.zTest(3894, 21_387, 2262, 21_306, Alternative.TWO_SIDED), r.zPValue());
        PropTest.Result yates = PropTest.withDefaults().test(3894, 21_387, 2262, 21_306);
        assertEquals(yates.statistic(), r.chiSquareYates().statistic());
        assertEquals(yates.pValue(), r.chiSquareYates().pValue());
        PropTest.Result plain = PropTest.withDefaults().withContinuityCorrection(false).test(3894, 21_387, 2262,
                21_306);
        assertEquals(plain.statistic(), r.chiSquare().statistic());
        assertEquals(FisherTest.withDefaults().test(3894, 21_387, 2262, 21_306).pValue(),
                r.fisherPValue().getAsDouble());
        assertEquals(Proportions.relativeLift(3894, 21_387, 2262, 21_306, 0.95), r.relativeLift().orElseThrow());
        BayesReadout bayes = BetaBinomial.withDefaults().readout(3894, 21_387, 2262, 21_306, 0.95);
        assertEquals(bayes.probabilityBBeatsA(), r.probabilityTreatmentBetter());
        assertEquals(bayes.expectedLossB(), r.expectedLossTreatment());
        assertEquals(bayes.expectedLossA(), r.expectedLossControl());
        assertEquals(Power.proportionsPower(21_387, 3894 / 21_387.0, 2262 / 21_306.0, 1 - 0.95, Alternative.TWO_SIDED,
                21_306 / 21_387.0), r.power().getAsDouble());
        assertEquals(3894, r.treatmentSuccesses());
        assertEquals(21_306, r.controlTrials());
        assertTrue(r.significant());
    }

    @Test
    void treatmentComesFirstEverywhere() {
        RateReadout r = Proportions.readout("t vs c", "rate", 60, 100, 40, 100, 0.95);
        assertTrue(r.difference().estimate() > 0, r.toString());
        assertTrue(r.zStatistic() > 0);
        assertTrue(r.relativeLift().orElseThrow().estimate() > 0);
        assertTrue(r.probabilityTreatmentBetter() > 0.5);
        assertTrue(r.expectedLossTreatment() < r.expectedLossControl());
        assertTrue(r.toString().contains("the treatment's rate is higher"), r.toString());
        BayesReadout swapped = BetaBinomial.withDefaults().readout(40, 100, 60, 100, 0.95);
        assertTrue(swapped.probabilityBBeatsA() < 0.5);
        assertEquals(FisherTest.withDefaults().with(Alternative.GREATER).test(60, 100, 40, 100).pValue(),
                FisherExact.pValue(60, 40, 40, 60, Alternative.GREATER));
    }

    @Test
    void aControlWithoutSuccessHasNoLiftAndRatesAtTheEdgeHaveNoPower() {
        RateReadout r = Proportions.readout("t vs c", "rate", 5, 50, 0, 50, 0.9);
        assertFalse(r.relativeLift().isPresent());
        assertFalse(r.power().isPresent());
        assertTrue(r.fisherPValue().isPresent());
        assertTrue(r.toString().contains("undefined (no success in the control arm)"), r.toString());
        assertTrue(r.toString().contains("90 % CI"), r.toString());
    }

    @Test
    void aTableWithNoVarianceIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Proportions.readout("t vs c", "rate", 0, 10, 0, 10, 0.95));
        assertTrue(e.getMessage().contains("pooled"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Proportions.readout("t vs c", "rate", 11, 10, 0, 10, 0.95));
        assertTrue(e.getMessage().contains("treatmentSuccesses = 11"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Proportions.readout("t vs c", "rate", 1, 10, 0, 10, 1.0));
        assertTrue(e.getMessage().contains("confidence"), e.getMessage());
    }

    @Test
    void meanReadoutIsTheSeparateCallsOnSortedValuesWhateverTheRowOrder() {
        SplittableRandom random = new SplittableRandom(7);
        double[] t = random.doubles(300, 0, 10).toArray();
        double[] c = random.doubles(280, 0, 9).toArray();
        double[] tx = random.doubles(300, 0, 5).toArray();
        double[] cx = random.doubles(280, 0, 5).toArray();
        MeanReadout r = Means.readout("t vs c", "spend", t, c, 0.95);
        double[] ts = t.clone();
        double[] cs = c.clone();
        Arrays.sort(ts);
        Arrays.sort(cs);
        assertEquals(TTest.withDefaults().test(ts, cs), r.welch());
        assertEquals(TTest.withDefaults().withEqualVariances(true).test(ts, cs), r.student());
        assertEquals(RankSum.normal(t, c, Alternative.TWO_SIDED, true), r.wilcoxon());
        assertEquals(Bootstrap.bca(ts, cs, MeanReadout.REPLICATES, 0.95, MeanReadout.SEED), r.bootstrap());
        assertEquals(Means.relativeLift(ArmSummary.of(ts), ArmSummary.of(cs), 0.95), r.relativeLift().orElseThrow());
        assertFalse(r.cuped().isPresent());
        double[] tr = reversed(t);
        double[] cr = reversed(c);
        assertEquals(r.toString(), Means.readout("t vs c", "spend", tr, cr, 0.95).toString());
        MeanReadout adjusted = Means.readout("t vs c", "spend", t, tx, c, cx, 0.95);
        MeanReadout adjustedReversed = Means.readout("t vs c", "spend", tr, reversed(tx), cr, reversed(cx), 0.95);
        assertEquals(adjusted.cuped().orElseThrow(), adjustedReversed.cuped().orElseThrow());
        assertEquals(Cuped.test(t, tx, c, cx, 0.95).theta(), adjusted.cuped().orElseThrow().theta(), 1e-12);
    }

    @Test
    void meanReadoutNamesTheBadArgument() {
        double[] ok = {1, 2, 3};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Means.readout("t vs c", "m", new double[] {1, Double.NaN}, ok, 0.95));
        assertTrue(e.getMessage().contains("treatment[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Means.readout("t vs c", "m", ok, ok, ok, new double[] {1, 2, Double.POSITIVE_INFINITY}, 0.95));
        assertTrue(e.getMessage().contains("controlCovariate[2]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Means.readout("t vs c", "m", ok, null, ok, ok, 0.95));
        assertTrue(e.getMessage().contains("treatmentCovariate"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Means.readout("t vs c", "m", new double[] {1}, ok,
                0.95));
        assertTrue(e.getMessage().contains("treatment needs at least 2"), e.getMessage());
    }

    @Test
    void tablesawReadoutsSliceTheArms() {
        Table t = Table.create("t", StringColumn.create("arm", "b", "a", "b", "c", "a", "b", "a"),
                DoubleColumn.create("y", 1, 0, 0, 1, 1, 1, 0), DoubleColumn.create("x", 2, 3, 1, 5, 4, 3, 2));
        RateReadout r = ExperimentTables.rateReadout(t, "arm", "y", "b", "a", 0.95);
        assertEquals(Proportions.readout("b vs a", "y", 2, 3, 1, 3, 0.95).toString(), r.toString());
        MeanReadout m = ExperimentTables.meanReadout(t, "arm", "y", "x", "b", "a", 0.95);
        assertEquals(Means.readout("b vs a", "y", new double[] {1, 0, 1}, new double[] {2, 1, 3},
                new double[] {0, 1, 0}, new double[] {3, 4, 2}, 0.95).toString(), m.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExperimentTables.rateReadout(t, "arm", "x", "b", "a", 0.95));
        assertTrue(e.getMessage().contains("'x' row 0") && e.getMessage().contains("2.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ExperimentTables.rateReadout(t, "arm", "y", "z", "a", 0.95));
        assertTrue(e.getMessage().contains("treatmentArm 'z'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ExperimentTables.meanReadout(t, "arm", "y", "a", "a", 0.95));
        assertTrue(e.getMessage().contains("must differ"), e.getMessage());
    }

    @Test
    void hillstromReadoutIsOneCallPerMetric() {
        RateReadout visit = ExperimentTables.rateReadout(data, "segment", "visit", "Womens E-Mail", "No E-Mail",
                0.95);
        Comparison published = Proportions.compare("Womens E-Mail vs No E-Mail", "visit rate",
                visit.treatmentSuccesses(), visit.treatmentTrials(), visit.controlSuccesses(), visit.controlTrials(),
                0.95);
        assertEquals(published.difference(), visit.difference());
        assertEquals(21_387, visit.treatmentTrials());
        RateReadout conversion = ExperimentTables.rateReadout(data, "segment", "conversion", "Mens E-Mail",
                "No E-Mail", 0.95);
        MeanReadout spend = ExperimentTables.meanReadout(data, "segment", "spend", "history", "Mens E-Mail",
                "No E-Mail", 0.95);
        assertEquals(21_307, spend.treatment().n());
        assertTrue(spend.cuped().orElseThrow().varianceReduction() >= 0);
        System.out.println(visit + "\n\n" + conversion + "\n\n" + spend);
    }

    @Test
    void monitorsAcceptRatesDirectly() {
        Msprt m = Msprt.of(0.0001, 0);
        double pooled = (130 + 100) / 2000.0;
        Msprt byHand = m.look(1000, 100 / 1000.0, 130 / 1000.0, pooled * (1 - pooled));
        Msprt byRates = m.lookAtRates(130, 100, 1000);
        assertEquals(byHand.pValue(), byRates.pValue());
        assertEquals(1, byRates.looks());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.lookAtRates(0, 0, 10));
        assertTrue(e.getMessage().contains("pooled"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.lookAtRates(11, 0, 10));
        assertTrue(e.getMessage().contains("treatmentSuccesses = 11"), e.getMessage());
        SequentialDesign d = GroupSequential.design(GroupSequential.Type.OBRIEN_FLEMING_SPENDING, 0.025, 4);
        double z = Proportions.zStatistic(300, 2000, 240, 2000);
        assertEquals(z >= d.criticalValues()[1], d.rejectsRates(2, 300, 2000, 240, 2000));
        assertTrue(d.rejectsRates(4, 400, 2000, 240, 2000));
        assertFalse(d.rejectsRates(1, 240, 2000, 400, 2000));
        e = assertThrows(IllegalArgumentException.class, () -> d.rejectsRates(5, 1, 2, 1, 2));
        assertTrue(e.getMessage().contains("look must lie in [1, 4], got 5"), e.getMessage());
    }

    @Test
    void armSummaryCountsSuccessesAsIntegers() {
        assertEquals(3, ArmSummary.of(new double[] {1, 0, 1, 1, 0}).successes());
        assertEquals(0, ArmSummary.of(new double[] {0, 0}).successes());
        SegmentedSummaries visit = ExperimentTables.summaries(data, "segment", "visit");
        RateReadout r = ExperimentTables.rateReadout(data, "segment", "visit", "Womens E-Mail", "No E-Mail", 0.95);
        assertEquals(r.treatmentSuccesses(), visit.arm(2).successes());
        assertEquals(r.controlSuccesses(), visit.arm(1).successes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArmSummary.of(new double[] {0.5, 1}).successes());
        assertTrue(e.getMessage().contains("not 0/1"), e.getMessage());
    }

    private static double[] reversed(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[v.length - 1 - i];
        }
        return out;
    }
}
