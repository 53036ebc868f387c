package io.loyalty.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loyalty.data.OrderExport;
import io.loyalty.data.OrderExport.Cancellations;
import io.loyalty.data.Transaction;
import io.loyalty.rfm.RfmScorer;
import io.loyalty.rfm.RfmScores;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Golden numbers of the raw Online Retail export (the bundled copy, CC BY 4.0, see data/online-retail/SOURCE.md)
 * read with the public CSV recipe: orders and R rfm's Champions come out of the raw lines.
 */
class OnlineRetailOrdersTest {
    private static final LocalDate ANALYSIS_DATE = LocalDate.of(2011, 12, 10);

    @Test
    void rawLinesGiveTheInvoicesAndRfmChampions() {
        OrderExport.Result r = OnlineRetail.read(Cancellations.DROP);
        assertEquals(541_909, r.rows());
        assertEquals(135_080, r.skippedMissingCustomer());
        assertEquals(8_905, r.cancellationLines());
        List<Transaction> lines = r.lines();
        assertEquals(397_924, lines.size());
        assertEquals(18_536, r.orders().size());
        RfmScores scores = RfmScorer.withDefaults().score(lines, ANALYSIS_DATE);
        assertEquals(4_339, scores.size());
        assertEquals(329, scores.summary().row("Champions").customers());
        // The trap the order ids avoid: 30 invoices span two minutes, so (invoice, time) groups are 18,566.
        Set<String> naive = new HashSet<>();
        for (Transaction t : lines) {
            naive.add(t.orderId() + "@" + t.time());
        }
        assertEquals(18_566, naive.size());
    }

    @Test
    void cancellingOrdersKeepsCancelledBulkOrdersOffTheClvAndChurnLists() {
        // The usual filter keeps the two cancelled bulk orders: 16446 is third by CLV, 12346 tops the churn list.
        RecipeExample.Report usual = RecipeExample.report(OnlineRetail.read(Cancellations.DROP).orders());
        assertEquals(List.of("14646", "18102", "16446"), usual.top(usual.clv(), 3));
        assertEquals(List.of("12346", "15749", "15098"), usual.top(usual.lapsedValue(), 3));

        OrderExport.Result r = OnlineRetail.read(Cancellations.CANCEL_ORDERS);
        assertEquals(2_899, r.cancelledLines());
        assertEquals(6_006, r.unmatchedCancellations());
        assertEquals(151, r.cancelledOrders());
        assertEquals(395_025, r.lines().size());
        assertEquals(18_385, r.orders().size());
        RecipeExample.Report report = RecipeExample.report(r.orders());
        assertEquals(4_328, report.rfm().size());
        assertEquals(354, report.rfm().summary().row("Champions").customers());
        assertEquals(List.of("14646", "18102", "17450", "14096", "14911"), report.top(report.clv(), 5));
        assertEquals(List.of("15749", "16180", "12590", "13093", "12980"), report.top(report.lapsedValue(), 5));
        // 12346's only order was cancelled; 16446 keeps its first order (two brushes, 2.90).
        assertEquals(-1, report.summaries().indexOf("12346"));
        int i = report.summaries().indexOf("16446");
        assertEquals(2.90, report.summaries().totalValue()[i], 1e-9);
        assertEquals(1, report.summaries().transactions()[i]);
    }
}
