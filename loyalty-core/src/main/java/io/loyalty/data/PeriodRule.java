package io.loyalty.data;

import io.loyalty.internal.Checks;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.math.BigInteger;
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
 * {@code PeriodRule.days().withUnit(7)} purchases are grouped by calendar day and recency is measured in weeks
 * of seven days (lifetimes' {@code freq='D', freq_multiplier=7}).
 *
 * <p>Days, weeks (Monday to Sunday, as ISO and pandas' {@code 'W'}), months, quarters (starting in January, April,
 * July and October) and years are calendar periods in a time zone, UTC unless given. {@link #every(Duration)} cuts
 * time into fixed lengths counted from the epoch. Every family that groups time by calendar periods (cohorts, NPS
 * by period) uses these rules, so a period means the same everywhere.
 *
 * <p>Times a rule handles lie between {@link #MIN_SECOND} and {@link #MAX_SECOND} seconds since the epoch (years
 * -999,999,599 to 999,999,598: 400 years inside {@link LocalDate#MIN} and {@link LocalDate#MAX}, so that every
 * instant and every period has a calendar day in every zone);
 * a time outside, or a period index that no such time has, is an {@link IllegalArgumentException} naming the value.
 *
 * <p>Immutable and serializable (so that a distributed engine can ship it to its workers); the serialized form is
 * a proxy rebuilt through the public factories, so a crafted stream cannot make an invalid rule.
 *
 * @since 0.1
 */
public final class PeriodRule implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long SECONDS_PER_DAY = 86_400L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /**
     * The earliest day a rule handles, 400 years after {@link LocalDate#MIN}: room for the longest fixed period
     * (292 years) and a zone's offset to start before it and still have a calendar day. In days since 1970-01-01.
     */
    public static final long MIN_DAY = LocalDate.MIN.plusYears(400).toEpochDay();
    /** The latest day a rule handles, 400 years before {@link LocalDate#MAX}, in days since 1970-01-01. */
    public static final long MAX_DAY = LocalDate.MAX.minusYears(400).toEpochDay();
    /** The earliest time a rule handles, in seconds since the epoch: the start of {@link #MIN_DAY} (UTC). */
    public static final long MIN_SECOND = MIN_DAY * SECONDS_PER_DAY;
    /** The latest time a rule handles, in seconds since the epoch: the end of {@link #MAX_DAY} (UTC). */
    public static final long MAX_SECOND = (MAX_DAY + 1) * SECONDS_PER_DAY - 1;

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
    /** The indexes of the periods of {@link #MIN_SECOND} and {@link #MAX_SECOND} (saturated to a long). */
    private final long minIndex;
    /** The index of the period of {@link #MAX_SECOND}. */
    private final long maxIndex;

    private PeriodRule(Kind kind, ZoneId zone, long fixedNanos, double unit) {
        this.kind = kind;
        this.zone = zone;
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset();
        this.fixedOffsetSeconds = fixedOffset ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
        this.fixedNanos = fixedNanos;
        this.unit = unit;
        this.minIndex = kind == Kind.FIXED ? fixedIndex(MIN_SECOND, 0, true) : index(MIN_SECOND, 0);
        this.maxIndex = kind == Kind.FIXED ? fixedIndex(MAX_SECOND, 999_999_999, true)
                : index(MAX_SECOND, 999_999_999);
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
     * @param length the period's length, positive and at most {@link Long#MAX_VALUE} nanoseconds (about 292
     *     years)
     * @return the rule
     */
    public static PeriodRule every(Duration length) {
        Checks.notNull(length, "length");
        Checks.require(!length.isNegative() && !length.isZero(), "length must be positive, got %s", length);
        Checks.require(length.compareTo(Duration.ofNanos(Long.MAX_VALUE)) <= 0,
                "length must be at most %s (Long.MAX_VALUE nanoseconds), got %s", Duration.ofNanos(Long.MAX_VALUE),
                length);
        return new PeriodRule(Kind.FIXED, ZoneOffset.UTC, length.toNanos(), 1);
    }

    /**
     * This rule with recency and age expressed in units of {@code periods} periods: {@code days().withUnit(7)}
     * counts distinct days and measures time in weeks.
     *
     * @param periods the number of periods in one unit, finite and positive
     * @return a new rule
     * @since 0.2
     */
    public PeriodRule withUnit(double periods) {
        Checks.positive(periods, "periods");
        return new PeriodRule(kind, zone, fixedNanos, periods);
    }

    /**
     * The number of periods in one unit of recency and age (1 unless set by {@link #withUnit(double)}).
     *
     * @return the unit
     */
    public double unit() {
        return unit;
    }

    /**
     * The name of the unit recency and age are measured in, as result columns carry it ({@code recency_weeks}):
     * {@code seconds}, {@code minutes}, {@code hours}, {@code days}, {@code weeks}, {@code months},
     * {@code quarters} or {@code years} when one unit is exactly one of those ({@code days().withUnit(7)} is
     * {@code weeks}, {@code months().withUnit(3)} is {@code quarters}), otherwise {@code periods}.
     *
     * @return the unit's name
     * @since 0.2
     */
    public String unitName() {
        switch (kind) {
            case MONTHS:
                return unit == 1 ? "months" : unit == 3 ? "quarters" : unit == 12 ? "years" : "periods";
            case QUARTERS:
                return unit == 1 ? "quarters" : unit == 4 ? "years" : "periods";
            case YEARS:
                return unit == 1 ? "years" : "periods";
            default:
                double seconds = unit * (kind == Kind.DAYS ? SECONDS_PER_DAY : kind == Kind.WEEKS
                        ? 7.0 * SECONDS_PER_DAY : fixedNanos / 1e9);
                return seconds == 1 ? "seconds" : seconds == 60 ? "minutes" : seconds == 3600 ? "hours"
                        : seconds == SECONDS_PER_DAY ? "days" : seconds == 7 * SECONDS_PER_DAY ? "weeks" : "periods";
        }
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
     * @param time the instant, between {@link #MIN_SECOND} and {@link #MAX_SECOND}
     * @return the period index
     */
    public long index(Instant time) {
        Checks.notNull(time, "time");
        return index(time.getEpochSecond(), time.getNano());
    }

    /**
     * The index of the period that holds {@code epochSecond + nanos}.
     *
     * @param epochSecond seconds since 1970-01-01T00:00Z, between {@link #MIN_SECOND} and {@link #MAX_SECOND}
     * @param nanos the nanoseconds within the second, 0..999,999,999
     * @return the period index
     */
    public long index(long epochSecond, int nanos) {
        requireTime(epochSecond, "epochSecond");
        if (nanos < 0 || nanos > 999_999_999) {
            throw new IllegalArgumentException(Checks.format("nanos must lie in 0..999999999, got %d", nanos));
        }
        if (kind == Kind.FIXED) {
            return fixedIndex(epochSecond, nanos, false);
        }
        long local = epochSecond + offsetSeconds(epochSecond);
        return dayIndex(Math.floorDiv(local, SECONDS_PER_DAY));
    }

    /**
     * The index of the period that holds a day given as days since 1970-01-01 (its start, in this rule's zone).
     *
     * @param epochDay days since 1970-01-01, a day after {@link LocalDate#MIN} to a day before {@link LocalDate#MAX}
     * @return the period index
     */
    public long indexOfEpochDay(long epochDay) {
        if (epochDay < MIN_DAY || epochDay > MAX_DAY) {
            throw new IllegalArgumentException(Checks.format(
                    "epochDay %d is outside the days a PeriodRule handles (%d to %d)", epochDay, MIN_DAY, MAX_DAY));
        }
        return dayIndex(epochDay);
    }

    /** {@link #indexOfEpochDay} of a day that has a {@link LocalDate} (an int epoch day always has one). */
    long dayIndex(long epochDay) {
        switch (kind) {
            case DAYS:
                return epochDay;
            case WEEKS:
                // 1970-01-01 was a Thursday: shifting by 3 days makes weeks start on Monday.
                return Math.floorDiv(epochDay + 3, 7);
            case FIXED:
                return fixedIndex(epochDay * SECONDS_PER_DAY, 0, false);
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
     * @param index the period index, one that a time between {@link #MIN_SECOND} and {@link #MAX_SECOND} has
     * @return its first day
     */
    public LocalDate firstDay(long index) {
        if (index < minIndex || index > maxIndex) {
            throw new IllegalArgumentException(Checks.format(
                    "index %d is outside the periods of %s that a time between %s and %s falls in (%d to %d)",
                    index, this, Instant.ofEpochSecond(MIN_SECOND), Instant.ofEpochSecond(MAX_SECOND), minIndex,
                    maxIndex));
        }
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
     * @param index the period index, as {@link #firstDay(long)} takes it
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

    /** The first instant of a fixed-length period whose index {@link #firstDay} has checked. */
    private Instant start(long index) {
        BigInteger[] qr = BigInteger.valueOf(index).multiply(BigInteger.valueOf(fixedNanos))
                .divideAndRemainder(BigInteger.valueOf(NANOS_PER_SECOND));
        long seconds = qr[0].longValue();
        long nanos = qr[1].longValue();
        if (nanos < 0) {
            seconds--;
            nanos += NANOS_PER_SECOND;
        }
        // The period of MIN_SECOND may start a little before it, still far inside Instant's range.
        return Instant.ofEpochSecond(seconds, nanos);
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

    /** Throws unless {@code epochSecond} lies between {@link #MIN_SECOND} and {@link #MAX_SECOND}. */
    static void requireTime(long epochSecond, String name) {
        if (epochSecond < MIN_SECOND || epochSecond > MAX_SECOND) {
            throw new IllegalArgumentException(Checks.format(
                    "%s %d (seconds since the epoch) is outside the times a PeriodRule handles (%d to %d, %s to %s)",
                    name, epochSecond, MIN_SECOND, MAX_SECOND, Instant.ofEpochSecond(MIN_SECOND),
                    Instant.ofEpochSecond(MAX_SECOND)));
        }
    }

    /**
     * The index of the fixed-length period holding {@code epochSecond + nanos}: floor(nanoseconds since the epoch
     * / period). A long of nanoseconds covers only the years 1678 to 2262, so times outside take the exact
     * (slower) route. An index beyond a long (periods of a few milliseconds, a time hundreds of millions of years
     * away) is an error, or with {@code saturate} the nearest long.
     */
    private long fixedIndex(long epochSecond, int nanos, boolean saturate) {
        if (fixedNanos % NANOS_PER_SECOND == 0) {
            return Math.floorDiv(epochSecond, fixedNanos / NANOS_PER_SECOND);
        }
        if (Math.abs(epochSecond) < Long.MAX_VALUE / NANOS_PER_SECOND - 1) {
            return Math.floorDiv(epochSecond * NANOS_PER_SECOND + nanos, fixedNanos);
        }
        BigInteger total = BigInteger.valueOf(epochSecond).multiply(BigInteger.valueOf(NANOS_PER_SECOND))
                .add(BigInteger.valueOf(nanos));
        BigInteger[] qr = total.divideAndRemainder(BigInteger.valueOf(fixedNanos));
        BigInteger q = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
        if (q.bitLength() < 64) {
            return q.longValue();
        }
        if (saturate) {
            return q.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        throw new IllegalArgumentException(Checks.format(
                "time %s falls in period %s of %s, beyond the indexes a long holds", Instant.ofEpochSecond(epochSecond,
                        nanos), q, this));
    }

    /**
     * Serializes a {@link SerializedForm} instead of the fields.
     *
     * @return the serialized form
     */
    private Object writeReplace() {
        return new SerializedForm(kind.name(), zone, fixedNanos, unit);
    }

    /**
     * A rule is only ever read back through its proxy.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a PeriodRule is read through its serialized form only");
    }

    /** The serialized form of a rule: what its factories take, rebuilt through them (which check it). */
    private static final class SerializedForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String kind;
        private final ZoneId zone;
        private final long fixedNanos;
        private final double unit;

        SerializedForm(String kind, ZoneId zone, long fixedNanos, double unit) {
            this.kind = kind;
            this.zone = zone;
            this.fixedNanos = fixedNanos;
            this.unit = unit;
        }

        private Object readResolve() throws InvalidObjectException {
            try {
                PeriodRule base;
                switch (Kind.valueOf(Checks.notNull(kind, "kind"))) {
                    case DAYS:
                        base = days(zone);
                        break;
                    case WEEKS:
                        base = weeks(zone);
                        break;
                    case MONTHS:
                        base = months(zone);
                        break;
                    case QUARTERS:
                        base = quarters(zone);
                        break;
                    case YEARS:
                        base = years(zone);
                        break;
                    default:
                        base = every(Duration.ofNanos(fixedNanos));
                        break;
                }
                return base.withUnit(unit);
            } catch (IllegalArgumentException e) {
                InvalidObjectException invalid = new InvalidObjectException("invalid serialized PeriodRule: "
                        + e.getMessage());
                invalid.initCause(e);
                throw invalid;
            }
        }
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
