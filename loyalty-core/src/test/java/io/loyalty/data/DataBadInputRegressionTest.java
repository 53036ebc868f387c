package io.loyalty.data;

import static io.loyalty.testkit.Outcome.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cases of issue 15 in the data family, one named test each. */
class DataBadInputRegressionTest {
    private static final LocalDate END = LocalDate.of(2024, 12, 31);
    private static final Summarizer DAYS = Summarizer.of(PeriodRule.days(), END);

    private static Transaction tx(String id, String day, double amount) {
        return Transaction.of(id, LocalDate.parse(day), amount);
    }

    // ---- item 7: repeat spend is exact and order-free ----------------------------------------------------------

    @Test
    void issue15Item7RepeatSpendAfterAHugeFirstPurchaseIsExactInEveryOrder() {
        List<Transaction> rows = new ArrayList<>(List.of(tx("a", "2024-01-01", 1e16), tx("a", "2024-02-01", 1),
                tx("a", "2024-03-01", 1)));
        for (int k = 0; k < 6; k++) {
            Collections.rotate(rows, 1);
            if (k == 3) {
                Collections.reverse(rows);
            }
            CustomerSummary s = DAYS.summarize(rows).get(0);
            assertEquals(1.0, s.monetary(), "order " + rows);
            assertEquals(1e16 + 2, s.totalValue());
        }
        // The dense fast path (time order) and its general fallback (out of order) agree.
        int[] ids = {7, 7, 7};
        int[] days = {(int) LocalDate.parse("2024-01-01").toEpochDay(), (int) LocalDate.parse("2024-02-01").toEpochDay(),
            (int) LocalDate.parse("2024-03-01").toEpochDay()};
        assertEquals(1.0, DAYS.summarize(TransactionColumns.ofEpochDays(ids, days, new double[] {1e16, 1, 1}))
                .monetary()[0]);
        int[] shuffled = {days[2], days[0], days[1]};
        assertEquals(1.0, DAYS.summarize(TransactionColumns.ofEpochDays(ids, shuffled, new double[] {1, 1e16, 1}))
                .monetary()[0]);
    }

    @Test
    void issue15Item7ARealisticFirstPurchaseLeavesTheRepeatSpendCorrectlyRounded() {
        double[] amounts = {12_345_678.91, 19.99, 0.01, 5.05, 123.45, 0.1, 0.2};
        List<Transaction> rows = new ArrayList<>();
        BigDecimal repeat = BigDecimal.ZERO;
        for (int i = 0; i < amounts.length; i++) {
            rows.add(Transaction.of("c", LocalDate.of(2024, 1, 1 + i), amounts[i]));
            repeat = i == 0 ? repeat : repeat.add(new BigDecimal(amounts[i]));
        }
        double expected = repeat.doubleValue() / (amounts.length - 1);
        assertEquals(expected, DAYS.summarize(rows).monetary()[0]);
        Collections.reverse(rows);
        assertEquals(expected, DAYS.summarize(rows).monetary()[0]);
    }

