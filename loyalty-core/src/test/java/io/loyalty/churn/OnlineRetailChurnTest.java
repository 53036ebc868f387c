package io.loyalty.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.data.CalibrationHoldout;
import io.loyalty.data.CustomerSummaries;
import io.loyalty.rfm.RfmScorer;
import io.loyalty.rfm.RfmScores;
import org.junit.jupiter.api.Test;

/**
 * The figures of docs/clv.md's "churn early-warning list" section, reproduced from the Online Retail orders (test
 * resource churn/online_retail_orders.csv.gz, CC BY 4.0): calibration to 2011-09-09, holdout to 2011-12-09, daily
 * periods in weeks. BG/NBD has no proper maximum on the calibration window, so the list runs in its fallback.
 */
class OnlineRetailChurnTest {
    @Test
    void listMeasuredOnTheHoldoutBesideTheRecencyBaseline() {
        CalibrationHoldout split = OnlineRetailData.summarizer().calibrationHoldout(OnlineRetailData.orders(),
                OnlineRetailData.CALIBRATION_END);
        WarningEvaluation e = ChurnWarning.withDefaults().evaluate(split);
        assertTrue(e.fallback());
        assertEquals(3370, e.customers());
        assertEquals(1449, e.nonBuyers());
        assertEquals(1572, e.listed());
        assertEquals(925, e.listedNonBuyers());
        assertEquals(925.0 / 1572, e.precision(), 0);
        assertEquals(925.0 / 1449, e.recall(), 0);
        assertEquals(907.0 / 1572, e.baselinePrecision(), 1e-15);
        assertEquals(0.6753718032037748, e.auc(), 1e-12);
        assertEquals(0.6834080047306854, e.baselineAuc(), 1e-12);
        assertEquals(String.join("\n",
                "                           listed precision   recall    lift     AUC",
                "  warning list               1572     0.588    0.638    1.37   0.675",
                "  recency baseline           1572     0.577    0.626    1.34   0.683"),
                e.toString().lines().skip(1).reduce((a, b) -> a + "\n" + b).orElseThrow());
    }

    @Test
    void listAtTheObservationEndWithMovementSinceTheCalibrationEnd() {
        CalibrationHoldout split = OnlineRetailData.summarizer().calibrationHoldout(OnlineRetailData.orders(),
                OnlineRetailData.CALIBRATION_END);
        CustomerSummaries now = OnlineRetailData.summarizer().summarize(OnlineRetailData.orders());
        RfmScores before = RfmScorer.withDefaults().score(split.calibration(), OnlineRetailData.CALIBRATION_END);
        WarningList list = ChurnWarning.withDefaults().withLimit(10).list(now, before);
        assertTrue(list.fallback());
        assertEquals(4339, list.customers());
        assertEquals(1952, list.listed());
        assertEquals("16029", list.get(0).customerId());
    }
}
