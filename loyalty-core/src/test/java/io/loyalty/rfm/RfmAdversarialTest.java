package io.loyalty.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.data.Transaction;
import io.loyalty.tablesaw.RfmTables;
import io.loyalty.testkit.Property;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * The adversary of issue 15 for RFM: per-customer figures mixed with boundary values (recency 0, 2^53 + 1, 1e308;
 * orders 1, subnormal, 1e308; revenue 0, subnormal, 2^53 +- 1, 1e16, 1e308, the largest double), ties, a single
 * customer, 64-bit numeric ids and, in some trials, one bad figure (NaN, infinite, negative, zero orders). The
 * scores are in 1..bins, every customer in one segment, the result and the segment summary do not depend on the
 * customers' order (to the bit), the summary's totals are the exact sums rounded once, the Tablesaw adapter gives
 * the same result; or the input is rejected with an IllegalArgumentException naming the row or segment.
 */
class RfmAdversarialTest {
    private static final double[] RECENCY = {0, 1, 9007199254740993.0, 1e308, Double.MAX_VALUE};
    private static final double[] ORDERS = {1, Double.MIN_VALUE, 0.5, 9007199254740993.0, 1e308};
    private static final double[] REVENUE = {0, Double.MIN_VALUE, 1, 0.01, 9007199254740991.0, 9007199254740992.0,
        1e16, 1e308, Double.MAX_VALUE};

    private static double pick(SplittableRandom r, double[] edges, double ordinary) {
        return r.nextInt(6) == 0 ? edges[r.nextInt(edges.length)] : ordinary;
    }

    private static RfmScorer scorer(SplittableRandom r) {
        RfmScorer s = RfmScorer.withDefaults().withBins(Property.between(r, 2, 9));
        switch (r.nextInt(3)) {
            case 0:
                return s;
            case 1:
                return s.withMethod(ScoringMethod.NTILE).withMonetary(MonetaryMeasure.MEAN_PER_ORDER);
            default:
                return s.withMonetary(MonetaryMeasure.MEAN_PER_ORDER);
        }
    }