    @Test
    void issue15Item7SplitAndCombinedAccumulatorsGiveTheSameBits() {
        List<Transaction> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(Transaction.of("c" + (i % 7), LocalDate.of(2024, 1, 1).plusDays(i % 40), 0.1 * (i % 13) + 1e7 * (i % 3)));
        }
        CustomerSummaries whole = DAYS.summarize(rows);
        for (int cut = 1; cut < rows.size(); cut += 37) {
            SummaryAccumulator a = DAYS.newAccumulator();
            SummaryAccumulator b = DAYS.newAccumulator();
            for (int i = 0; i < rows.size(); i++) {
                (i < cut ? a : b).add(rows.get(rows.size() - 1 - i));
            }
            assertEquals(whole, b.combine(a).snapshot(), "cut at " + cut);
        }
    }

    // ---- item 14: overflowing sums are rejected naming the customer ---------------------------------------------

    @Test
    void issue15Item14AmountsSummingBeyondTheLargestDoubleAreRejectedNamingTheCustomer() {
        rejects(() -> DAYS.summarize(List.of(tx("big", "2024-01-01", 1e308), tx("big", "2024-02-01", 1e308))),
                "customer 'big'", "largest double");
        rejects(() -> DAYS.summarize(List.of(tx("big", "2024-01-01", 1e308), tx("big", "2024-01-01", 1e308))),
                "customer 'big'");
        rejects(() -> DAYS.summarize(TransactionColumns.ofEpochDays(new int[] {3, 3}, new int[] {19_000, 19_001},
                new double[] {Double.MAX_VALUE, Double.MAX_VALUE})), "customer '3'");
        // Netted returns that bring the total back below the largest double: exact, so accepted.
        CustomerSummaries netted = DAYS.withReturnsNetted().summarize(List.of(tx("r", "2024-01-01", 1e308),
                tx("r", "2024-02-01", 1e308), tx("r", "2024-03-01", -1e308)));
        assertEquals(1e308, netted.totalValue()[0]);
        assertEquals(0.0, netted.monetary()[0]);
    }

    // ---- item 16: memory follows the rows --------------------------------------------------------------------

    @Test
    void issue15Item16HugeDenseIdsAreSummarizedWithMemoryOfTheRows() {
        for (int id : new int[] {300_000_000, 1 << 28, Integer.MAX_VALUE}) {
            CustomerSummaries s = DAYS.summarize(TransactionColumns.ofEpochDays(new int[] {id, 5, id},
                    new int[] {19_000, 19_000, 19_010}, new double[] {1, 2, 3}));
            assertEquals(List.of("5", Integer.toString(id)), s.ids());
            assertEquals(3.0, s.monetary()[1]);
            // Out of time order: the general path, same slots.
            CustomerSummaries back = DAYS.summarize(TransactionColumns.ofEpochDays(new int[] {id, 5, id},
                    new int[] {19_010, 19_000, 19_000}, new double[] {3, 2, 1}));
            assertEquals(s, back);
        }
    }

    // ---- item 17: time limits ---------------------------------------------------------------------------------

    @Test
    void issue15Item17ObservationEndsBeyondTheRuleRangeAreRejectedNamingTheValue() {
        rejects(() -> Summarizer.of(PeriodRule.days(), LocalDate.MAX), "observationEnd", "+999999999-12-31");
        rejects(() -> Summarizer.of(PeriodRule.days(), LocalDate.MIN), "observationEnd");
        rejects(() -> Summarizer.of(PeriodRule.days(), Instant.MAX), "observationEnd", Instant.MAX.toString());
        rejects(() -> Summarizer.of(PeriodRule.months(), Instant.MIN), "observationEnd");
        rejects(() -> PeriodRule.months().index(Instant.MIN), "time");
        rejects(() -> PeriodRule.months(ZoneId.of("Europe/Paris")).index(Instant.MAX), "time");
        rejects(() -> PeriodRule.days().indexOfEpochDay(Long.MIN_VALUE), "epochDay");
        rejects(() -> PeriodRule.days().firstDay(Long.MAX_VALUE), "index");
        rejects(() -> PeriodRule.weeks().label(Long.MIN_VALUE), "index");
        rejects(() -> DAYS.calibrationHoldout(List.of(tx("a", "2024-01-01", 1)), Instant.MIN), "calibrationEnd");
        // The range's own ends are handled, in every kind of rule.
        for (PeriodRule rule : List.of(PeriodRule.days(ZoneId.of("Pacific/Kiritimati")), PeriodRule.weeks(),
                PeriodRule.months(ZoneOffset.ofHours(-18)), PeriodRule.quarters(), PeriodRule.years(),
                PeriodRule.every(Duration.ofMillis(1500)), PeriodRule.every(Duration.ofNanos(Long.MAX_VALUE)))) {
            for (long second : new long[] {PeriodRule.MIN_SECOND, PeriodRule.MAX_SECOND}) {
                long index = rule.index(Instant.ofEpochSecond(second));
                assertTrue(!rule.label(index).isEmpty(), rule + " at " + second);
            }
        }
    }

    @Test
    void issue15Item17LongMinEpochSecondsInStringIdColumnsAreRejectedNamingTheRow() {
        rejects(() -> DAYS.summarize(TransactionColumns.ofEpochSeconds(new String[] {"a", "b"},
                new long[] {1_700_000_000L, Long.MIN_VALUE}, new double[] {1, 1})), "row 1", "customer 'b'",
                "-9223372036854775808");
        rejects(() -> DAYS.summarize(TransactionColumns.ofEpochSeconds(new int[] {0},
                new long[] {Long.MIN_VALUE}, new double[] {1})), "row 0", "-9223372036854775808");
        rejects(() -> DAYS.calibrationHoldout(TransactionColumns.ofEpochSeconds(new String[] {"a"},
                new long[] {Long.MIN_VALUE}, new double[] {1}), Instant.parse("2024-06-01T00:00:00Z")), "row 0");
    }

    @Test
    void issue15Item17PeriodLengthsBeyondALongOfNanosecondsAreRejected() {
        rejects(() -> PeriodRule.every(Duration.ofSeconds(Long.MAX_VALUE)), "length", "Long.MAX_VALUE");
        PeriodRule longest = PeriodRule.every(Duration.ofNanos(Long.MAX_VALUE));
        assertEquals(0, longest.index(Instant.parse("2200-01-01T00:00:00Z")));
    }

    @Test
    void issue15Item17FractionalSecondPeriodsAfter2262AreExact() {
        PeriodRule rule = PeriodRule.every(Duration.ofMillis(1500));
        for (String at : new String[] {"2262-04-11T23:47:16.854775807Z", "2263-01-01T00:00:00.5Z",
            "9999-12-31T23:59:59.999999999Z", "1000-01-01T00:00:00Z", "1677-09-21T00:12:43.145224191Z"}) {
            Instant t = Instant.parse(at);
            BigInteger nanos = BigInteger.valueOf(t.getEpochSecond()).multiply(BigInteger.valueOf(1_000_000_000L))
                    .add(BigInteger.valueOf(t.getNano()));
            BigInteger[] qr = nanos.divideAndRemainder(BigInteger.valueOf(1_500_000_000L));
            long expected = (qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0]).longValueExact();
            assertEquals(expected, rule.index(t), at);
            // The period's first instant is at or before the time, and the next one after it.
            Instant start = Instant.parse(rule.label(expected));
            assertTrue(!start.isAfter(t) && start.plusMillis(1500).isAfter(t), at + " in " + start);
        }
        // Periods of a nanosecond a billion years away have no long index: an error, not a wrong number.
        rejects(() -> PeriodRule.every(Duration.ofNanos(1)).index(Instant.ofEpochSecond(PeriodRule.MAX_SECOND)),
                "beyond the indexes a long holds");
    }

    // ---- serialization ---------------------------------------------------------------------------------------

    private static byte[] bytes(Object o) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new ObjectOutputStream(out)) {
            oos.writeObject(o);
        }
        return out.toByteArray();
    }

    private static Object read(byte[] b) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
            return in.readObject();
        }
    }

    /** The stream's bytes with one class name swapped for another of the same length. */
    private static byte[] renamed(byte[] b, String from, String to) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        assertTrue(s.contains(from));
        return s.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void serializationRoundTripsThroughTheFactories() throws Exception {
        for (PeriodRule rule : List.of(PeriodRule.days(ZoneId.of("Asia/Tokyo")).withUnit(7), PeriodRule.weeks(),
                PeriodRule.months(), PeriodRule.quarters(), PeriodRule.years(),
                PeriodRule.every(Duration.ofMillis(1500)))) {
            assertEquals(rule, read(bytes(rule)));
            Summarizer s = Summarizer.of(rule, END).withReturnsNetted();
            Summarizer back = (Summarizer) read(bytes(s));
            assertEquals(s.toString(), back.toString());
            assertEquals(s.summarize(List.of(tx("a", "2024-01-01", 2), tx("a", "2024-05-01", 3))),
                    back.summarize(List.of(tx("a", "2024-01-01", 2), tx("a", "2024-05-01", 3))));
        }
    }

    @Test
    void aCraftedSummarizerWithANullRuleIsRefused() throws Exception {
        Class<?> form = Class.forName("io.loyalty.data.Summarizer$SerializedForm");
        Constructor<?> make = form.getDeclaredConstructor(PeriodRule.class, Instant.class, boolean.class);
        make.setAccessible(true);
        InvalidObjectException e = assertThrows(InvalidObjectException.class,
                () -> read(bytes(make.newInstance(null, Instant.EPOCH, false))));
        assertTrue(e.getMessage().contains("rule must not be null"), e.getMessage());
        assertThrows(InvalidObjectException.class, () -> read(bytes(make.newInstance(PeriodRule.days(),
                Instant.MAX, false))));
    }

    @Test
    void aCraftedPeriodRuleIsRefused() throws Exception {
        Class<?> form = Class.forName("io.loyalty.data.PeriodRule$SerializedForm");
        Constructor<?> make = form.getDeclaredConstructor(String.class, ZoneId.class, long.class, double.class);
        make.setAccessible(true);
        for (Object[] bad : new Object[][] {{"FIXED", ZoneOffset.UTC, -5L, 1.0}, {"DAYS", null, 0L, 1.0},
            {"DAYS", ZoneOffset.UTC, 0L, Double.NaN}, {"HOURS", ZoneOffset.UTC, 0L, 1.0}, {null, ZoneOffset.UTC, 0L, 1.0}}) {
            assertThrows(InvalidObjectException.class, () -> read(bytes(make.newInstance(bad))),
                    java.util.Arrays.toString(bad));
        }
    }

    /**
     * A stream that names the classes themselves (not their proxies), with fields of a look-alike, as an attacker
     * would write it: refused before any field is used.
     */
    @Test
    void streamsOfTheClassesThemselvesAreRefused() throws Exception {
        assertThrows(InvalidObjectException.class, () -> read(renamed(bytes(new Summarizes()), "Summarizes",
                "Summarizer")));
        assertThrows(InvalidObjectException.class, () -> read(renamed(bytes(new PeriodRulf()), "PeriodRulf",
                "PeriodRule")));
    }
}

/** A look-alike of {@link Summarizer} with a null rule, for a crafted stream. */
final class Summarizes implements Serializable {
    private static final long serialVersionUID = 1L;
    private final PeriodRule rule = null;
    private final Instant observationEnd = Instant.EPOCH;
    private final boolean netReturns = false;
}

/** A look-alike of {@link PeriodRule} with no zone and a negative length, for a crafted stream. */
final class PeriodRulf implements Serializable {
    private static final long serialVersionUID = 1L;
    private final long fixedNanos = -1;
    private final double unit = Double.NaN;
}
