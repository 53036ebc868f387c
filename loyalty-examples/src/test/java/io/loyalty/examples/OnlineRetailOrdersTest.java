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
    void cancellingOrdersRemovesTheCancelledBulkOrders() {
        OrderExport.Result r = OnlineRetail.read(Cancellations.CANCEL_ORDERS);
        System.out.println(r);
        System.out.println(r.orders().size());
    }
}
