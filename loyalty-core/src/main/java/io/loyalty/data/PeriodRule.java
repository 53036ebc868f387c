package io.loyalty.data;

import io.loyalty.internal.Checks;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
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
 * <p>Days, weeks (Monday to Sunday, as ISO and pandas' {@code 'W'}), months, quarters (starting in January, April,
 * July and October) and years are calendar periods in a time zone, UTC unless given. {@link #every(Duration)} cuts
 * time into fixed lengths counted from the epoch. Every family that groups time by calendar periods (cohorts, NPS
 * by period) uses these rules, so a period means the same everywhere.
 *
 * <p>Immutable and serializable (so that a distributed engine can ship it to its workers).
 */
public final class PeriodRule implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long SECONDS_PER_DAY = 86_400L;

    private enum Kind { DAYS, WEEKS, MONTHS, QUARTERS, YEARS, FIXED }

    /** The calendar unit. */
    private final Kind kind;
    /** The zone whose calendar defines the periods. */
    private final ZoneId zone;
    /** The zone's rules. */
    private final ZoneRules rules;
    /** The zone's offset when it is fixed, else 0. */
    private final int fixedOffsetSeconds;
    /** Whether the zone's offset is fixed. */
    private final boolean fixedOffset;
    /** The length of a fixed period in nanoseconds (FIXED only). */
    private final long fixedNanos;
    /** The number of periods in the unit that results are expressed in. */
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
     * Calendar quarters (January to March, ...) in UTC.
     *
     * @return the rule
     */
    public static PeriodRule quarters() {
        return quarters(ZoneOffset.UTC);
    }

    /**
     * Calendar quarters in a time zone.
     *
     * @param zone the zone in which days start
     * @return the rule
     */
    public static PeriodRule quarters(ZoneId zone) {
        return new PeriodRule(Kind.QUARTERS, Checks.notNull(zone, "zone"), 0, 1);
    }

    /**
     * Calendar years in UTC.
     *
     * @return the rule
     */
    public static PeriodRule years() {
        return years(ZoneOffset.UTC);
    }

    /**
     * Calendar years in a time zone.
     *
     * @param zone the zone in which days start
     * @return the rule
     */
    public static PeriodRule years(ZoneId zone) {
        return new PeriodRule(Kind.YEARS, Checks.notNull(zone, "zone"), 0, 1);
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
        Checks.notNull(time, "time");
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
        return indexOfEpochDay(Math.floorDiv(local, SECONDS_PER_DAY));
    }

    /**
     * The index of the period that holds a day given as days since 1970-01-01 (its start, in this rule's zone).
     *
     * @param epochDay days since 1970-01-01
     * @return the period index
     */
    public long indexOfEpochDay(long epochDay) {
        switch (kind) {
            case DAYS:
                return epochDay;
            case WEEKS:
                // 1970-01-01 was a Thursday: shifting by 3 days makes weeks start on Monday.
                return Math.floorDiv(epochDay + 3, 7);
            case FIXED:
                return floorDivNanos(Math.multiplyExact(epochDay, SECONDS_PER_DAY), 0, fixedNanos);
            default:
                LocalDate d = LocalDate.ofEpochDay(epochDay);
                long month = d.getYear() * 12L + d.getMonthValue() - 1;
                return kind == Kind.MONTHS ? month : kind == Kind.QUARTERS ? Math.floorDiv(month, 3) : d.getYear();
        }
    }

    /**
     * The first day of the period with an index (for fixed-length periods, the UTC day its first instant falls
     * on).
     *
     * @param index the period index
     * @return its first day
     */
    public LocalDate firstDay(long index) {
        switch (kind) {
            case DAYS:
                return LocalDate.ofEpochDay(index);
            case WEEKS:
                return LocalDate.ofEpochDay(index * 7 - 3);
            case MONTHS:
                return LocalDate.of(Math.toIntExact(Math.floorDiv(index, 12)), Math.floorMod(index, 12) + 1, 1);
            case QUARTERS:
                return LocalDate.of(Math.toIntExact(Math.floorDiv(index, 4)), Math.floorMod(index, 4) * 3 + 1, 1);
            case YEARS:
                return LocalDate.of(Math.toIntExact(index), 1, 1);
            default:
                return LocalDate.ofEpochDay(Math.floorDiv(start(index).getEpochSecond(), SECONDS_PER_DAY));
        }
    }

    /**
     * A readable name of the period with an index: {@code 2011-03-14} for days, {@code 2011-W11} for ISO weeks,
     * {@code 2011-03} for months, {@code 2011-Q1} for quarters, {@code 2011} for years, the first instant for
     * fixed-length periods.
     *
     * @param index the period index
     * @return the label
     */
    public String label(long index) {
        LocalDate d = firstDay(index);
        switch (kind) {
            case DAYS:
                return d.toString();
            case WEEKS:
                return Checks.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR),
                        d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTHS:
                return Checks.format("%d-%02d", d.getYear(), d.getMonthValue());
            case QUARTERS:
                return Checks.format("%d-Q%d", d.getYear(), (d.getMonthValue() - 1) / 3 + 1);
            case YEARS:
                return Integer.toString(d.getYear());
            default:
                return start(index).toString();
        }
    }

    private Instant start(long index) {
        long seconds = fixedNanos / 1_000_000_000L;
        long nanos = fixedNanos % 1_000_000_000L;
        return Instant.ofEpochSecond(Math.multiplyExact(index, seconds)).plusNanos(Math.multiplyExact(index, nanos));
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
