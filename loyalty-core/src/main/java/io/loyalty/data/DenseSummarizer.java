package io.loyalty.data;

import io.loyalty.internal.Checks;
import io.loyalty.internal.ExactSum;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Summaries of transactions with dense int ids, in any row order: a counting sort by customer puts each customer's
 * rows next to each other (a counting pass and a scatter pass over the columns, no boxing, no object per
 * customer), then each customer is summarized from its own rows. Customers are split into ranges of ids that are
 * summarized on the common fork-join pool. A summary depends only on the customer's rows as a set (exact sums,
 * minima, maxima, distinct periods), so the result is the same bit for bit for every row order, every split of the
 * input and every number of threads.
 *
 * <p>Memory follows the rows, not the ids' values: ids spread wider than {@code 2 * rows + 1024} get slots by
 * rank.
 */
final class DenseSummarizer {
    /** The most rows summarized here: twice as many longs must fit in an array. */
    static final int MAX_ROWS = (Integer.MAX_VALUE - 8) / 2;
    /** Below this many rows one thread does everything: forking would cost more than it saves. */
    static final int PARALLEL_ROWS = 1 << 16;
    /** Rows per chunk of the checking pass. */
    private static final int CHECK_CHUNK = 1 << 16;
    /** A customer whose periods span fewer than this many is de-duplicated with a bit set, others by sorting. */
    private static final int BITSET_SPAN = 1 << 12;

    private DenseSummarizer() {
    }

    /**
     * The summaries of dense columns (not empty, at most {@link #MAX_ROWS} rows), or the row check's exception for
     * the first bad row.
     */
    static CustomerSummaries summarize(Summarizer config, TransactionColumns columns) {
        int n = columns.size();
        return summarize(config, columns, n < PARALLEL_ROWS ? 1 : Runtime.getRuntime().availableProcessors());
    }

    /**
     * {@link #summarize(Summarizer, TransactionColumns)} with the customers split into (at most) {@code tasks}
     * ranges of ids, run in parallel when there are several; the result does not depend on {@code tasks}.
     */
    static CustomerSummaries summarize(Summarizer config, TransactionColumns columns, int tasks) {
        int n = columns.size();
        int[] ids = columns.denseIdColumn();
        int maxId = check(config, columns, n);
        int[] slotOfRow = null;
        int[] idOfSlot = null;
        int slots;
        // Slots by value need maxId + 2 ints (the counts); an id near Integer.MAX_VALUE gets its slot by rank.
        if ((long) maxId + 1 <= 2L * n + 1024 && maxId < Integer.MAX_VALUE - 8) {
            slots = maxId + 1;
        } else {
            idOfSlot = distinct(ids);
            slots = idOfSlot.length;
            int[] rank = new int[n];
            int[] sorted = idOfSlot;
            forEachChunk(n, (from, to) -> {
                for (int row = from; row < to; row++) {
                    rank[row] = Arrays.binarySearch(sorted, ids[row]);
                }
            });
            slotOfRow = rank;
        }
        int[] slotColumn = slotOfRow == null ? ids : slotOfRow;
        int ranges = Math.max(1, Math.min(slots, tasks));
        int[] bound = new int[ranges + 1];
        for (int t = 0; t <= ranges; t++) {
            bound[t] = (int) ((long) slots * t / ranges);
        }
        // next[s + 1] counts slot s's rows, then next[s] becomes its first position, then (after the scatter) its
        // end: slot s's rows are at [s == 0 ? 0 : next[s - 1], next[s]).
        int[] next = new int[slots + 1];
        run(ranges, t -> {
            int a = bound[t];
            int b = bound[t + 1];
            for (int row = 0; row < n; row++) {
                int s = slotColumn[row];
                if (s >= a && s < b) {
                    next[s + 1]++;
                }
            }
        });
        int[] firstOut = new int[ranges + 1];
        int customers = 0;
        for (int s = 0, t = 0; s < slots; s++) {
            while (t < ranges && bound[t] == s) {
                firstOut[t++] = customers;
            }
            if (next[s + 1] != 0) {
                customers++;
            }
            next[s + 1] += next[s];
        }
        firstOut[ranges] = customers;
        boolean byDay = columns.byDay();
        int[] days = byDay ? columns.epochDayColumn() : null;
        long[] seconds = byDay ? null : columns.epochSecondColumn();
        double[] amounts = columns.amountColumn();
        // Time and amount side by side: the scatter writes one cache line a row, not two.
        long[] grouped = new long[2 * n];
        run(ranges, t -> {
            int a = bound[t];
            int b = bound[t + 1];
            for (int row = 0; row < n; row++) {
                int s = slotColumn[row];
                if (s >= a && s < b) {
                    int p = 2 * next[s]++;
                    grouped[p] = byDay ? days[row] : seconds[row];
                    grouped[p + 1] = Double.doubleToRawLongBits(amounts[row]);
                }
            }
        });
        CustomerSummaries out = CustomerSummaries.ofSize(config.rule(), config.observationEnd(), customers);
        IllegalArgumentException[] failure = new IllegalArgumentException[ranges];
        int[] slotIds = idOfSlot;
        run(ranges, t -> {
            Customers pass = new Customers(config, byDay, grouped, out);
            int k = firstOut[t];
            try {
                for (int s = bound[t]; s < bound[t + 1]; s++) {
                    int from = s == 0 ? 0 : next[s - 1];
                    if (from < next[s]) {
                        pass.summarize(k++, slotIds == null ? s : slotIds[s], from, next[s]);
                    }
                }
            } catch (IllegalArgumentException e) {
                // Tasks cover increasing ids and stop at their first failure: the first task's is the lowest id's.
                failure[t] = e;
            }
        });
        for (IllegalArgumentException e : failure) {
            if (e != null) {
                throw e;
            }
        }
        return out;
    }

