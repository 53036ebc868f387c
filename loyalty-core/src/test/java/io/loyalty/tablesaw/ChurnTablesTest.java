package io.loyalty.tablesaw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loyalty.churn.ChurnWarning;
import io.loyalty.churn.WarningList;
import io.loyalty.clv.GammaGammaModel;
import io.loyalty.clv.BetaGeoModel;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.data.Transaction;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ChurnTablesTest {
    @Test
    void listAsTableHasTheCsvColumnsInRankOrder() {
        WarningList list = ChurnWarning.withDefaults()
                .withModels(BetaGeoModel.of(0.243, 4.414, 0.793, 2.426), GammaGammaModel.of(6.25, 3.74, 15.44))
                .list(Summarizer.of(PeriodRule.days().withUnit(7), LocalDate.of(2020, 6, 30)).summarize(List.of(
                        Transaction.of("a", LocalDate.of(2019, 1, 5), 10), Transaction.of("a", LocalDate.of(2019, 2, 5), 12),
                        Transaction.of("b", LocalDate.of(2020, 6, 1), 20), Transaction.of("b", LocalDate.of(2020, 6, 20), 30),
                        Transaction.of("c", LocalDate.of(2018, 2, 2), 5))));
        Table t = ChurnTables.toTable(list);
        assertEquals(list.size(), t.rowCount());
        String header = String.join(",", t.columnNames());
        assertEquals(WarningList.CSV_HEADER, header);
        for (int i = 0; i < list.size(); i++) {
            assertEquals(list.get(i).customerId(), t.stringColumn("customer_id").get(i));
            assertEquals(list.get(i).valueAtRisk(), t.doubleColumn("value_at_risk").get(i));
        }
    }
}
