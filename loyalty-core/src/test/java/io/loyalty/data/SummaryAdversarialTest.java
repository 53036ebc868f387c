package io.loyalty.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.loyalty.testkit.Property;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The adversary of issue 15 for the summaries: ordinary rows mixed with boundary values (amounts 0, -0.0, 1,
 * 2^53 +- 1, 1e16, subnormals, 1e308, the largest double; ids made of digits, with leading zeros, Unicode, 64-bit
 * numbers; times at the ends of the range a rule handles, ties, duplicates, unsorted rows; single rows) and, in some
 * trials, one bad row (blank id, late or out-of-range time, NaN or infinite or negative amount). Every way of feeding
 * the rows (objects, columns, dense ids in time order and shuffled, split across accumulators and combined) gives
 * either the same summaries to the bit, equal to an exact BigDecimal reference, or an IllegalArgumentException.
 */
class SummaryAdversarialTest {
    private static final LocalDate END_DAY = LocalDate.of(2024, 12, 31);
    private static final Summarizer DAYS = Summarizer.of(PeriodRule.days(), END_DAY);
    private static final long END = DAYS.observationEnd().getEpochSecond();
    private static final long START = LocalDate.of(2020, 1, 1).toEpochDay() * 86_400L;
    private static final double[] EDGE_AMOUNTS = {0, -0.0, 1, 0.01, 0.1, 12_345_678.91, 9007199254740991.0,
        9007199254740992.0, 9007199254740993.0 /* rounds to 2^53 */, 1e16, Double.MIN_VALUE, Double.MIN_NORMAL,
        1e-5, 1e300, 1e308, Double.MAX_VALUE};
    private static final String[] EDGE_IDS = {"0", "7", "007", "17850", "9007199254740993", "9223372036854775807",
        "ü客", "a b", "Z"};

    /** One generated input, as parallel columns. */
    private static final class Rows {
        final boolean dense;
        final int[] denseIds;
        final String[] ids;
        final long[] seconds;
        final double[] amounts;
        boolean bad;

        Rows(SplittableRandom r, int n, boolean dense) {
            this.dense = dense;
            denseIds = new int[n];
            ids = new String[n];
            seconds = new long[n];
            amounts = new double[n];
            int customers = Property.between(r, 1, Math.max(1, n / 3));
            int[] pool = new int[customers];
            for (int c = 0; c < customers; c++) {
                int edge = r.nextInt(8);
                pool[c] = edge == 0 ? Integer.MAX_VALUE - c : edge == 1 ? 300_000_000 + c : c * 3;
            }
            for (int i = 0; i < n; i++) {
                int c = pool[r.nextInt(customers)];
                denseIds[i] = c;
                ids[i] = dense || r.nextInt(6) != 0 ? Integer.toString(c) : EDGE_IDS[r.nextInt(EDGE_IDS.length)];
                int t = r.nextInt(10);
                seconds[i] = t == 0 ? END : t == 1 && i > 0 ? seconds[i - 1] : t == 2 ? PeriodRule.MIN_SECOND
                        : START + r.nextLong(END - START);
                int a = r.nextInt(10);
                amounts[i] = a < 2 ? EDGE_AMOUNTS[r.nextInt(EDGE_AMOUNTS.length)]
                        : a == 2 ? Math.scalb(r.nextDouble(), r.nextInt(120) - 60) : r.nextInt(1_000_000) / 100.0;
                // Huge amounts are rare: they make a customer's total overflow, which is tested too.
                if (Math.abs(amounts[i]) > 1e300 && r.nextInt(4) != 0) {
                    amounts[i] = 1e300;
                }
            }
            if (r.nextInt(6) == 0) {
                int i = r.nextInt(n);
                bad = true;
                switch (r.nextInt(7)) {
                    case 0:
                        ids[i] = dense ? ids[i] : " ";
                        bad = !dense;
                        break;
                    case 1:
                        seconds[i] = END + 1;
                        break;
                    case 2:
                        seconds[i] = Long.MIN_VALUE;
                        break;
                    case 3:
                        amounts[i] = Double.NaN;
                        break;
                    case 4:
                        amounts[i] = Double.NEGATIVE_INFINITY;
                        break;
                    case 5:
                        amounts[i] = -1;
                        break;
                    default:
                        seconds[i] = PeriodRule.MIN_SECOND - 1;
                        break;
                }
            }
        }

        Rows permuted(int[] p) {
            Rows copy = this.copy();
            for (int i = 0; i < p.length; i++) {
                copy.denseIds[i] = denseIds[p[i]];
                copy.ids[i] = ids[p[i]];
                copy.seconds[i] = seconds[p[i]];
                copy.amounts[i] = amounts[p[i]];
            }
            return copy;
        }

        private Rows copy() {
            Rows c = new Rows(new SplittableRandom(0), ids.length, dense);
            c.bad = bad;
            return c;
        }

        /** Rows sorted by time (stable), the order of a time-ordered log. */
        Rows timeOrdered() {
            Integer[] order = new Integer[ids.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Long.compare(seconds[a], seconds[b]));
            int[] p = new int[order.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = order[i];
            }
            return permuted(p);
        }

        TransactionColumns columns() {
            return dense ? TransactionColumns.ofEpochSeconds(denseIds, seconds, amounts)
                    : TransactionColumns.ofEpochSeconds(ids, seconds, amounts);
        }
    }