    /**
     * Checks every row (in parallel chunks) and returns the largest id; throws for the first row with a negative
     * id, else for the first row that fails the row checks, as a single pass in row order would.
     */
    static int check(Summarizer config, TransactionColumns columns, int n) {
        int[] ids = columns.denseIdColumn();
        boolean byDay = columns.byDay();
        int[] days = byDay ? columns.epochDayColumn() : null;
        long[] seconds = byDay ? null : columns.epochSecondColumn();
        double[] amounts = columns.amountColumn();
        int chunks = (n + CHECK_CHUNK - 1) / CHECK_CHUNK;
        int[] maxId = new int[chunks];
        int[] negative = new int[chunks];
        int[] bad = new int[chunks];
        forEachChunk(n, (from, to) -> {
            int c = from / CHECK_CHUNK;
            int max = -1;
            int firstNegative = -1;
            int firstBad = -1;
            for (int row = from; row < to; row++) {
                int id = ids[row];
                if (id > max) {
                    max = id;
                } else if (id < 0 && firstNegative < 0) {
                    firstNegative = row;
                }
                if (firstBad < 0 && !config.acceptsDenseRow(byDay, byDay ? days[row] : seconds[row], amounts[row])) {
                    firstBad = row;
                }
            }
            maxId[c] = max;
            negative[c] = firstNegative;
            bad[c] = firstBad;
        });
        for (int c = 0; c < chunks; c++) {
            if (negative[c] >= 0) {
                int row = negative[c];
                throw new IllegalArgumentException(Checks.format(
                        "customerIds at row %d is negative (%d): dense ids must be >= 0", row, ids[row]));
            }
        }
        for (int c = 0; c < chunks; c++) {
            if (bad[c] >= 0) {
                int row = bad[c];
                config.checkColumnRow(columns, row, columns.epochSecond(row), columns.amount(row));
            }
        }
        int max = -1;
        for (int m : maxId) {
            max = Math.max(max, m);
        }
        return max;
    }

