package io.loyalty.tablesaw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.clv.BetaGeoFitter;
import io.loyalty.clv.BetaGeoModel;
import io.loyalty.clv.ModelComparison;
import io.loyalty.clv.ModifiedBetaGeoFitter;
import io.loyalty.clv.ParetoNbdFitter;
import io.loyalty.clv.SimulatedCustomers;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** {@link ModelComparisonTables}: the same numbers as the result, failed fits as missing values. */
class ModelComparisonTablesTest {
    /**
     * 2,000 customers drawn from BG/NBD at the CDNOW estimates (T 10..60 weeks), holdout purchases over 20 weeks
     * drawn around the true conditional expectation; the 1-iteration Pareto/NBD fitter fails.
     */
    private static ModelComparison.Result result() {
        SplittableRandom rnd = new SplittableRandom(16);
        int n = 2000;
        double[] ages = new double[n];
        for (int i = 0; i < n; i++) {
            ages[i] = 10 + rnd.nextInt(351) / 7.0;
        }
        BetaGeoModel truth = BetaGeoModel.of(0.242593, 4.413532, 0.792886, 2.425752);
        SimulatedCustomers c = truth.simulate(ages, 17);
        double[] mean = truth.conditionalExpectedPurchases(20, c.frequency(), c.recency(), c.t());
        double[] holdout = new double[n];
        for (int i = 0; i < n; i++) {
            double limit = Math.exp(-mean[i]);
            double p = rnd.nextDouble();
            while (p > limit) {
                holdout[i]++;
                p *= rnd.nextDouble();
            }
        }
        return ModelComparison.withDefaults().withFitters(BetaGeoFitter.withDefaults(),
                ModifiedBetaGeoFitter.withDefaults(), ParetoNbdFitter.withDefaults().withMaxIterations(1))
                .compare(c.frequency(), c.recency(), c.t(), holdout, 20);
    }

    @Test
    void scoresAndHistogram() {
        ModelComparison.Result r = result();
        Table t = ModelComparisonTables.toTable(r);
        assertEquals(3, t.rowCount());
        for (int i = 0; i < 3; i++) {
            ModelComparison.Candidate c = r.candidates().get(i);
            assertEquals(c.name(), t.stringColumn("model").get(i));
            assertEquals(c.status(), t.stringColumn("status").get(i));
            assertEquals(c == r.recommended().orElse(null), t.booleanColumn("recommended").get(i));
            assertEquals(c.failure().orElse(""), t.stringColumn("failure").get(i));
            if (c.fitted()) {
                assertEquals(c.bic(), t.doubleColumn("bic").get(i), 0);
                assertEquals(c.parameters()[3], t.doubleColumn("param_4").get(i), 0);
                assertEquals(c.parameterNames()[0], t.stringColumn("param_1_name").get(i));
            } else {
                assertTrue(t.doubleColumn("bic").isMissing(i) && t.doubleColumn("param_1").isMissing(i));
            }
        }
        assertEquals("ok", t.stringColumn("status").get(0), r.toString());
        assertEquals("FAILED", t.stringColumn("status").get(2));
        Table h = ModelComparisonTables.histogram(r);
        assertEquals(8, h.rowCount());
        assertEquals("7+", h.stringColumn("repeat_purchases").get(7));
        assertEquals(r.actualCounts()[0], h.longColumn("actual").get(0));
        assertEquals(r.candidate("BG/NBD").expectedCounts()[1], h.doubleColumn("BG/NBD").get(1), 0);
        assertEquals(4, h.columnCount(), "the failed model has no column");
    }
}
