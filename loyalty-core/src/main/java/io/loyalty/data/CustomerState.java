package io.loyalty.data;

import io.loyalty.internal.ExactSum;
import java.util.Arrays;

/**
 * The mergeable per-customer state behind a summary: the sorted distinct purchase periods, the exact value of
 * the first period and of the rest (later purchases and returns), counts and the exact first and last purchase
 * times. The sums are exact, so the summary does not depend on the order of the rows or on how they were split.
 * Memory grows with the customer's distinct periods, never with same-period rows.
 */
final class CustomerState {
    /** The first period's purchases in {@code money[FIRST..FIRST + 1]}. */
    static final int FIRST = 0;
    /** Everything else (later periods' purchases and all returns) in {@code money[REST..REST + 1]}. */
    static final int REST = 2;

    long[] periods = new long[4];
    int periodCount;
    /** Two exact sums of money ({@link ExactMoney}); terms they refuse go to the spills below. */
    final long[] money = new long[4];
    ExactSum firstSpill;
    ExactSum restSpill;
    int purchases;
    int returns;
    long firstSecond = Long.MAX_VALUE;
    int firstNano;
    long lastSecond = Long.MIN_VALUE;
    int lastNano;

    void addPurchase(long period, long second, int nano, double amount) {
        int n = periodCount;
        int into = REST;
        if (n == 0) {
            periods[0] = period;
            periodCount = 1;
            into = FIRST;
        } else if (period > periods[n - 1]) {
            // Time-ordered input takes this branch: an append, no search.
            append(period);
        } else if (period == periods[n - 1]) {
            into = n == 1 ? FIRST : REST;
        } else {
            int at = Arrays.binarySearch(periods, 0, n, period);
            if (at == 0) {
                into = FIRST;
            } else if (at < 0) {
                int insert = -at - 1;
                insertAt(insert, period);
                if (insert == 0) {
                    // A new first period: the old one's value becomes repeat value.
                    firstToRest();
                    into = FIRST;
                }
            }
        }
        add(into, amount);
        purchases++;
        if (second < firstSecond || (second == firstSecond && nano < firstNano)) {
            firstSecond = second;
            firstNano = nano;
        }
        if (second > lastSecond || (second == lastSecond && nano > lastNano)) {
            lastSecond = second;
            lastNano = nano;
        }
    }

    void addReturn(double amount) {
        add(REST, amount);
        returns++;
    }

    /** The value of the later periods' purchases net of returns, rounded once. */
    double repeatValue() {
        return ExactMoney.value(money, REST, restSpill);
    }

    /** The value of every purchase net of returns, rounded once. */
    double totalValue() {
        return ExactMoney.value(money, FIRST, firstSpill, REST, restSpill);
    }

    private void add(int slot, double amount) {
        if (!ExactMoney.add(money, slot, amount)) {
            spill(slot).add(amount);
        }
    }

    /** Adds another state's sum (its {@code money[from]} and spill) to this one's sum {@code slot}. */
    private void add(int slot, long[] otherMoney, int from, ExactSum otherSpill) {
        if (!ExactMoney.add(money, slot, otherMoney, from)) {
            ExactMoney.addTo(spill(slot), otherMoney, from);
        }
        if (otherSpill != null) {
            spill(slot).add(otherSpill);
        }
    }

    private ExactSum spill(int slot) {
        if (slot == FIRST) {
            if (firstSpill == null) {
                firstSpill = new ExactSum();
            }
            return firstSpill;
        }
        if (restSpill == null) {
            restSpill = new ExactSum();
        }
        return restSpill;
    }

    private void firstToRest() {
        add(REST, money, FIRST, firstSpill);
        money[FIRST] = 0;
        money[FIRST + 1] = 0;
        firstSpill = null;
    }

    void merge(CustomerState o) {
        if (o.periodCount > 0) {
            if (periodCount == 0 || o.periods[0] <= periods[0]) {
                if (periodCount > 0 && o.periods[0] < periods[0]) {
                    firstToRest();
                }
                add(FIRST, o.money, FIRST, o.firstSpill);
            } else {
                add(REST, o.money, FIRST, o.firstSpill);
            }
            mergePeriods(o.periods, o.periodCount);
        }
        add(REST, o.money, REST, o.restSpill);
        purchases += o.purchases;
        returns += o.returns;
        if (o.firstSecond < firstSecond || (o.firstSecond == firstSecond && o.firstNano < firstNano)) {
            firstSecond = o.firstSecond;
            firstNano = o.firstNano;
        }
        if (o.lastSecond > lastSecond || (o.lastSecond == lastSecond && o.lastNano > lastNano)) {
            lastSecond = o.lastSecond;
            lastNano = o.lastNano;
        }
    }

    CustomerState copy() {
        CustomerState c = new CustomerState();
        c.periods = Arrays.copyOf(periods, Math.max(4, periodCount));
        c.periodCount = periodCount;
        c.add(FIRST, money, FIRST, firstSpill);
        c.add(REST, money, REST, restSpill);
        c.purchases = purchases;
        c.returns = returns;
        c.firstSecond = firstSecond;
        c.firstNano = firstNano;
        c.lastSecond = lastSecond;
        c.lastNano = lastNano;
        return c;
    }

    private void append(long period) {
        if (periodCount == periods.length) {
            periods = Arrays.copyOf(periods, periodCount * 2);
        }
        periods[periodCount++] = period;
    }

    private void insertAt(int index, long period) {
        if (periodCount == periods.length) {
            periods = Arrays.copyOf(periods, periodCount * 2);
        }
        System.arraycopy(periods, index, periods, index + 1, periodCount - index);
        periods[index] = period;
        periodCount++;
    }

    private void mergePeriods(long[] other, int otherCount) {
        long[] merged = new long[Math.max(4, periodCount + otherCount)];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < periodCount || j < otherCount) {
            long next;
            if (j >= otherCount || (i < periodCount && periods[i] < other[j])) {
                next = periods[i++];
            } else if (i >= periodCount || other[j] < periods[i]) {
                next = other[j++];
            } else {
                next = periods[i++];
                j++;
            }
            merged[k++] = next;
        }
        periods = merged;
        periodCount = k;
    }
}