    @Test
    void scoresAndSummariesOfAdversarialFiguresAreOrderFreeExactOrRejected() {
        Property.forAll("rfm of adversarial figures", 250, r -> {
            int n = r.nextInt(4) == 0 ? Property.between(r, 1, 3) : Property.between(r, 1, 2_000);
            long[] numeric = new long[n];
            String[] ids = new String[n];
            double[] rec = new double[n];
            double[] ord = new double[n];
            double[] rev = new double[n];
            for (int i = 0; i < n; i++) {
                numeric[i] = r.nextInt(3) == 0 ? (1L << 53) + i : Long.MAX_VALUE - i;
                ids[i] = Long.toString(numeric[i]);
                rec[i] = pick(r, RECENCY, r.nextInt(400));
                ord[i] = pick(r, ORDERS, 1 + r.nextInt(20));
                rev[i] = pick(r, REVENUE, r.nextInt(100_000) / 100.0);
            }
            boolean bad = r.nextInt(8) == 0;
            if (bad) {
                int i = r.nextInt(n);
                double[][] column = {rec, ord, rev};
                double[] values = {Double.NaN, Double.POSITIVE_INFINITY, -1, -Double.MIN_VALUE};
                int which = r.nextInt(3);
                column[which][i] = which == 1 && r.nextBoolean() ? 0 : values[r.nextInt(values.length)];
            }
            RfmScorer scorer = scorer(r);
            if (!bad && scorer.monetaryMeasure() == MonetaryMeasure.MEAN_PER_ORDER) {
                for (int i = 0; i < n; i++) {
                    bad |= Double.isInfinite(rev[i] / ord[i]);
                }
            }
            if (bad) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> scorer.score(ids, rec, ord, rev));
                assertTrue(e.getMessage().contains("row"), e.getMessage());
                return;
            }
            RfmScores s = scorer.score(ids, rec, ord, rev);
            int bins = s.bins();
            for (int i = 0; i < n; i++) {
                CustomerRfm c = s.get(i);
                assertTrue(c.recencyScore() >= 1 && c.recencyScore() <= bins, c.toString());
                assertTrue(c.frequencyScore() >= 1 && c.frequencyScore() <= bins, c.toString());
                assertTrue(c.monetaryScore() >= 1 && c.monetaryScore() <= bins, c.toString());
                assertTrue(s.segmentIndexes()[i] >= 0 && s.segmentIndexes()[i] <= s.segmentMap().size());
                assertTrue(Double.isFinite(s.monetary()[i]), c.toString());
            }
            // Shuffled customers: the same scores per customer and the same summary, to the bit.
            int[] p = Property.shuffledPermutation(r, n);
            String[] ids2 = new String[n];
            double[] rec2 = new double[n];
            double[] ord2 = new double[n];
            double[] rev2 = new double[n];
            for (int i = 0; i < n; i++) {
                ids2[i] = ids[p[i]];
                rec2[i] = rec[p[i]];
                ord2[i] = ord[p[i]];
                rev2[i] = rev[p[i]];
            }
            RfmScores t = scorer.score(ids2, rec2, ord2, rev2);
            for (int i = 0; i < n; i++) {
                assertEquals(s.get(p[i]), t.get(i), ids2[i]);
            }
            // The summary: exact totals per segment, or a rejection naming the segment when one overflows.
            BigDecimal[] exact = new BigDecimal[s.segmentMap().size() + 1];
            BigDecimal[] exactOrders = new BigDecimal[exact.length];
            java.util.Arrays.fill(exact, BigDecimal.ZERO);
            java.util.Arrays.fill(exactOrders, BigDecimal.ZERO);
            for (int i = 0; i < n; i++) {
                int k = s.segmentIndexes()[i];
                exact[k] = exact[k].add(new BigDecimal(rev[i]));
                exactOrders[k] = exactOrders[k].add(new BigDecimal(ord[i]));
            }
            boolean overflows = false;
            BigDecimal all = BigDecimal.ZERO;
            for (int k = 0; k < exact.length; k++) {
                overflows |= Double.isInfinite(exact[k].doubleValue()) || Double.isInfinite(exactOrders[k].doubleValue());
                all = all.add(exact[k]);
            }
            if (overflows || Double.isInfinite(all.doubleValue())) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, s::summary);
                assertTrue(e.getMessage().contains("largest double"), e.getMessage());
                assertThrows(IllegalArgumentException.class, t::summary);
            } else {
                assertEquals(s.summary(), t.summary());
                for (int k = 0; k < exact.length; k++) {
                    assertEquals(exact[k].doubleValue(), s.summary().rows().get(k).revenue(), "segment " + k);
                    assertEquals(exactOrders[k].doubleValue(), s.summary().rows().get(k).orders(), "segment " + k);
                }
            }
            // The Tablesaw adapter, with 64-bit ids in a LongColumn: the same result.
            Table table = Table.create("customers", LongColumn.create("id", numeric), DoubleColumn.create("days", rec),
                    DoubleColumn.create("orders", ord), DoubleColumn.create("revenue", rev));
            assertEquals(s, RfmTables.scoreCustomers(scorer, table, "id", "days", "orders", "revenue"));
        });
    }

    /** From transactions: shuffled orders give the same scores; two 1e308 orders of one customer are rejected. */
    @Test
    void ordersAtTheEdgesScoreTheSameInAnyOrderOrAreRejected() {
        Property.forAll("rfm of adversarial orders", 60, r -> {
            int n = Property.between(r, 1, 400);
            List<Transaction> orders = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double amount = pick(r, REVENUE, r.nextInt(10_000) / 100.0);
                orders.add(Transaction.of("c" + r.nextInt(1 + n / 4), LocalDate.of(2024, 1, 1)
                        .plusDays(r.nextInt(366)), amount > 1e300 ? 1e300 : amount));
            }
            LocalDate day = LocalDate.of(2024, 12, 31);
            RfmScores s = RfmScorer.withDefaults().score(orders, day);
            java.util.Collections.shuffle(orders, new java.util.Random(r.nextLong()));
            assertEquals(s, RfmScorer.withDefaults().score(orders, day));
        });
        List<Transaction> huge = List.of(Transaction.of("h", LocalDate.of(2024, 1, 1), 1e308),
                Transaction.of("h", LocalDate.of(2024, 2, 1), 1e308));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RfmScorer.withDefaults().score(huge, LocalDate.of(2024, 12, 31)));
        assertTrue(e.getMessage().contains("customer 'h'"), e.getMessage());
    }

    /** Issue 15, item 14: customers whose revenues overflow together are rejected when summarized. */
    @Test
    void aSegmentWhoseRevenueOverflowsIsRejectedNamingIt() {
        RfmScores s = RfmScorer.withDefaults().score(new String[] {"a", "b"}, new double[] {1, 1},
                new double[] {1, 1}, new double[] {Double.MAX_VALUE, Double.MAX_VALUE});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, s::summary);
        assertTrue(e.getMessage().contains("segment '" + s.segment(0) + "'"), e.getMessage());
    }
}
