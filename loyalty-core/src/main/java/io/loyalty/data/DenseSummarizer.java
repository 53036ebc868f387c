package io.loyalty.data;

/**
 * The fast path for dense int ids when each customer's rows come in time order (as in a time-ordered log): the
 * whole state of a customer sits in one 64-byte stride of a single {@code long[]}, so a row costs one cache line
 * and no allocation. A row older than its customer's last period ends the fast path; the caller then falls back
 * to the general, order-free path.
 */
final class DenseSummarizer {
    private static final int STRIDE = 8;
    private static final int LAST_PERIOD = 0;
    private static final int FIRST_PERIOD = 1;
    /** Distinct periods in the low 32 bits, purchase rows in the high 32 bits. */
    private static final int COUNTS = 2;
    private static final int FIRST_VALUE = 3;
    private static final int VALUE = 4;
    private static final int RETURNS = 5;
    private static final int FIRST_SECOND = 6;
    private static final int LAST_SECOND = 7;
    private static final long ONE_PURCHASE = 1L << 32;

    private DenseSummarizer() {
    }

    /** The summaries, or null when some customer's rows are not in time order. */
    static CustomerSummaries summarizeTimeOrdered(Summarizer config, TransactionColumns columns, int maxId) {
        PeriodRule rule = config.rule();
        boolean byDay = columns.byDay();
        long[] s = new long[Math.multiplyExact(maxId + 1, STRIDE)];
        int n = columns.size();
        for (int row = 0; row < n; row++) {
            int base = columns.denseId(row) * STRIDE;
            long second = columns.epochSecond(row);
            double amount = columns.amount(row);
            config.checkDenseRow(columns, row, second, amount);
            if (amount < 0) {
                s[base + RETURNS] = bits(value(s[base + RETURNS]) + amount);
                continue;
            }
            long period = byDay ? rule.indexOfEpochDay(columns.epochDay(row)) : rule.index(second, 0);
            long counts = s[base + COUNTS];
            if ((int) counts == 0) {
                s[base + FIRST_PERIOD] = period;
                s[base + LAST_PERIOD] = period;
                s[base + FIRST_VALUE] = bits(amount);
                s[base + FIRST_SECOND] = second;
                s[base + LAST_SECOND] = second;
                s[base + COUNTS] = counts + ONE_PURCHASE + 1;
            } else {
                long last = s[base + LAST_PERIOD];
                if (period > last) {
                    s[base + LAST_PERIOD] = period;
                    s[base + COUNTS] = counts + ONE_PURCHASE + 1;
                } else if (period == last) {
                    if ((int) counts == 1) {
                        s[base + FIRST_VALUE] = bits(value(s[base + FIRST_VALUE]) + amount);
                    }
                    s[base + COUNTS] = counts + ONE_PURCHASE;
                } else {
                    return null;
                }
                if (second < s[base + FIRST_SECOND]) {
                    s[base + FIRST_SECOND] = second;
                }
                if (second > s[base + LAST_SECOND]) {
                    s[base + LAST_SECOND] = second;
                }
            }
            s[base + VALUE] = bits(value(s[base + VALUE]) + amount);
        }
        int customers = 0;
        for (int base = 0; base < s.length; base += STRIDE) {
            if (seen(s, base)) {
                customers++;
            }
        }
        CustomerSummaries out = CustomerSummaries.ofSize(rule, config.observationEnd(), customers);
        long endPeriod = rule.index(config.observationEnd());
        for (int id = 0, k = 0; id <= maxId; id++) {
            int base = id * STRIDE;
            if (seen(s, base)) {
                long counts = s[base + COUNTS];
                out.set(k++, Integer.toString(id), endPeriod, (int) counts, s[base + FIRST_PERIOD],
                        s[base + LAST_PERIOD], value(s[base + FIRST_VALUE]), value(s[base + VALUE]),
                        value(s[base + RETURNS]), (int) (counts >>> 32), s[base + FIRST_SECOND], 0,
                        s[base + LAST_SECOND], 0);
            }
        }
        return out;
    }

    private static boolean seen(long[] s, int base) {
        return s[base + COUNTS] != 0 || s[base + RETURNS] != 0;
    }

    private static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }

    private static double value(long bits) {
        return Double.longBitsToDouble(bits);
    }
}
