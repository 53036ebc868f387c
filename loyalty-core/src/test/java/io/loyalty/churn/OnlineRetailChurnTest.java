package io.loyalty.churn;

import io.loyalty.data.CalibrationHoldout;
import io.loyalty.data.CustomerSummaries;
import io.loyalty.rfm.RfmScorer;
import io.loyalty.rfm.RfmScores;
import org.junit.jupiter.api.Test;

class OnlineRetailChurnTest {
    @Test
    void figures() {
        CalibrationHoldout split = OnlineRetailData.summarizer().calibrationHoldout(OnlineRetailData.orders(),
                OnlineRetailData.CALIBRATION_END);
        System.out.println(split);
        System.out.println(split.calibration().size());
        WarningEvaluation e = ChurnWarning.withDefaults().evaluate(split);
        System.out.println(e);
        WarningEvaluation e2 = ChurnWarning.withDefaults().withReasons(java.util.EnumSet.of(Reason.LOW_P_ALIVE, Reason.OVERDUE)).evaluate(split);
        System.out.println(e2);
        CustomerSummaries now = OnlineRetailData.summarizer().summarize(OnlineRetailData.orders());
        RfmScores before = RfmScorer.withDefaults().score(split.calibration(), OnlineRetailData.CALIBRATION_END);
        WarningList list = ChurnWarning.withDefaults().withLimit(25).list(now, before);
        System.out.println(list);
    }
}
