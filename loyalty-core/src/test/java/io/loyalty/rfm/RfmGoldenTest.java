package io.loyalty.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loyalty.data.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every customer, threshold and summary row of the R package rfm 0.3.0 (see resources/rfm/README.md). */
class RfmGoldenTest {

    static List<Transaction> orders() {
        List<Transaction> tx = new ArrayList<>();
        for (String[] row : RfmCsv.read("rfm_data_orders.csv")) {
            tx.add(Transaction.of(row[0], LocalDate.parse(row[1]), Double.parseDouble(row[2])));
        }
        return tx;
    }

    static RfmScores orderScores() {
        return RfmScorer.withDefaults().score(orders(), LocalDate.of(2006, 12, 31));
    }

    private static void assertRowsEqual(RfmScores s, List<String[]> expected) {
        assertEquals(expected.size(), s.size(), "customers");
        Map<String, Integer> seen = new HashMap<>();
        for (String[] e : expected) {
            int i = s.indexOf(e[0]);
            assertEquals(true, i >= 0, "customer " + e[0]);
            seen.put(e[0], i);
            CustomerRfm c = s.get(i);
            String who = "customer " + e[0];
            assertEquals(Double.parseDouble(e[1]), c.recencyDays(), 0, who + " recency_days");
            assertEquals(Double.parseDouble(e[2]), c.orders(), 0, who + " transaction_count");
            assertEquals(Double.parseDouble(e[3]), c.monetary(), 0, who + " amount");
            assertEquals(Integer.parseInt(e[4]), c.recencyScore(), who + " recency_score");
            assertEquals(Integer.parseInt(e[5]), c.frequencyScore(), who + " frequency_score");
            assertEquals(Integer.parseInt(e[6]), c.monetaryScore(), who + " monetary_score");
            assertEquals(Integer.parseInt(e[7]), c.rfmScore(), who + " rfm_score");
            assertEquals(e[8], c.segment(), who + " segment");
        }
        assertEquals(expected.size(), seen.size(), "distinct customers");
    }

    @Test
    void everyOrderCustomerMatchesRfm() {
        assertRowsEqual(orderScores(), RfmCsv.read("rfm_r_reference.csv"));
    }

    @Test
    void thresholdsMatchRfm() {
        RfmScores s = orderScores();
        String[] t = null;
        List<String[]> rows = RfmCsv.read("rfm_r_reference_thresholds.csv");
        assertEquals(5, rows.size());
        Bins[] bins = {s.recencyBins(), s.frequencyBins(), s.monetaryBins()};
        for (int i = 0; i < rows.size(); i++) {
            t = rows.get(i);
            for (int k = 0; k < 3; k++) {
                double lo = Double.parseDouble(t[2 * k]);
                double hi = Double.parseDouble(t[2 * k + 1]);
                assertEquals(lo, bins[k].lower(i), 1e-9 * Math.abs(lo), "measure " + k + " lower " + i);
                assertEquals(hi, bins[k].upper(i), 1e-9 * Math.abs(hi), "measure " + k + " upper " + i);
            }
        }
    }

    @Test
    void segmentSummaryMatchesRfmVignette() {
        SegmentSummary summary = orderScores().summary();
        List<String[]> rows = RfmCsv.read("rfm_r_segment_summary.csv");
        long customers = 0;
        for (String[] e : rows) {
            SegmentStats r = summary.row(e[0]);
            assertEquals(Long.parseLong(e[1]), r.customers(), e[0] + " customers");
            assertEquals(Double.parseDouble(e[2]), r.orders(), 0, e[0] + " orders");
            assertEquals(Double.parseDouble(e[3]), r.revenue(), 0, e[0] + " revenue");
            assertEquals(Double.parseDouble(e[4]), r.averageOrderValue(), 0.005, e[0] + " aov");
            customers += r.customers();
        }
        // rfm lists only segments that have customers: all others, "Others" included, must be empty.
        assertEquals(995, customers);
        for (SegmentStats r : summary.rows()) {
            if (rows.stream().noneMatch(e -> e[0].equals(r.segment()))) {
                assertEquals(0, r.customers(), r.segment());
            }
        }
    }

    @Test
    void everyCustomerLevelRowMatchesRfm() {
        List<CustomerFigures> figures = new ArrayList<>();
        for (String[] row : RfmCsv.read("rfm_data_customer.csv")) {
            figures.add(CustomerFigures.of(row[0], Double.parseDouble(row[3]), Double.parseDouble(row[2]),
                    Double.parseDouble(row[1])));
        }
        assertRowsEqual(RfmScorer.withDefaults().score(figures), RfmCsv.read("rfm_r_reference_customer.csv"));
    }
}
