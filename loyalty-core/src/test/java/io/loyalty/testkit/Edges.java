package io.loyalty.testkit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Boundary values for adversarial tests, shared by the families so that every generator reaches the same edges:
 * zeros of both signs, subnormals, the limits of exact integers in a double (2^53 +- 1), values whose sum
 * overflows, the limits of {@code long}, {@code int}, {@link Instant} and {@link LocalDate}, and ids that are
 * blank, Unicode in several forms, or spelled like a reserved word or a separator.
 *
 * <p>Use the lists whole for exhaustive checks, or {@link #orEdge} inside a {@link Property} trial to mix edges
 * into ordinary rows. Every list is immutable and in a fixed order, so a failure replays with the trial's seed.
 */
public final class Edges {
    /** 2^53: above it, not every integer is a double. */
    public static final long TWO_TO_53 = 1L << 53;

    /**
     * Finite doubles at the edges: zeros of both signs, the smallest subnormal and normal, 1 ulp around 1, the
     * exact-integer limit 2^53 and its neighbours, a large money amount with cents, values near the top of the
     * range (two of 1e308 overflow when added), and the negatives of the non-zero ones.
     */
    public static final List<Double> FINITE_DOUBLES = List.of(0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE,
            Double.MIN_NORMAL, 1e-300, Math.nextDown(1.0), 1.0, Math.nextUp(1.0), -1.0, 2.0, 0.5,
            (double) (TWO_TO_53 - 1), (double) TWO_TO_53, Math.nextUp((double) TWO_TO_53), -(double) TWO_TO_53,
            12_345_678.91, 1e16, 1e200, 1e308, -1e308, Double.MAX_VALUE, -Double.MAX_VALUE);

    /** The three doubles that are not numbers a caller can mean: NaN and both infinities. */
    public static final List<Double> NON_FINITE_DOUBLES = List.of(Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY);

    /** Longs at the edges: 0, +-1, the int limits, 2^53 +- 1 (snowflake-style ids), and the long limits. */
    public static final List<Long> LONGS = List.of(0L, 1L, -1L, (long) Integer.MAX_VALUE,
            (long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE + 1, TWO_TO_53 - 1, TWO_TO_53, TWO_TO_53 + 1,
            Long.MAX_VALUE - 1, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MIN_VALUE);

    /** Ints at the edges: 0, +-1, 2^28 (a dense-id size that overflows an int product), and the int limits. */
    public static final List<Integer> INTS = List.of(0, 1, -1, 2, 1 << 28, (1 << 28) - 1, 1_000_000_000,
            Integer.MAX_VALUE - 1, Integer.MAX_VALUE, Integer.MIN_VALUE + 1, Integer.MIN_VALUE);

    /**
     * Instants at the edges: the epoch and a nanosecond before it, a date before 1970, the last instant whose
     * nanoseconds since the epoch fit a long (2262-04-11) and the next second, and {@link Instant#MIN} and
     * {@link Instant#MAX}.
     */
    public static final List<Instant> INSTANTS = List.of(Instant.EPOCH, Instant.EPOCH.minusNanos(1),
            Instant.parse("1969-07-20T20:17:40Z"), Instant.ofEpochSecond(0, Long.MAX_VALUE),
            Instant.ofEpochSecond(0, Long.MAX_VALUE).plusSeconds(1), Instant.ofEpochSecond(0, Long.MIN_VALUE),
            Instant.MIN, Instant.MAX);

    /** Dates at the edges: the epoch, the day before it, a leap day, 1900, {@link LocalDate#MIN} and MAX. */
    public static final List<LocalDate> LOCAL_DATES = List.of(LocalDate.EPOCH, LocalDate.EPOCH.minusDays(1),
            LocalDate.of(2000, 2, 29), LocalDate.of(1900, 1, 1), LocalDate.MIN, LocalDate.MAX);

    /** Ids that must be rejected where ids must not be blank: empty and white space only (ASCII and Unicode). */
    public static final List<String> BLANK_IDS = List.of("", " ", "\t", "\n", "\u2003");

    /**
     * Valid ids that break careless code: one character, upper and lower case, composed and decomposed accents
     * (equal to a person, different to {@code equals}), a surrogate pair, right-to-left text, a NUL, CSV and path
     * separators, quotes, a line break, the words null and NaN, a number that looks like 2^53 + 1, attribution's
     * reserved state names, and leading and trailing spaces.
     */
    public static final List<String> TRICKY_IDS = List.of("a", "A", "\u00e9", "e\u0301", "\ud83d\ude00",
            "\u05e9\u05dc\u05d5\u05dd", "a\u0000b", "a,b", "a;b", "a > b", "a>b", "\"a\"", "a\nb", "null", "NaN",
            "9007199254740993", "(start)", "(conversion)", "(null)", " a", "a ");

    private Edges() {
    }

    /**
     * An edge from {@code edges} with probability {@code p}, else {@code ordinary}: mixes boundary values into
     * ordinary rows.
     *
     * @param r the trial's random source
     * @param p the probability of an edge, in [0, 1]
     * @param edges the edges to pick from
     * @param ordinary the ordinary value
     * @param <T> the value type
     * @return one edge or {@code ordinary}
     */
    public static <T> T orEdge(SplittableRandom r, double p, List<T> edges, T ordinary) {
        return r.nextDouble() < p ? pick(r, edges) : ordinary;
    }

    /**
     * One element, uniformly.
     *
     * @param r the random source
     * @param values the values, not empty
     * @param <T> the value type
     * @return the element
     */
    public static <T> T pick(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }
}