    /** The distinct ids, in increasing order. */
    private static int[] distinct(int[] ids) {
        int[] sorted = ids.clone();
        Arrays.parallelSort(sorted);
        int k = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (k == 0 || sorted[i] != sorted[k - 1]) {
                sorted[k++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, k);
    }

    /** Runs {@code action} on the row chunks of the checking pass, in parallel when the rows pay for it. */
    private static void forEachChunk(int n, RowRange action) {
        int chunks = (n + CHECK_CHUNK - 1) / CHECK_CHUNK;
        run(n < PARALLEL_ROWS ? 1 : chunks, c -> {
            int from = c * CHECK_CHUNK;
            int to = (int) Math.min(n, (long) from + (n < PARALLEL_ROWS ? n : CHECK_CHUNK));
            action.run(from, to);
        });
    }

    /** Runs tasks {@code 0..tasks-1}: on the calling thread when there is one, else on the common pool. */
    private static void run(int tasks, Task task) {
        if (tasks == 1) {
            task.run(0);
        } else {
            IntStream.range(0, tasks).parallel().forEach(task::run);
        }
    }

    /** A numbered task. */
    @FunctionalInterface
    private interface Task {
        void run(int t);
    }

    /** Work on rows {@code [from, to)}. */
    @FunctionalInterface
    private interface RowRange {
        void run(int from, int to);
    }

    /** Summarizes customers from their grouped rows; one per task, reusing its scratch space. */
    private static final class Customers {
        private static final int FIRST = 0;
        private static final int REST = 2;
        private final PeriodRule rule;
        private final boolean byDay;
        /** Each row's time and amount's bits, side by side, grouped by customer. */
        private final long[] rows;
        private final CustomerSummaries out;
        private final long endPeriod;
        /** Two exact sums of money ({@link ExactMoney}): the first period's purchases, then everything else. */
        private final long[] money = new long[4];
        private final long[] seen = new long[BITSET_SPAN / 64];
        private long[] periods = new long[64];
        private ExactSum firstSpill;
        private ExactSum restSpill;

        Customers(Summarizer config, boolean byDay, long[] rows, CustomerSummaries out) {
            this.rule = config.rule();
            this.byDay = byDay;
            this.rows = rows;
            this.out = out;
            this.endPeriod = rule.index(config.observationEnd());
        }

        /** Summarizes customer {@code id}, whose rows are {@code [from, to)}, into output row {@code k}. */
        void summarize(int k, int id, int from, int to) {
            if (periods.length < to - from) {
                periods = new long[Math.max(to - from, 2 * periods.length)];
            }
            long minPeriod = Long.MAX_VALUE;
            long maxPeriod = Long.MIN_VALUE;
            long minTime = Long.MAX_VALUE;
            long maxTime = Long.MIN_VALUE;
            int purchases = 0;
            for (int r = from; r < to; r++) {
                if (amount(r) < 0) {
                    continue;
                }
                long when = time(r);
                long period = byDay ? rule.dayIndex(when) : rule.index(when, 0);
                periods[r - from] = period;
                minPeriod = Math.min(minPeriod, period);
                maxPeriod = Math.max(maxPeriod, period);
                minTime = Math.min(minTime, when);
                maxTime = Math.max(maxTime, when);
                purchases++;
            }
            Arrays.fill(money, 0);
            firstSpill = null;
            restSpill = null;
            for (int r = from; r < to; r++) {
                double a = amount(r);
                add(a >= 0 && periods[r - from] == minPeriod ? FIRST : REST, a);
            }
            int distinct = purchases == 0 ? 0 : distinctPeriods(from, to, purchases, minPeriod, maxPeriod);
            long scale = byDay ? 86_400L : 1L;
            out.set(k, Integer.toString(id), endPeriod, distinct, minPeriod, maxPeriod,
                    ExactMoney.value(money, REST, restSpill),
                    ExactMoney.value(money, FIRST, firstSpill, REST, restSpill), purchases,
                    minTime * scale, 0, maxTime * scale, 0);
        }

        /** The number of distinct periods among the customer's purchases (at least one). */
        private int distinctPeriods(int from, int to, int purchases, long minPeriod, long maxPeriod) {
            if (purchases == 1 || minPeriod == maxPeriod) {
                return 1;
            }
            if (maxPeriod - minPeriod < BITSET_SPAN) {
                for (int r = from; r < to; r++) {
                    if (amount(r) >= 0) {
                        int bit = (int) (periods[r - from] - minPeriod);
                        seen[bit >>> 6] |= 1L << bit;
                    }
                }
                int count = 0;
                int words = (int) ((maxPeriod - minPeriod) >>> 6) + 1;
                for (int w = 0; w < words; w++) {
                    count += Long.bitCount(seen[w]);
                    seen[w] = 0;
                }
                return count;
            }
            int m = 0;
            for (int r = from; r < to; r++) {
                if (amount(r) >= 0) {
                    periods[m++] = periods[r - from];
                }
            }
            Arrays.sort(periods, 0, m);
            int count = 1;
            for (int i = 1; i < m; i++) {
                if (periods[i] != periods[i - 1]) {
                    count++;
                }
            }
            return count;
        }

        private long time(int r) {
            return rows[2 * r];
        }

        private double amount(int r) {
            return Double.longBitsToDouble(rows[2 * r + 1]);
        }

        private void add(int sum, double a) {
            if (!ExactMoney.add(money, sum, a)) {
                if (sum == FIRST) {
                    if (firstSpill == null) {
                        firstSpill = new ExactSum();
                    }
                    firstSpill.add(a);
                } else {
                    if (restSpill == null) {
                        restSpill = new ExactSum();
                    }
                    restSpill.add(a);
                }
            }
        }
    }
}
