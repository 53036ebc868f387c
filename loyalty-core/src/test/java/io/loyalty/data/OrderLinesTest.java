package io.loyalty.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.rfm.RfmScorer;
import io.loyalty.rfm.RfmScores;
import io.loyalty.testkit.Property;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Order lines grouped into orders by their order id, in {@link OrderLines} and in the summaries and RFM. */
class OrderLinesTest {
    private static final LocalDate END = LocalDate.of(2021, 12, 31);

    private static Transaction line(String customer, LocalDateTime time, double amount, String order) {
        return Transaction.of(customer, time, amount).withOrderId(order);
    }

    @Test
    void linesOfAnOrderAreOnePurchaseAtTheFirstLineForTheExactSum() {
        LocalDateTime t = LocalDateTime.of(2021, 3, 1, 10, 0);
        List<Transaction> lines = List.of(line("a", t.plusMinutes(1), 1e16, "o1"), line("a", t, 1.0, "o1"),
                line("a", t.plusMinutes(1), -1e16, "o1"), line("a", t.plusDays(3), 2.5, "o2"));
        List<Transaction> orders = OrderLines.orders(lines);
        assertEquals(2, orders.size());
        assertEquals(line("a", t, 1.0, "o1"), orders.get(0));
        assertEquals(line("a", t.plusDays(3), 2.5, "o2"), orders.get(1));
        CustomerSummaries s = Summarizer.of(PeriodRule.days(), END).summarize(lines);
        assertArrayEquals(new int[] {2}, s.transactions());
        assertArrayEquals(new double[] {3.5}, s.totalValue(), 0);
    }

    @Test
    void anOrderSpanningTwoPeriodsBelongsToThePeriodOfItsFirstLine() {
        // Weekly periods: the lines fall in two weeks, the order in the first; no repeat purchase.
        LocalDateTime sunday = LocalDate.of(2021, 3, 7).atTime(23, 59);
        List<Transaction> lines = List.of(line("a", sunday.plusMinutes(2), 4.0, "o1"), line("a", sunday, 6.0, "o1"));
        CustomerSummaries s = Summarizer.of(PeriodRule.days().withUnit(7), END).summarize(lines);
        assertArrayEquals(new int[] {0}, s.frequency());
        assertArrayEquals(new int[] {1}, s.transactions());
        assertEquals(sunday.toEpochSecond(java.time.ZoneOffset.UTC), s.firstPurchaseEpochSecond()[0]);
        // Across a calibration end, the order is on the side of its first line.
        List<Transaction> split = List.of(line("b", sunday.minusDays(30), 1.0, "o0"), lines.get(0), lines.get(1));
        CalibrationHoldout ch = Summarizer.of(PeriodRule.days(), END).calibrationHoldout(
                split.stream().map(x -> new Transaction("b", x.time(), x.amount(), x.orderId(), null)).toList(),
                sunday.toLocalDate());
        assertArrayEquals(new int[] {1}, ch.calibration().frequency());
        assertArrayEquals(new int[] {0}, ch.holdoutFrequency());
    }

    @Test
    void linesWithoutOrderIdsAreOrdersOfTheirOwnAndComeBackUnchanged() {
        LocalDateTime t = LocalDateTime.of(2021, 3, 1, 10, 0);
        List<Transaction> lines = List.of(Transaction.of("a", t, 1.0), Transaction.of("a", t, 1.0),
                Transaction.of("b", t, 2.0));
        List<Transaction> orders = OrderLines.orders(lines);
        assertEquals(lines, orders);
        for (int i = 0; i < lines.size(); i++) {
            assertSame(lines.get(i), orders.get(i));
        }
        assertEquals(List.of(), OrderLines.orders(List.of()));
    }

    @Test
    void repeatedOrderIdsOfOneCustomerAreOneOrder() {
        LocalDateTime t = LocalDateTime.of(2021, 3, 1, 10, 0);
        Transaction l = line("a", t, 1.25, "o1");
        assertEquals(List.of(line("a", t, 3.75, "o1")), OrderLines.orders(List.of(l, l, l)));
    }

    @Test
    void blankOrderIdIsRejectedNamingTheRow() {
        LocalDateTime t = LocalDateTime.of(2021, 3, 1, 10, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OrderLines.orders(
                List.of(line("a", t, 1, "o1"), line("a", t, 1, " "))));
        assertEquals("orderId at row 1 (customer 'a') is blank (' '): give null for a line that is an order of its "
                + "own", e.getMessage());
    }

