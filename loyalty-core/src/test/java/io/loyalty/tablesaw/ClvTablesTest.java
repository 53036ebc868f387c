package io.loyalty.tablesaw;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        CustomerSummaries s = Summarizer.of(PeriodRule.days().inUnitsOf(7), LocalDate.of(2024, 6, 30)).summarize(log);
        BetaGeoModel bg = BetaGeoModel.of(0.242593, 4.413532, 0.792886, 2.425752);
        GammaGammaModel gg = GammaGammaModel.of(6.2488, 3.74459, 15.4477);
        Table t = ClvTables.predictions(s, bg, 52, gg, ClvCalculator.of(bg, gg, 4.345));
        assertEquals(2, t.rowCount());
        assertEquals(List.of("customer_id", "frequency", "recency", "T", "monetary", "p_alive", "expected_purchases",
                "expected_spend", "clv"), t.columnNames());
        assertEquals(bg.probabilityAlive(1, s.recency()[0], s.t()[0]), t.doubleColumn("p_alive").get(0), 0);

        HoldoutValidation v = HoldoutValidation.of(bg, new double[] {0, 1}, new double[] {0, 2}, new double[] {5, 5},
                new double[] {0, 1}, 10, 1);
        Table h = ClvTables.toTable(v);
        assertEquals(List.of("calibration_frequency", "customers", "actual_mean", "predicted_mean"), h.columnNames());
        assertEquals("1+", h.stringColumn("calibration_frequency").get(1));
    }
}
