package io.loyalty.tablesaw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.clv.BetaGeoModel;
import io.loyalty.clv.ClvCalculator;
import io.loyalty.clv.GammaGammaModel;
import io.loyalty.clv.HoldoutValidation;
import io.loyalty.data.CustomerSummaries;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.data.Transaction;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ClvTablesTest {
    @Test
    void predictionsHaveOneRowPerCustomerAndNamedColumns() {
        List<Transaction> log = List.of(Transaction.of("a", LocalDate.of(2024, 1, 5), 40),
                Transaction.of("a", LocalDate.of(2024, 3, 8), 25), Transaction.of("b", LocalDate.of(2024, 2, 2), 90));
        CustomerSummaries s = Summarizer.of(PeriodRule.days().withUnit(7), LocalDate.of(2024, 6, 30)).summarize(log);
        BetaGeoModel bg = BetaGeoModel.of(0.242593, 4.413532, 0.792886, 2.425752);
        GammaGammaModel gg = GammaGammaModel.of(6.2488, 3.74459, 15.4477);
        Table t = ClvTables.predictions(s, bg, 52, gg, ClvCalculator.of(bg, gg, 4.345));
        assertEquals(2, t.rowCount());
        assertEquals(List.of("customer_id", "frequency", "recency_weeks", "T_weeks", "mean_repeat_amount", "p_alive",
                "expected_purchases", "expected_spend", "clv"), t.columnNames());
        // Every cell of both rows is the model's own prediction for that customer, row by row in the summaries'
        // order: customer a (x = 1: two purchase days 9 weeks apart) and b (x = 0, alive for sure under BG/NBD).
        ClvCalculator calculator = ClvCalculator.of(bg, gg, 4.345);
        double[] x = s.frequencyAsDouble();
        double[] tx = s.recency();
        double[] age = s.t();
        double[] m = s.monetary();
        for (int i = 0; i < 2; i++) {
            assertEquals(s.ids().get(i), t.stringColumn("customer_id").get(i));
            assertEquals(x[i], t.doubleColumn("frequency").get(i), 0);
            assertEquals(tx[i], t.doubleColumn("recency_weeks").get(i), 0);
            assertEquals(age[i], t.doubleColumn("T_weeks").get(i), 0);
            assertEquals(m[i], t.doubleColumn("mean_repeat_amount").get(i), 0);
            assertEquals(bg.probabilityAlive(x[i], tx[i], age[i]), t.doubleColumn("p_alive").get(i), 0);
            assertEquals(bg.conditionalExpectedPurchases(52, x[i], tx[i], age[i]),
                    t.doubleColumn("expected_purchases").get(i), 0);
            assertEquals(gg.conditionalExpectedAverageProfit(x[i], m[i]), t.doubleColumn("expected_spend").get(i), 0);
            assertEquals(calculator.clv(x[i], tx[i], age[i], m[i]), t.doubleColumn("clv").get(i), 1e-12);
        }
        int a = s.ids().indexOf("a");
        int b = s.ids().indexOf("b");
        assertEquals(1, x[a], 0);
        assertEquals(9, tx[a], 1e-12);
        assertEquals(1, t.doubleColumn("p_alive").get(b), 0);
        double pa = t.doubleColumn("p_alive").get(a);
        assertTrue(pa > 0 && pa < 1, "a has not bought for 16 weeks: " + pa);
        // Columns are not swapped: more purchases expected from b's certain life than nothing, spend from GG.
        assertTrue(t.doubleColumn("expected_purchases").get(b) > 0);
        assertEquals(6.2488 * 15.4477 / (3.74459 - 1), t.doubleColumn("expected_spend").get(b), 1e-9);

        HoldoutValidation v = HoldoutValidation.of(bg, new double[] {0, 1}, new double[] {0, 2}, new double[] {5, 5},
                new double[] {0, 1}, 10, 1);
        Table h = ClvTables.toTable(v);
        assertEquals(List.of("calibration_frequency", "customers", "actual_mean", "predicted_mean"), h.columnNames());
        assertEquals("1+", h.stringColumn("calibration_frequency").get(1));
    }
}
