package io.loyalty.data;

import java.util.Arrays;

/**
 * The mergeable per-customer state behind a summary: the sorted distinct purchase periods, the value of the
 * first period, totals and the exact first and last purchase times. Memory grows with the customer's distinct
 * periods, never with same-period rows.
 */
final class CustomerState {
    long[] periods = new long[4];
    int periodCount;
    double firstPeriodValue;
    double purchaseValue;
    double returnValue;
    int purchases;
    int returns;
    long firstSecond = Long.MAX_VALUE;
    int firstNano;
    long lastSecond = Long.MIN_VALUE;
    int lastNano;

    void addPurchase(long period, long second, int nano, double amount) {
        int n = periodCount;
        if (n == 0) {
            periods[0] = period;
            periodCount = 1;
            firstPeriodValue = amount;
        } else if (period > periods[n - 1]) {
            // Time-ordered input takes this branch: an append, no search.
            append(period);
        } else if (period == periods[n - 1]) {
            if (n == 1) {
                firstPeriodValue += amount;
            }
        } else {
            int at = Arrays.binarySearch(periods, 0, n, period);
            if (at == 0) {
                firstPeriodValue += amount;
            } else if (at < 0) {
                int insert = -at - 1;
                insertAt(insert, period);
                if (insert == 0) {
                    firstPeriodValue = amount;
                }
            }
        }
        purchaseValue += amount;
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
        returnValue += amount;
        returns++;
    }

    void merge(CustomerState o) {
        if (o.periodCount > 0) {
            if (periodCount == 0 || o.periods[0] < periods[0]) {
                firstPeriodValue = o.firstPeriodValue;
            } else if (o.periods[0] == periods[0]) {
                firstPeriodValue += o.firstPeriodValue;
            }
            mergePeriods(o.periods, o.periodCount);
        }
        purchaseValue += o.purchaseValue;
        returnValue += o.returnValue;
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
        c.firstPeriodValue = firstPeriodValue;
        c.purchaseValue = purchaseValue;
        c.returnValue = returnValue;
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