    /** The summaries, or the IllegalArgumentException (any other throwable fails the test). */
    private static Object outcome(java.util.function.Supplier<CustomerSummaries> run) {
        try {
            CustomerSummaries s = run.get();
            for (int i = 0; i < s.size(); i++) {
                CustomerSummary c = s.get(i);
                assertTrue(Double.isFinite(c.monetary()) && Double.isFinite(c.totalValue())
                        && Double.isFinite(c.recency()) && Double.isFinite(c.t()), c.toString());
            }
            return s;
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("row") || e.getMessage().contains("customer"), e.getMessage());
            return e;
        }
    }

    private static CustomerSummaries split(Rows x, SplittableRandom r) {
        int parts = Property.between(r, 1, 5);
        List<SummaryAccumulator> accs = new ArrayList<>();
        for (int k = 0; k < parts; k++) {
            accs.add(DAYS.newAccumulator());
        }
        for (int i = 0; i < x.ids.length; i++) {
            accs.get(r.nextInt(parts)).add(x.ids[i], instant(x.seconds[i]), x.amounts[i]);
        }
        SummaryAccumulator all = accs.get(parts - 1);
        for (int k = parts - 2; k >= 0; k--) {
            all = accs.get(k).combine(all);
        }
        return all.snapshot();
    }

    /** The instant of a row's second; before Instant.MIN (which an Instant cannot hold) Instant.MIN itself. */
    private static Instant instant(long second) {
        return second < Instant.MIN.getEpochSecond() ? Instant.MIN : Instant.ofEpochSecond(second);
    }

    private static List<Transaction> objects(Rows x) {
        List<Transaction> list = new ArrayList<>();
        for (int i = 0; i < x.ids.length; i++) {
            list.add(Transaction.of(x.ids[i], instant(x.seconds[i]), x.amounts[i]));
        }
        return list;
    }

    /** Checks the summaries against exact sums: total value and mean repeat spend per customer. */
    private static void matchesTheExactReference(Rows x, CustomerSummaries s) {
        Map<String, BigDecimal> total = new HashMap<>();
        Map<String, TreeSet<Long>> days = new HashMap<>();
        Map<String, Map<Long, BigDecimal>> byDay = new HashMap<>();
        for (int i = 0; i < x.ids.length; i++) {
            String id = x.ids[i];
            long day = Math.floorDiv(x.seconds[i], 86_400L);
            BigDecimal a = new BigDecimal(x.amounts[i]);
            total.merge(id, a, BigDecimal::add);
            days.computeIfAbsent(id, k -> new TreeSet<>()).add(day);
            byDay.computeIfAbsent(id, k -> new HashMap<>()).merge(day, a, BigDecimal::add);
        }
        assertEquals(total.size(), s.size());
        for (String id : total.keySet()) {
            int i = s.indexOf(id);
            assertTrue(i >= 0, id);
            int x1 = days.get(id).size() - 1;
            BigDecimal repeat = total.get(id).subtract(byDay.get(id).get(days.get(id).first()));
            assertEquals(x1, s.frequency()[i], id);
            assertEquals(total.get(id).doubleValue() + 0.0, s.totalValue()[i], id);
            assertEquals(x1 == 0 ? 0 : Math.max(0, repeat.doubleValue()) / x1, s.monetary()[i], id);
        }
    }

    private static void run(SplittableRandom r, int n) {
        boolean dense = r.nextInt(3) == 0;
        Rows x = new Rows(r, n, dense);
        Rows shuffled = x.permuted(Property.shuffledPermutation(r, n));
        List<Object> outcomes = new ArrayList<>();
        outcomes.add(outcome(() -> DAYS.summarize(x.columns())));
        outcomes.add(outcome(() -> DAYS.summarize(shuffled.columns())));
        outcomes.add(outcome(() -> DAYS.summarize(x.timeOrdered().columns())));
        outcomes.add(outcome(() -> split(shuffled, r)));
        Object fromObjects;
        try {
            fromObjects = outcome(() -> DAYS.summarize(objects(shuffled)));
        } catch (IllegalArgumentException e) {
            // A Transaction refuses a blank id or a non-finite amount itself.
            fromObjects = e;
        }
        outcomes.add(fromObjects);
        Object first = outcomes.get(0);
        for (Object o : outcomes) {
            if (first instanceof IllegalArgumentException || o instanceof IllegalArgumentException) {
                assertTrue(first instanceof IllegalArgumentException && o instanceof IllegalArgumentException,
                        first + " versus " + o);
            } else {
                assertEquals(first, o);
            }
        }
        if (x.bad) {
            assertTrue(first instanceof IllegalArgumentException, "a bad row was accepted");
        } else if (first instanceof CustomerSummaries) {
            matchesTheExactReference(x, (CustomerSummaries) first);
        } else {
            String m = ((IllegalArgumentException) first).getMessage();
            assertTrue(m.contains("largest double"), m);
        }
    }

    @Test
    void everyWayOfFeedingTheRowsGivesTheSameExactSummariesOrAnArgumentError() {
        Property.forAll("summaries of adversarial rows", 300, r -> run(r, Property.between(r, 1, 300)));
    }

    @Test
    void largeInputsAreOrderAndSplitInvariantToo() {
        Property.forAll("summaries of large adversarial inputs", 6, r -> run(r, Property.between(r, 5_000, 30_000)));
    }

    @Test
    void singleRowsAndEmptyInput() {
        for (double a : EDGE_AMOUNTS) {
            CustomerSummaries s = DAYS.summarize(TransactionColumns.ofEpochSeconds(new int[] {5}, new long[] {END},
                    new double[] {a}));
            assertEquals(a + 0.0, s.totalValue()[0]);
            assertEquals(0.0, s.monetary()[0]);
        }
        assertThrows(IllegalArgumentException.class, () -> DAYS.summarize(TransactionColumns.ofEpochSeconds(
                new int[0], new long[0], new double[0])));
        assertThrows(IllegalArgumentException.class, () -> DAYS.summarize(List.of()));
        if (DAYS.newAccumulator().snapshot().size() != 0) {
            fail("an empty accumulator has customers");
        }
    }
}
