package io.loyalty.data;

import io.loyalty.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Objects;

/**
 * How time is cut into purchase periods and in which unit recency and age are expressed.
 *
 * <p>Purchases in the same period count once (their values are summed), as in the buy-till-you-die
 * convention. Recency and {@code T} are differences of period indexes divided by {@link #unit()}: with
 * {@code PeriodRule.days().inUnitsOf(7)} purchases are grouped by calendar day and recency is measured in weeks
 * of seven days (lifetimes' {@code freq='D', freq_multiplier=7}).
 *
 * <p>Days, weeks (Monday to Sunday, as ISO and pandas' {@code 'W'}) and months are calendar periods in a time
 * zone, UTC unless given. {@link #every(Duration)} cuts time into fixed lengths counted from the epoch.
 */
public final class PeriodRule {
    private static final long SECONDS_PER_DAY = 86_400L;

    private enum Kind { DAYS, WEEKS, MONTHS, FIXED }

    private final Kind kind;
    private final ZoneId zone;
    private final ZoneRules rules;
    private final int fixedOffsetSeconds;
    private final boolean fixedOffset;
    private final long fixedNanos;
    private final double unit;

    private PeriodRule(Kind kind, ZoneId zone, long fixedNanos, double unit) {
        this.kind = kind;
        this.zone = zone;
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset();
        this.fixedOffsetSeconds = fixedOffset ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
        this.fixedNanos = fixedNanos;
        this.unit = unit;
    }

    /**
     * Calendar days in UTC.
     *
     * @return the rule
     */
    public static PeriodRule days() {
        return days(ZoneOffset.UTC);
    }

    /**
     * Calendar days in a time zone.
     *
     * @param zone the zone in which days start
     * @return the rule
     */
    public static PeriodRule days(ZoneId zone) {
        return new PeriodRule(Kind.DAYS, Checks.notNull(zone, "zone"), 0, 1);
    }

    /**
     * Weeks from Monday to Sunday in UTC.
     *
     * @return the rule
     */
    public static PeriodRule weeks() {
        return weeks(ZoneOffset.UTC);
    }

    /**
     * Weeks from Monday to Sunday in a time zone.
     *
     * @param zone the zone in which days start
     * @return the rule
     */
    public static PeriodRule weeks(ZoneId zone) {
        return new PeriodRule(Kind.WEEKS, Checks.notNull(zone, "zone"), 0, 1);
    }

    /**
     * Calendar months in UTC.
     *
     * @return the rule
     */
    public static PeriodRule months() {
        return months(ZoneOffset.UTC);
    }

    /**
     * Calendar months in a time zone.
     *
     * @param zone the zone in which days start
     * @return the rule
     */
    public static PeriodRule months(ZoneId zone) {
        return new PeriodRule(Kind.MONTHS, Checks.notNull(zone, "zone"), 0, 1);
    }

    /**
     * Fixed-length periods counted from 1970-01-01T00:00Z.
     *
     * @param length the period's length, positive
     * @return the rule
     */
    public static PeriodRule every(Duration length) {
        Checks.notNull(length, "length");
        Checks.require(!length.isNegative() && !length.isZero(), "length must be positive, got %s", length);
        return new PeriodRule(Kind.FIXED, ZoneOffset.UTC, length.toNanos(), 1);
    }

    /**
     * This rule with recency and age expressed in units of {@code periods} periods: {@code days().inUnitsOf(7)}
     * counts distinct days and measures time in weeks.
     *
     * @param periods the number of periods in one unit, finite and positive
     * @return a new rule
     */
    public PeriodRule inUnitsOf(double periods) {
        Checks.positive(periods, "periods");
        return new PeriodRule(kind, zone, fixedNanos, periods);
    }

    /**
     * The number of periods in one unit of recency and age (1 unless set by {@link #inUnitsOf(double)}).
     *
     * @return the unit
     */
    public double unit() {
        return unit;
    }

    /**
     * The time zone of calendar periods.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The index of the period that holds an instant: consecutive periods have consecutive indexes.
     *
     * @param time the instant
     * @return the period index
     */
    public long index(Instant time) {
        return index(time.getEpochSecond(), time.getNano());
    }

    /**
     * The index of the period that holds {@code epochSecond + nanos}.
     *
     * @param epochSecond seconds since 1970-01-01T00:00Z
     * @param nanos the nanoseconds within the second, 0..999,999,999
     * @return the period index
     */
    public long index(long epochSecond, int nanos) {
        if (kind == Kind.FIXED) {
            return floorDivNanos(epochSecond, nanos, fixedNanos);
        }
        long local = epochSecond + offsetSeconds(epochSecond);
        long epochDay = Math.floorDiv(local, SECONDS_PER_DAY);
        switch (kind) {
            case DAYS:
                return epochDay;
            case WEEKS:
                // 1970-01-01 was a Thursday: shifting by 3 days makes weeks start on Monday.
                return Math.floorDiv(epochDay + 3, 7);
            default:
                LocalDate d = LocalDate.ofEpochDay(epochDay);
                return d.getYear() * 12L + d.getMonthValue() - 1;
        }
    }

    /**
     * The index of the period that holds a day given as days since 1970-01-01 (its start, in this rule's zone).
     *
     * @param epochDay days since 1970-01-01
     * @return the period index
     */
    public long indexOfEpochDay(long epochDay) {
        if (kind == Kind.DAYS) {
            return epochDay;
        }
        if (kind == Kind.WEEKS) {
            return Math.floorDiv(epochDay + 3, 7);
        }
        if (kind == Kind.MONTHS) {
            LocalDate d = LocalDate.ofEpochDay(epochDay);
            return d.getYear() * 12L + d.getMonthValue() - 1;
        }
        long startSecond = Math.multiplyExact(epochDay, SECONDS_PER_DAY);
        return floorDivNanos(startSecond, 0, fixedNanos);
    }

    /**
     * A difference of period indexes in this rule's unit.
     *
     * @param periods the difference of two period indexes
     * @return {@code periods / unit()}
     */
    public double toUnits(long periods) {
        return unit == 1 ? periods : periods / unit;
    }

    private int offsetSeconds(long epochSecond) {
        return fixedOffset ? fixedOffsetSeconds : rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
    }

    private static long floorDivNanos(long epochSecond, int nanos, long periodNanos) {
        // Split the division so that instants far from the epoch do not overflow a long of nanoseconds.
        long secondsPerPeriod = periodNanos / 1_000_000_000L;
        if (periodNanos % 1_000_000_000L == 0) {
            return Math.floorDiv(epochSecond, secondsPerPeriod);
        }
        return Math.floorDiv(Math.addExact(Math.multiplyExact(epochSecond, 1_000_000_000L), nanos), periodNanos);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PeriodRule)) {
            return false;
        }
        PeriodRule r = (PeriodRule) o;
        return kind == r.kind && zone.equals(r.zone) && fixedNanos == r.fixedNanos
                && Double.compare(unit, r.unit) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, zone, fixedNanos, unit);
    }

    @Override
    public String toString() {
        String base = kind == Kind.FIXED ? "every " + Duration.ofNanos(fixedNanos)
                : kind.name().toLowerCase(java.util.Locale.ROOT) + " (" + zone + ")";
        return unit == 1 ? base : base + " in units of " + unit;
    }
}
