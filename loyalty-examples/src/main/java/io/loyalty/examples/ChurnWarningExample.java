package io.loyalty.examples;

import io.loyalty.charts.ChurnCharts;
import io.loyalty.churn.ChurnWarning;
import io.loyalty.churn.WarningList;
import io.loyalty.clv.BetaGeoFitter;
import io.loyalty.clv.BetaGeoModel;
import io.loyalty.data.CalibrationHoldout;
import io.loyalty.data.CustomerSummaries;
import io.loyalty.data.OrderExport.Cancellations;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.data.Transaction;
import io.loyalty.rfm.RfmScorer;
import io.loyalty.rfm.RfmScores;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The churn early-warning list on Online Retail (daily periods in weeks, observation end 2011-12-09, the previous
 * RFM snapshot at 2011-09-09): the BG/NBD fit with its diagnostics, the top of the list, the list measured on a
 * calibration/holdout split at 2011-09-09 beside the recency baseline, the list as CSV, and the chart of P(alive)
 * against recency coloured by segment.
 */
public final class ChurnWarningExample {
    private static final PeriodRule WEEKS = PeriodRule.days().withUnit(7);
    private static final LocalDate END = LocalDate.of(2011, 12, 9);
    private static final LocalDate BEFORE = LocalDate.of(2011, 9, 9);

    private ChurnWarningExample() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     * @throws IOException if the bundled data cannot be read or an output cannot be written
     */
    public static void main(String[] args) throws IOException {
        System.out.println("== Churn early-warning list: Online Retail (BG/NBD + Gamma-Gamma + RFM) ==");
        List<Transaction> lines = OnlineRetail.read(Cancellations.DROP).lines();
        Summarizer summarizer = Summarizer.of(WEEKS, END);
        CustomerSummaries now = summarizer.summarize(lines);
        CalibrationHoldout split = summarizer.calibrationHoldout(lines, BEFORE);
        RfmScores previous = RfmScorer.withDefaults().score(split.calibration(), BEFORE);

        BetaGeoModel model = BetaGeoFitter.withDefaults().fit(now);
        System.out.println(model.fitSummary().orElseThrow());

        WarningList list = ChurnWarning.withDefaults().withLimit(1000).list(now, previous);
        System.out.println(list.toString().lines().limit(27).reduce((a, b) -> a + System.lineSeparator() + b)
                .orElseThrow());
        System.out.println();
        System.out.println(ChurnWarning.withDefaults().evaluate(split));

        Path csv = Examples.output("churn-warning-list.csv");
        list.writeCsv(csv);
        System.out.println("The top 1,000 rows: " + csv);
        Path chart = TourCharts.save("clv-churn-p-alive-by-recency.png", ChurnCharts.probabilityAliveByRecency(list));
        System.out.println("Chart: " + chart);
    }
}