    @Test
    void anOrderWhoseLinesBelongToTwoCustomersIsRejectedNamingIt() {
        LocalDateTime t = LocalDateTime.of(2021, 3, 1, 10, 0);
        List<Transaction> lines = List.of(line("a", t, 1, "536365"), line("b", t, 1, "x"),
                line("b", t, 1, "536365"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OrderLines.orders(lines));
        assertEquals("order '536365' has lines of two customers: 'a' at row 0 and 'b' at row 2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Summarizer.of(PeriodRule.days(), END).summarize(lines));
        assertThrows(IllegalArgumentException.class, () -> RfmScorer.withDefaults().score(lines, END));
    }

    @Test
    void anOrderInTwoChannelsIsRejectedNamingIt() {
        LocalDateTime t = LocalDateTime.of(2021, 3, 1, 10, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OrderLines.orders(List.of(
                line("a", t, 1, "o").withChannel("web"), line("a", t, 1, "o"))));
        assertEquals("order 'o' has lines in two channels: 'web' at row 0 and null at row 1", e.getMessage());
    }

    @Test
    void nullLinesAndOverflowingOrdersAreRejectedNamingThem() {
        LocalDateTime t = LocalDateTime.of(2021, 3, 1, 10, 0);
        List<Transaction> withNull = new ArrayList<>(List.of(line("a", t, 1, "o")));
        withNull.add(null);
        assertEquals("lines has a null at row 1", assertThrows(IllegalArgumentException.class,
                () -> OrderLines.orders(withNull)).getMessage());
        assertEquals("lines must not be null", assertThrows(IllegalArgumentException.class,
                () -> OrderLines.orders(null)).getMessage());
        // Through the summarizer, the message names the summarizer's argument.
        Summarizer days = Summarizer.of(PeriodRule.days(), END);
        assertEquals("transactions has a null at row 1", assertThrows(IllegalArgumentException.class,
                () -> days.summarize(withNull)).getMessage());
        assertEquals("transactions has a null at row 1", assertThrows(IllegalArgumentException.class,
                () -> days.calibrationHoldout(withNull, LocalDate.of(2021, 6, 1))).getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OrderLines.orders(List.of(
                line("a", t, 1e308, "big"), line("a", t, 1e308, "big"))));
        assertTrue(e.getMessage().startsWith("the 2 lines of order 'big' (customer 'a') sum to more than the largest"),
                e.getMessage());
    }

    @Test
    void rfmCountsOrdersNotLines() {
        LocalDate d = LocalDate.of(2020, 1, 10);
        LocalDateTime t = d.minusDays(2).atTime(9, 0);
        List<Transaction> lines = List.of(line("7", t, 10, "i1"), line("7", t.plusMinutes(1), 5, "i1"),
                line("7", t.plusDays(1), 1, "i2"), line("8", t, 3, "i3"), line("8", t, 3, "i3"));
        RfmScores s = RfmScorer.withDefaults().withBins(2).score(lines, d);
        assertArrayEquals(new double[] {2, 1}, s.orders(), 0);
        assertArrayEquals(new double[] {16, 6}, s.revenue(), 0);
        assertArrayEquals(new double[] {1, 2}, s.recencyDays(), 0);
    }

    private static final double[] EDGE_AMOUNTS = {0, 1, 0.1, 9007199254740991.0, 9007199254740993.0, 1e15, 1e300,
        Double.MIN_VALUE, 2.2250738585072014E-308 / 3, 123.45, 1e-3};
    private static final String[] IDS = {"1", "2", "é", "客户", "17850", " x ", "a"};

    private static List<Transaction> randomLines(SplittableRandom r) {
        int rows = Property.between(r, 1, 300);
        int orders = Property.between(r, 1, 60);
        List<Transaction> out = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            int order = r.nextInt(orders);
            String customer = IDS[order % IDS.length];
            Instant time = Instant.ofEpochSecond(LocalDate.of(2019, 1, 1).toEpochDay() * 86_400L
                    + (long) order * 86_400 * 3 + r.nextInt(0, 3 * 86_400));
            double amount = EDGE_AMOUNTS[r.nextInt(EDGE_AMOUNTS.length)];
            String id = r.nextInt(10) == 0 ? null : "o" + order;
            out.add(new Transaction(customer, time, amount, id, null));
        }
        return out;
    }

    @Test
    void shuffledLinesGiveBitwiseTheSameSummariesAndScores() {
        Property.forAll("order lines in any order", 150, r -> {
            List<Transaction> lines = randomLines(r);
            List<Transaction> shuffled = new ArrayList<>(lines.size());
            for (int i : Property.shuffledPermutation(r, lines.size())) {
                shuffled.add(lines.get(i));
            }
            Summarizer s = Summarizer.of(PeriodRule.days().withUnit(7), END);
            CustomerSummaries a = s.summarize(lines);
            CustomerSummaries b = s.summarize(shuffled);
            CustomerSummaries c = s.summarize(shuffled.parallelStream());
            assertEquals(a, b);
            assertEquals(a, c);
            assertTrue(Arrays.equals(a.monetary(), b.monetary()) && Arrays.equals(a.totalValue(), c.totalValue()));
            // Grouping first gives the same summaries as letting the summarizer group.
            assertEquals(a, s.summarize(OrderLines.orders(shuffled)));
            RfmScores x = RfmScorer.withDefaults().score(lines, END);
            RfmScores y = RfmScorer.withDefaults().score(shuffled, END);
            assertArrayEquals(x.revenue(), y.revenue(), 0);
            assertArrayEquals(x.orders(), y.orders(), 0);
            assertEquals(x.ids(), y.ids());
        });
    }
}
