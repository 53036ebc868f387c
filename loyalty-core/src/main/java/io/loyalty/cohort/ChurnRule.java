package io.loyalty.cohort;

import io.loyalty.data.Transaction;
import io.loyalty.internal.Checks;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Churn by an inactivity gap, on calendar days of a time zone: a customer churns at the first purchase day
 * followed by {@code gap} days without a purchase, provided those days end on or before the last day of the
 * data; when they reach past it, the customer is censored at the last day. The first lapse counts, even if the
 * customer came back later.
 *
 * <p>Each customer yields a duration in days from the first purchase day: to the churn (by default the day of
 * the purchase that starts the lapse; {@link #withChurnAtLapseEnd()} counts the gap too) or to the last day of
 * the data when censored. Durations feed {@link KaplanMeier}.
 *
 * <p>Bad input: a gap &lt;= 0, a transaction after the data end, no transactions ({@link IllegalArgumentException}).
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ChurnRule {
    private final int gapDays;
    private final ZoneId zone;
    private final LocalDate lastDay;
    private final boolean atLapseEnd;

    private ChurnRule(int gapDays, ZoneId zone, LocalDate lastDay, boolean atLapseEnd) {
        this.gapDays = gapDays;
        this.zone = zone;
        this.lastDay = lastDay;
        this.atLapseEnd = atLapseEnd;
    }

    /**
     * Churn after {@code gapDays} days without a purchase; the data ends with the last transaction's day.
     *
     * @param gapDays the inactivity gap in days, &gt; 0
     * @param zone the zone in which days start
     * @return the rule
     */
    public static ChurnRule inactivityDays(int gapDays, ZoneId zone) {
        Checks.require(gapDays > 0, "gapDays must be > 0, got %d", gapDays);
        return new ChurnRule(gapDays, Checks.notNull(zone, "zone"), null, false);
    }

    /**
     * This rule with the data ending with a given day (inclusive).
     *
     * @param day the last day of the data
     * @return a new rule
     */
    public ChurnRule withLastDay(LocalDate day) {
        return new ChurnRule(gapDays, zone, Checks.notNull(day, "day"), atLapseEnd);
    }

    /**
     * This rule with the churn dated at the end of the lapse (the last purchase day plus the gap) instead of at
     * the last purchase day.
     *
     * @return a new rule
     */
    public ChurnRule withChurnAtLapseEnd() {
        return new ChurnRule(gapDays, zone, lastDay, true);
    }

    /**
     * The gap in days.
     *
     * @return the gap
     */
    public int gapDays() {
        return gapDays;
    }

    /**
     * Durations from transaction objects.
     *
     * @param transactions the transactions, in any order
     * @return the durations, one per customer, customers in order of first appearance
     */
    public ChurnDurations apply(Iterable<? extends Transaction> transactions) {
        Checks.notNull(transactions, "transactions");
        List<String> ids = new ArrayList<>();
        List<Long> seconds = new ArrayList<>();
        for (Transaction t : transactions) {
            Checks.notNull(t, "transaction");
            ids.add(t.customerId());
            seconds.add(t.time().getEpochSecond());
        }
        long[] s = new long[seconds.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = seconds.get(i);
        }
        return apply(ids.toArray(new String[0]), s);
    }

    /**
     * Durations from primitive columns.
     *
     * @param customerIds customer per row, not blank
     * @param epochSeconds time per row, seconds since 1970-01-01T00:00Z, in the years &minus;999,999..999,999
     * @return the durations, one per customer, customers in order of first appearance
     * @throws IllegalArgumentException if the lengths differ or are 0, an id is blank, a time is outside the
     *     supported years or after the last day (naming the row)
     */
    public ChurnDurations apply(String[] customerIds, long[] epochSeconds) {
        Checks.notNull(customerIds, "customerIds");
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        int[] dense = new int[customerIds.length];
        for (int i = 0; i < customerIds.length; i++) {
            String id = customerIds[i];
            Checks.require(id != null && !id.isBlank(), "customerIds[%d] must not be null or blank, got %s", i,
                    id == null ? "null" : "'" + id + "'");
            dense[i] = index.computeIfAbsent(id, k -> {
                names.add(k);
                return names.size() - 1;
            });
        }
        return compute(dense, names.size(), epochSeconds, names);
    }

    private ChurnDurations compute(int[] cust, int m, long[] sec, List<String> names) {
        Checks.notNull(sec, "epochSeconds");
        int n = cust.length;
        Checks.sameLength(n, sec.length, "epochSeconds");
        Checks.require(n > 0, "transactions must not be empty");
        var rules = zone.getRules();
        long[] day = new long[n];
        long maxDay = Long.MIN_VALUE;
        long minDay = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            long s = Cohorts.second(sec[i], "epochSeconds", i);
            long local = s + rules.getOffset(java.time.Instant.ofEpochSecond(s)).getTotalSeconds();
            day[i] = Math.floorDiv(local, 86_400L);
            maxDay = Math.max(maxDay, day[i]);
            minDay = Math.min(minDay, day[i]);
        }
        long endDay = lastDay == null ? maxDay : lastDay.toEpochDay();
        for (int i = 0; i < n; i++) {
            if (day[i] > endDay) {
                throw new IllegalArgumentException(Checks.format(
                        "row %d: transaction of customer '%s' on %s is after the last day %s", i, names.get(cust[i]),
                        LocalDate.ofEpochDay(day[i]), LocalDate.ofEpochDay(endDay)));
            }
        }
        // One primitive sort of (customer, day) keys puts each customer's days in order.
        long[] key = new long[n];
        for (int i = 0; i < n; i++) {
            key[i] = ((long) cust[i] << 32) | (day[i] - minDay);
        }
        Arrays.sort(key);
        long[] first = new long[m];
        double[] duration = new double[m];
        boolean[] churned = new boolean[m];
        int i = 0;
        while (i < n) {
            int c = (int) (key[i] >>> 32);
            long d0 = (key[i] & 0xFFFF_FFFFL) + minDay;
            long prev = d0;
            boolean done = false;
            int j = i + 1;
            for (; j < n && (int) (key[j] >>> 32) == c; j++) {
                long d = (key[j] & 0xFFFF_FFFFL) + minDay;
                if (!done && d - prev > gapDays) {
                    done = true;
                    churned[c] = true;
                    duration[c] = prev - d0 + (atLapseEnd ? gapDays : 0);
                }
                prev = d;
            }
            if (!done) {
                if (prev + gapDays <= endDay) {
                    churned[c] = true;
                    duration[c] = prev - d0 + (atLapseEnd ? gapDays : 0);
                } else {
                    duration[c] = endDay - d0;
                }
            }
            first[c] = d0;
            i = j;
        }
        return new ChurnDurations(List.copyOf(names), first, duration, churned, endDay, zone);
    }

    @Override
    public String toString() {
        return "ChurnRule[" + gapDays + " days inactive in " + zone + (lastDay == null ? "" : ", last day " + lastDay)
                + (atLapseEnd ? ", churn at lapse end" : "") + "]";
    }
}
