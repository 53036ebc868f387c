package io.loyalty.privacy;

import io.loyalty.data.PeriodRule;
import io.loyalty.internal.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A differentially private cohort retention matrix. A customer's cohort is the period of their first transaction;
 * the cell (cohort, k) counts the customers of that cohort active in period {@code cohort + k}. Each customer
 * contributes to one cohort row and at most {@code maxOffsets} cells: offset 0 and the earliest
 * {@code maxOffsets - 1} later offsets they were active in (later activity is dropped, so choose
 * {@code maxOffsets} near the number of periods a typical customer is active). L1 sensitivity {@code maxOffsets},
 * L2 {@code sqrt(maxOffsets)}.
 *
 * <p>The periods are declared ({@code [from, to]}), never read off the data: a transaction outside them is an
 * error. At most {@value #MAX_PERIODS} periods. When {@code to} falls inside its period (before the period's last
 * second), the last cell of each cohort is incomplete and marked {@code *} ({@link DpTable#isIncomplete}), as in
 * the exact cohort matrices: a partial period would read as churn.
 *
 * @since 0.2
 */
public final class DpCohorts {
    /** The most periods a matrix may span (its cells grow as the square). */
    public static final int MAX_PERIODS = 1000;

    private DpCohorts() {
    }

    /**
     * The DP retention counts from transactions.
     *
     * @param customerIds one id per transaction
     * @param epochSeconds the time of each transaction
     * @param rule the period (e.g. {@link PeriodRule#months()})
     * @param from the start of the declared span
     * @param to the end of the declared span (inclusive)
     * @param maxOffsets the most cells one customer may count in, {@code >= 1}
     * @param cost the cost
     * @param budget the budget to draw from
     * @return rows = cohort labels, columns = offsets {@code offset_0, offset_1, ...}; null cells after the span's
     *     end; the last cell
     *     of each row incomplete when {@code to} falls inside its period
     */
    public static DpTable retention(String[] customerIds, long[] epochSeconds, PeriodRule rule, Instant from,
            Instant to, int maxOffsets, PrivacyCost cost, PrivacyBudget budget) {
        Checks.notNull(customerIds, "customerIds");
        Checks.notNull(epochSeconds, "epochSeconds");
        Checks.notNull(rule, "rule");
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        Checks.sameLength(customerIds.length, epochSeconds.length, "epochSeconds");
        long first = rule.index(from);
        long last = rule.index(to);
        Checks.require(last >= first, "to %s must not be before from %s", to, from);
        Checks.require(last - first < MAX_PERIODS, "from %s to %s spans %d periods, more than %d", from, to,
                last - first + 1, MAX_PERIODS);
        int n = customerIds.length;
        int[] customer = new int[n];
        int[] period = new int[n];
        Map<String, Integer> index = new HashMap<>();
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = customerIds[i];
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException(Checks.format("customerIds[%d] must not be null or blank", i));
            }
            long p = rule.index(epochSeconds[i], 0);
            if (!(p >= first && p <= last)) {
                throw new IllegalArgumentException(Checks.format("epochSeconds[%d] = %d lies outside the declared span %s to %s",
                        i, epochSeconds[i], from, to));
            }
            Integer c = index.get(id);
            if (c == null) {
                c = index.size();
                index.put(id, c);
                keys.add(BoundedTally.key(id));
            }
            customer[i] = c;
            period[i] = (int) (p - first);
        }
        List<String> labels = new ArrayList<>();
        for (long p = first; p <= last; p++) {
            labels.add(rule.label(p));
        }
        DpTable counts = release(customer, index.size(), period, labels, maxOffsets, cost, budget);
        return lastPeriodIncomplete(rule, to) ? counts.withLastPeriodIncomplete() : counts;
    }

    /**
     * Whether a span ending at {@code to} (inclusive) ends inside its period, before the period's last second:
     * the cells of that period cover only part of it. Second resolution, as the exact cohort matrices'.
     *
     * @param rule the period
     * @param to the end of the declared span, within the rule's range
     * @return true when the last period is incomplete
     * @throws IllegalArgumentException if an argument is null or {@code to} is outside the rule's range
     * @since 0.2
     */
    public static boolean lastPeriodIncomplete(PeriodRule rule, Instant to) {
        Checks.notNull(rule, "rule");
        Checks.notNull(to, "to");
        long last = rule.index(to);
        long second = to.getEpochSecond();
        return second < PeriodRule.MAX_SECOND && rule.index(second + 1, 0) == last;
    }

    /**
     * The DP retention counts from dense indexes, the fast path (no hashing of ids).
     *
     * @param customers the customer of each transaction, a dense index in [0, number of rows)
     * @param periods the period of each transaction, in [0, labels.size())
     * @param labels the declared periods' labels
     * @param maxOffsets the most cells one customer may count in, {@code >= 1}
     * @param cost the cost
     * @param budget the budget to draw from
     * @return rows = cohort labels, columns = offsets {@code offset_0, offset_1, ...}; null cells after the span's end (mark an incomplete last
     *     period with {@link DpTable#withLastPeriodIncomplete()})
     */
    public static DpTable retention(int[] customers, int[] periods, List<String> labels, int maxOffsets,
            PrivacyCost cost, PrivacyBudget budget) {
        Checks.notNull(customers, "customers");
        Checks.notNull(periods, "periods");
        Checks.notNull(labels, "labels");
        Checks.sameLength(customers.length, periods.length, "periods");
        Checks.require(!labels.isEmpty() && labels.size() <= MAX_PERIODS, "labels must have 1 to %d periods, got %d",
                MAX_PERIODS, labels.size());
        int customerCount = Tasks.checkRows(customers, periods, "periods", labels.size(), i -> { });
        return release(customers, customerCount, periods, labels, maxOffsets, cost, budget);
    }

    private static DpTable release(int[] customer, int customerCount, int[] period, List<String> labels,
            int maxOffsets, PrivacyCost cost, PrivacyBudget budget) {
        begin(maxOffsets, cost, budget);
        long[][] counts = counts(customer, customerCount, period, labels.size(), maxOffsets);
        return noised(counts, labels, maxOffsets, cost, budget.random());
    }

    /** Checks the release's arguments, then spends its cost (refused before any draw). */
    static void begin(int maxOffsets, PrivacyCost cost, PrivacyBudget budget) {
        Checks.require(maxOffsets >= 1, "maxOffsets must be >= 1, got %d", maxOffsets);
        Checks.notNull(cost, "cost");
        Checks.notNull(budget, "budget");
        budget.spend("cohort retention matrix, " + cost, cost);
    }

    /** The bounded, exact matrix: counts[cohort][offset]. */
    static long[][] counts(int[] customer, int customerCount, int[] period, int periods, int maxOffsets) {
        return periods <= 64 ? countsByMask(customer, customerCount, period, periods, maxOffsets)
                : countsBySorting(customer, customerCount, period, periods, maxOffsets);
    }

    /**
     * Up to 64 periods: one bit per active period per customer, set in a single pass; the cohort is the lowest bit
     * and the kept offsets the next lowest.
     */
    static long[][] countsByMask(int[] customer, int customerCount, int[] period, int periods, int maxOffsets) {
        int n = customer.length;
        // A few row chunks, each setting bits in its own masks (OR does not care how the rows were split; the
        // masks cost 8 bytes a customer each, so there are at most 4), then customer ranges counted into their own
        // matrices, added in order.
        int tasks = Tasks.count(n) == 1 ? 1 : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        int chunk = Tasks.chunk(n, tasks);
        long[][] masks = new long[tasks][];
        Tasks.run(tasks, t -> {
            long[] mask = new long[customerCount];
            for (int i = t * chunk, end = (int) Math.min(n, (long) i + chunk); i < end; i++) {
                mask[customer[i]] |= 1L << period[i];
            }
            masks[t] = mask;
        });
        int groups = Tasks.count(customerCount);
        int span = Tasks.chunk(customerCount, groups);
        long[][][] parts = new long[groups][][];
        Tasks.run(groups, g -> {
            long[][] counts = emptyCounts(periods);
            for (int c = g * span, end = (int) Math.min(customerCount, (long) c + span); c < end; c++) {
                long bits = 0;
                for (long[] mask : masks) {
                    bits |= mask[c];
                }
                if (bits == 0) {
                    continue;
                }
                int cohort = Long.numberOfTrailingZeros(bits);
                for (int kept = 0; kept < maxOffsets && bits != 0; kept++) {
                    counts[cohort][Long.numberOfTrailingZeros(bits) - cohort]++;
                    bits &= bits - 1;
                }
            }
            parts[g] = counts;
        });
        long[][] counts = parts[0];
        for (int g = 1; g < groups; g++) {
            for (int c = 0; c < periods; c++) {
                for (int k = 0; k < counts[c].length; k++) {
                    counts[c][k] += parts[g][c][k];
                }
            }
        }
        return counts;
    }

    /** Any number of periods: rows grouped by customer (a counting sort), each customer's periods sorted. */
    static long[][] countsBySorting(int[] customer, int customerCount, int[] period, int periods, int maxOffsets) {
        int n = customer.length;
        int[] start = new int[customerCount + 1];
        for (int c : customer) {
            start[c + 1]++;
        }
        for (int c = 0; c < customerCount; c++) {
            start[c + 1] += start[c];
        }
        int[] sorted = new int[n];
        int[] fill = Arrays.copyOf(start, customerCount);
        for (int i = 0; i < n; i++) {
            sorted[fill[customer[i]]++] = period[i];
        }
        long[][] counts = emptyCounts(periods);
        for (int c = 0; c < customerCount; c++) {
            int from = start[c];
            int to = start[c + 1];
            if (from == to) {
                continue;
            }
            Arrays.sort(sorted, from, to);
            countCustomer(counts, sorted, from, to, maxOffsets);
        }
        return counts;
    }

    /**
     * Counts one customer whose periods are {@code sorted[from, to)}, ascending, not empty: the cohort is the
     * first, and the first {@code maxOffsets} distinct periods are counted.
     */
    static void countCustomer(long[][] counts, int[] sorted, int from, int to, int maxOffsets) {
        int cohort = sorted[from];
        int kept = 0;
        int prev = -1;
        for (int j = from; j < to && kept < maxOffsets; j++) {
            if (sorted[j] != prev) {
                counts[cohort][sorted[j] - cohort]++;
                prev = sorted[j];
                kept++;
            }
        }
    }

    /** The empty matrix: counts[cohort][offset] for offsets up to the span's end. */
    static long[][] emptyCounts(int periods) {
        long[][] counts = new long[periods][];
        for (int c = 0; c < periods; c++) {
            counts[c] = new long[periods - c];
        }
        return counts;
    }

    static DpTable noised(long[][] counts, List<String> labels, int maxOffsets, PrivacyCost cost,
            RandomGenerator rng) {
        int periods = labels.size();
        Noise noise = Noise.calibrate(cost, maxOffsets, Math.sqrt(maxOffsets));
        NoisyValue[][] cells = new NoisyValue[periods][periods];
        List<String> columns = new ArrayList<>();
        for (int k = 0; k < periods; k++) {
            columns.add("offset_" + k);
        }
        for (int c = 0; c < periods; c++) {
            for (int k = 0; k < counts[c].length; k++) {
                cells[c][k] = noise.count(counts[c][k], rng, 1);
            }
        }
        return new DpTable(Checks.format("DP cohort retention counts, %s, max %d offsets per customer", cost,
                maxOffsets), labels, columns, cells);
    }

    /**
     * Retention shares from DP counts: cell / cohort size (offset 0), in percent, with a standard deviation that adds
     * the noise of both counts to the binomial sampling error (delta method). Post-processing: no budget is spent.
     *
     * @param counts a table from {@code retention}
     * @return the shares in [0, 100]; 100 at offset 0; 0 with interval [0, 100] when the noisy size is not positive;
     *     the incomplete cells of {@code counts} marked
     */
    public static DpTable shares(DpTable counts) {
        Checks.notNull(counts, "counts");
        int rows = counts.rows().size();
        int cols = counts.columns().size();
        NoisyValue[][] cells = new NoisyValue[rows][cols];
        for (int c = 0; c < rows; c++) {
            NoisyValue size = counts.get(c, 0);
            double s = size.value();
            for (int k = 0; k < cols; k++) {
                NoisyValue a = counts.get(c, k);
                if (a == null) {
                    continue;
                }
                if (!(s > 0)) {
                    cells[c][k] = new NoisyValue(0, 50, 0, 100);
                } else if (k == 0) {
                    cells[c][k] = new NoisyValue(100, 0, 100, 100);
                } else {
                    double r = Math.min(1, Math.max(0, a.value() / s));
                    double var = r * (1 - r) / s + (a.standardDeviation() * a.standardDeviation()
                            + r * r * size.standardDeviation() * size.standardDeviation()) / (s * s);
                    cells[c][k] = NoisyValue.normal(100 * r, 100 * Math.sqrt(var), 0, 100);
                }
            }
        }
        return new DpTable(counts.title().replace("counts", "shares %"), counts.rows(), counts.columns(), cells,
                counts.lastPeriodIncomplete());
    }
}
