package io.loyalty.nps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.data.CustomerSummaries;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.data.Transaction;
import io.loyalty.testkit.Property;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoyaltyMatrixTest {

    @Test
    void quadrantsByHand() {
        int[] answers = {10, 9, 7, 3, 10, 0};
        double[] repeats = {3, 0, 5, 2, 1, 0};
        double[] revenue = {100, 10, 50, 40, 20, 5};
        LoyaltyMatrix m = LoyaltyMatrix.of(answers, repeats, 2, revenue);
        assertEquals(LoyaltyQuadrant.TRUE_LOYALTY, m.quadrant(0));
        assertEquals(LoyaltyQuadrant.LATENT_LOYALTY, m.quadrant(1));
        assertEquals(LoyaltyQuadrant.SPURIOUS_LOYALTY, m.quadrant(2));
        assertEquals(LoyaltyQuadrant.SPURIOUS_LOYALTY, m.quadrant(3));
        assertEquals(LoyaltyQuadrant.LATENT_LOYALTY, m.quadrant(4));
        assertEquals(LoyaltyQuadrant.NO_LOYALTY, m.quadrant(5));
        assertEquals(1, m.count(LoyaltyQuadrant.TRUE_LOYALTY));
        assertEquals(2, m.count(LoyaltyQuadrant.LATENT_LOYALTY));
        assertEquals(90, m.revenue(LoyaltyQuadrant.SPURIOUS_LOYALTY), 0);
        assertEquals(1, m.cellCount(NpsCategory.DETRACTOR, true));
        assertEquals(1.0 / 3, m.share(LoyaltyQuadrant.SPURIOUS_LOYALTY), 1e-15);
        assertEquals(Nps.ofCounts(1, 1, 1), m.nps(true));
    }

    @Test
    void joinWithCustomerSummaries() {
        List<Transaction> log = List.of(
                Transaction.of("a", LocalDate.of(2020, 1, 1), 10), Transaction.of("a", LocalDate.of(2020, 2, 1), 20),
                Transaction.of("a", LocalDate.of(2020, 3, 1), 30), Transaction.of("b", LocalDate.of(2020, 1, 5), 7),
                Transaction.of("c", LocalDate.of(2020, 1, 5), 5), Transaction.of("c", LocalDate.of(2020, 1, 9), 5));
        CustomerSummaries s = Summarizer.of(PeriodRule.days(), LocalDate.of(2020, 3, 31)).summarize(log);
        LoyaltyMatrix m = LoyaltyMatrix.join(new String[] {"c", "a", "b"}, new int[] {4, 9, 10}, s, 2);
        assertEquals(LoyaltyQuadrant.NO_LOYALTY, m.quadrant(0));
        assertEquals(LoyaltyQuadrant.TRUE_LOYALTY, m.quadrant(1));
        assertEquals(LoyaltyQuadrant.LATENT_LOYALTY, m.quadrant(2));
        assertEquals(60, m.revenue(LoyaltyQuadrant.TRUE_LOYALTY), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoyaltyMatrix.join(new String[] {"a", "zz"}, new int[] {9, 9}, s, 1));
        assertTrue(e.getMessage().contains("respondentIds[1]") && e.getMessage().contains("zz"), e.getMessage());
    }

    @Test
    void countsAndRevenueAddUp() {
        Property.forAll("quadrants partition the customers", 200, r -> {
            int n = Property.between(r, 1, 500);
            int[] a = new int[n];
            double[] b = new double[n];
            double[] rev = new double[n];
            double total = 0;
            for (int i = 0; i < n; i++) {
                a[i] = r.nextInt(11);
                b[i] = r.nextInt(8);
                rev[i] = Math.round(r.nextDouble() * 1000);
                total += rev[i];
            }
            LoyaltyMatrix m = LoyaltyMatrix.of(a, b, Property.between(r, 0, 8), rev);
            long count = 0;
            double money = 0;
            double share = 0;
            for (LoyaltyQuadrant q : LoyaltyQuadrant.values()) {
                count += m.count(q);
                money += m.revenue(q);
                share += m.share(q);
            }
            assertEquals(n, count);
            assertEquals(total, money, 1e-6);
            assertEquals(1, share, 1e-12);
        });
    }
}
