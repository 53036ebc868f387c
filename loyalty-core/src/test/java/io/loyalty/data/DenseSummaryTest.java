package io.loyalty.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.testkit.Property;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: dense columns are grouped by customer with a counting sort and summarized on several threads. Inputs
 * large enough to take the parallel path (more than {@link DenseSummarizer#PARALLEL_ROWS} rows) give the same
 * summaries to the bit in random order, in time order, shuffled, split across accumulators and combined, for every
 * number of tasks, as the independent string-id path; ids too sparse for slots by value get slots by rank.
 */
class DenseSummaryTest {
    private static final int FIRST_DAY = (int) LocalDate.of(2020, 1, 1).toEpochDay();
    private static final LocalDate END = LocalDate.of(2021, 12, 31);
    private static final Summarizer DAYS = Summarizer.of(PeriodRule.days(), END);
    private static final int[] TASKS = {1, 2, 3, 7};

    /** Rows shaped like the peer's file: skewed dense ids, two years of days in random order, cents. */
    private static final class Rows {
        final int[] ids;
        final int[] days;
        final double[] amounts;

        Rows(int[] ids, int[] days, double[] amounts) {
            this.ids = ids;
            this.days = days;
            this.amounts = amounts;
        }

        static Rows peerShaped(SplittableRandom r, int n, int customers) {
            double[] cumulative = new double[customers];
            double total = 0;
            for (int c = 0; c < customers; c++) {
                total += Math.exp(r.nextGaussian());
                cumulative[c] = total;
            }
            int[] ids = new int[n];
            int[] days = new int[n];
            double[] amounts = new double[n];
            for (int i = 0; i < n; i++) {
                int at = Arrays.binarySearch(cumulative, r.nextDouble() * total);
                ids[i] = Math.min(customers - 1, at < 0 ? -at - 1 : at);
                days[i] = FIRST_DAY + r.nextInt(731);
                int kind = r.nextInt(50);
                // Mostly cents; now and then amounts that the two-double sums cannot hold, so sums spill.
                amounts[i] = kind == 0 ? 1e16 : kind == 1 ? Double.MIN_VALUE : kind == 2 ? 0.0
                        : Math.round(-20 * (Math.log(1 - r.nextDouble()) + Math.log(1 - r.nextDouble())) * 100)
                        / 100.0;
            }
            return new Rows(ids, days, amounts);
        }

        Rows permuted(int[] p) {
            int[] i2 = new int[p.length];
            int[] d2 = new int[p.length];
            double[] a2 = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                i2[i] = ids[p[i]];
                d2[i] = days[p[i]];
                a2[i] = amounts[p[i]];
            }
            return new Rows(i2, d2, a2);
        }

        Rows timeOrdered() {
            Integer[] order = new Integer[ids.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(days[a], days[b]));
            return permuted(Arrays.stream(order).mapToInt(Integer::intValue).toArray());
        }

        TransactionColumns columns() {
            return TransactionColumns.ofEpochDays(ids, days, amounts);
        }

        /** Times as seconds within the rows' days; ids as strings (the hashed path) or dense. */
        TransactionColumns seconds(boolean text) {
            long[] s = new long[days.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = days[i] * 86_400L + 3_600L * (ids[i] % 24) + i % 60;
            }
            return text ? TransactionColumns.ofEpochSeconds(strings(), s, amounts)
                    : TransactionColumns.ofEpochSeconds(ids, s, amounts);
        }

        private String[] strings() {
            String[] text = new String[ids.length];
            for (int i = 0; i < text.length; i++) {
                text[i] = Integer.toString(ids[i]);
            }
            return text;
        }

        /** The same rows with string ids: the hashed, per-customer-object path, independent of the dense one. */
        TransactionColumns asStrings() {
            return TransactionColumns.ofEpochDays(strings(), days, amounts);
        }
    }

    private static CustomerSummaries split(Summarizer s, Rows x, SplittableRandom r) {
        int parts = Property.between(r, 2, 4);
        SummaryAccumulator[] accs = new SummaryAccumulator[parts];
        for (int k = 0; k < parts; k++) {
            accs[k] = s.newAccumulator();
        }
        for (int i = 0; i < x.ids.length; i++) {
            accs[r.nextInt(parts)].add(Integer.toString(x.ids[i]),
                    LocalDate.ofEpochDay(x.days[i]).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                    x.amounts[i]);
        }
        for (int k = 1; k < parts; k++) {
            accs[0].combine(accs[k]);
        }
        return accs[0].snapshot();
    }

    /** The summaries of every task count, checked equal to each other, to the bit. */
    private static CustomerSummaries everyTaskCount(Summarizer s, TransactionColumns columns) {
        CustomerSummaries one = DenseSummarizer.summarize(s, columns, 1);
        for (int tasks : TASKS) {
            assertEquals(one, DenseSummarizer.summarize(s, columns, tasks), tasks + " tasks");
        }
        assertEquals(one, s.summarize(columns));
        return one;
    }

    @Test
    void randomOrderEqualsTimeOrderShuffledSplitAndStringIdsToTheBit() {
        Property.forAll("peer-shaped dense columns in every order", 3, r -> {
            int n = Property.between(r, DenseSummarizer.PARALLEL_ROWS, 3 * DenseSummarizer.PARALLEL_ROWS);
            Rows x = Rows.peerShaped(r, n, Property.between(r, 1_000, 40_000));
            CustomerSummaries random = everyTaskCount(DAYS, x.columns());
            assertEquals(random, everyTaskCount(DAYS, x.timeOrdered().columns()));
            assertEquals(random, everyTaskCount(DAYS, x.permuted(Property.shuffledPermutation(r, n)).columns()));
            assertEquals(random, DAYS.summarize(x.asStrings()));
            assertEquals(random, split(DAYS, x, r));
            Summarizer weeks = Summarizer.of(PeriodRule.days().withUnit(7), END);
            assertEquals(weeks.summarize(x.seconds(true)), everyTaskCount(weeks, x.seconds(false)));
        });
    }

    @Test
    void returnsAreNettedTheSameWayWhateverTheOrderAndTasks() {
        Property.forAll("returns netted in dense columns", 2, r -> {
            int n = Property.between(r, DenseSummarizer.PARALLEL_ROWS, 2 * DenseSummarizer.PARALLEL_ROWS);
            Rows x = Rows.peerShaped(r, n, 5_000);
            // Every customer's first row stays a purchase, so that nobody has returns only.
            boolean[] seen = new boolean[5_000];
            for (int i = 0; i < n; i++) {
                if (seen[x.ids[i]] && r.nextInt(8) == 0) {
                    x.amounts[i] = -x.amounts[i] - 0.01;
                }
                seen[x.ids[i]] = true;
            }
            Summarizer net = DAYS.withReturnsNetted();
            CustomerSummaries random = everyTaskCount(net, x.columns());
            assertEquals(random, everyTaskCount(net, x.permuted(Property.shuffledPermutation(r, n)).columns()));
            assertEquals(random, net.summarize(x.asStrings()));
        });
    }

    @Test
    void idsSpreadWiderThanTheRowsGetSlotsByRankInParallelToo() {
        SplittableRandom r = new SplittableRandom(17);
        int n = 2 * DenseSummarizer.PARALLEL_ROWS;
        Rows x = Rows.peerShaped(r, n, 3_000);
        for (int i = 0; i < n; i++) {
            // A slot per id value would need 2^31 ints; by rank it needs one per distinct id.
            x.ids[i] = x.ids[i] % 2 == 0 ? Integer.MAX_VALUE - x.ids[i] : x.ids[i] * 700_000;
        }
        CustomerSummaries s = everyTaskCount(DAYS, x.columns());
        assertEquals(DAYS.summarize(x.asStrings()), s);
        assertEquals(Integer.toString(Integer.MAX_VALUE), s.id(s.size() - 1));
    }

    @Test
    void customersWhosePeriodsSpanMoreThanTheBitSetCountDistinctPeriodsBySorting() {
        SplittableRandom r = new SplittableRandom(23);
        int n = DenseSummarizer.PARALLEL_ROWS + 1_000;
        Rows x = Rows.peerShaped(r, n, 200);
        for (int i = 0; i < n; i++) {
            // Customers 0-99 over 40 years of days (far more than 4,096 periods), the rest over two years.
            if (x.ids[i] < 100) {
                x.days[i] = FIRST_DAY - r.nextInt(40 * 366);
            }
        }
        x.days[0] = FIRST_DAY - 4_095;
        x.ids[0] = 150;
        CustomerSummaries s = everyTaskCount(DAYS, x.columns());
        assertEquals(DAYS.summarize(x.asStrings()), s);
        assertEquals(s, everyTaskCount(DAYS, x.timeOrdered().columns()));
    }

    @Test
    void theFirstBadRowIsNamedWhateverTheTasks() {
        SplittableRandom r = new SplittableRandom(29);
        int n = 3 * DenseSummarizer.PARALLEL_ROWS;
        Rows x = Rows.peerShaped(r, n, 10_000);
        int late = (int) END.toEpochDay() + 1;
        x.days[n - 10] = late;
        x.amounts[2 * DenseSummarizer.PARALLEL_ROWS + 5] = Double.NaN;
        for (int tasks : TASKS) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DenseSummarizer.summarize(DAYS, x.columns(), tasks));
            assertTrue(e.getMessage().startsWith("amount at row " + (2 * DenseSummarizer.PARALLEL_ROWS + 5)),
                    e.getMessage());
        }
        // A negative id anywhere is named before any other bad row, as a single pass over the ids would.
        x.ids[n - 1] = -3;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DAYS.summarize(x.columns()));
        assertEquals("customerIds at row " + (n - 1) + " is negative (-3): dense ids must be >= 0", e.getMessage());
    }

    @Test
    void theLowestCustomerWithReturnsOnlyIsNamedWhateverTheTasks() {
        SplittableRandom r = new SplittableRandom(31);
        int n = 2 * DenseSummarizer.PARALLEL_ROWS;
        Rows x = Rows.peerShaped(r, n, 10_000);
        for (int i = 0; i < n; i++) {
            if (x.ids[i] == 9_000 || x.ids[i] == 7_000) {
                x.amounts[i] = -1;
            }
        }
        Summarizer net = DAYS.withReturnsNetted();
        for (int tasks : TASKS) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DenseSummarizer.summarize(net, x.columns(), tasks));
            assertEquals("customer '7000' has returns but no purchase", e.getMessage());
        }
    }
}
