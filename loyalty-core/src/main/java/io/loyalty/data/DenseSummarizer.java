package io.loyalty.data;

/**
 * The fast path for dense int ids when each customer's rows come in time order (as in a time-ordered log): the
 * whole state of a customer sits in one 64-byte stride of a single {@code long[]}, so a row costs one cache line
 * and no allocation. A row older than its customer's last period ends the fast path, as does an amount that the
 * stride's exact sums cannot hold ({@link ExactMoney}) or a time more than 136 years before the observation end;
 * the caller then falls back to the general, order-free path, which gives the same summaries.
 */
final class DenseSummarizer {
    private static final int STRIDE = 8;
    /** The most customers a stride array holds (its length must stay an int). */
    static final int MAX_SLOTS = Integer.MAX_VALUE / STRIDE - 1;
    // The fields a repeat purchase touches come first: with the usual 16-byte array header they share one cache
    // line (a stride starts 16 bytes into a line), the first period's fields spill into the next.
    private static final int LAST_PERIOD = 0;
    /** Distinct periods in bits 0-31, purchase rows in bits 32-62, bit 63 set once a return was seen. */
    private static final int COUNTS = 1;
    /**
     * The first and last purchase times as seconds back from the observation end (plus a day): the first (the
     * largest) in the high 32 bits, the last in the low 32 bits.
     */
    private static final int SECONDS = 2;
    /** The exact sum of the later purchases and of every return (two doubles' bits, see {@link ExactMoney}). */
    private static final int REST = 3;
    private static final int FIRST_PERIOD = 5;
    /** The exact sum of the first period's purchases (two doubles' bits). */
    private static final int FIRST = 6;
    private static final long ONE_PURCHASE = 1L << 32;
    private static final long RETURNED = Long.MIN_VALUE;
    private static final long LOW_32 = 0xFFFF_FFFFL;

    private DenseSummarizer() {
    }

    /**
     * The summaries, or null when the fast path does not apply (see the class comment).
     *
     * @param slotOfRow the slot of each row, or null when a row's slot is its dense id
     * @param idOfSlot the dense id of each slot, or null when a slot is its dense id
     * @param slots the number of slots
     */
    static CustomerSummaries summarizeTimeOrdered(Summarizer config, TransactionColumns columns, int[] slotOfRow,
            int[] idOfSlot, int slots) {
        if (slots > MAX_SLOTS) {
            return null;
        }
        PeriodRule rule = config.rule();
        boolean byDay = columns.byDay();
        // A day row's second is its midnight UTC, up to a day after the observation end's instant.
        long base = config.observationEnd().getEpochSecond() + 86_400L;
        long[] s = new long[slots * STRIDE];
        int n = columns.size();
        for (int row = 0; row < n; row++) {
            int at = (slotOfRow == null ? columns.denseId(row) : slotOfRow[row]) * STRIDE;
            long second = columns.epochSecond(row);
            double amount = columns.amount(row);
            config.checkDenseRow(columns, row, second, amount);
            if (amount < 0) {
                if (!ExactMoney.add(s, at + REST, amount)) {
                    return null;
                }
                s[at + COUNTS] |= RETURNED;
                continue;
            }
            long back = base - second;
            if ((back >>> 32) != 0) {
                return null;
            }
            long period = byDay ? rule.dayIndex(columns.epochDay(row)) : rule.index(second, 0);
            long counts = s[at + COUNTS];
            if ((int) counts == 0) {
                s[at + FIRST_PERIOD] = period;
                s[at + LAST_PERIOD] = period;
                s[at + SECONDS] = (back << 32) | back;
                s[at + COUNTS] = counts + ONE_PURCHASE + 1;
                if (!ExactMoney.add(s, at + FIRST, amount)) {
                    return null;
                }
                continue;
            }
            long last = s[at + LAST_PERIOD];
            int into;
            if (period > last) {
                s[at + LAST_PERIOD] = period;
                s[at + COUNTS] = counts + ONE_PURCHASE + 1;
                into = REST;
            } else if (period == last) {
                s[at + COUNTS] = counts + ONE_PURCHASE;
                into = (int) counts == 1 ? FIRST : REST;
            } else {
                return null;
            }
            if (!ExactMoney.add(s, at + into, amount)) {
                return null;
            }
            long times = s[at + SECONDS];
            s[at + SECONDS] = (Math.max(times >>> 32, back) << 32) | Math.min(times & LOW_32, back);
        }
        int customers = 0;
        for (int at = 0; at < s.length; at += STRIDE) {
            if (s[at + COUNTS] != 0) {
                customers++;
            }
        }
        CustomerSummaries out = CustomerSummaries.ofSize(rule, config.observationEnd(), customers);
        long endPeriod = rule.index(config.observationEnd());
        for (int slot = 0, k = 0; slot < slots; slot++) {
            int at = slot * STRIDE;
            long counts = s[at + COUNTS];
            if (counts != 0) {
                long times = s[at + SECONDS];
                int id = idOfSlot == null ? slot : idOfSlot[slot];
                out.set(k++, Integer.toString(id), endPeriod, (int) counts, s[at + FIRST_PERIOD],
                        s[at + LAST_PERIOD], ExactMoney.value(s, at + REST),
                        ExactMoney.value(s, at + FIRST, null, at + REST, null), (int) ((counts & ~RETURNED) >>> 32),
                        base - (times >>> 32), 0, base - (times & LOW_32), 0);
            }
        }
        return out;
    }
}
