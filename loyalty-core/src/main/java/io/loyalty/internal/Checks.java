package io.loyalty.internal;

import java.util.Locale;

/**
 * Argument checks that name the offending argument, row and value. Every check is written so that NaN fails.
 * Not API.
 *
 * @since 0.1
 */
public final class Checks {
    /** The longest identifier {@link #identifier(String, String)} accepts. */
    public static final int MAX_IDENTIFIER_LENGTH = 32;

    private static volatile boolean redactValues;

    private Checks() {
    }

    /**
     * Formats a message with {@link Locale#ROOT}, so numbers read the same on every machine. While
     * {@link #redactValues(boolean)} is on, floating-point, date-time and quoted ({@code '%s'}) arguments read
     * {@code <redacted>} (see {@code io.loyalty.privacy.MessagePolicy}).
     *
     * @param template a {@link String#format} template
     * @param args its arguments
     * @return the formatted message
     */
    public static String format(String template, Object... args) {
        return redactValues ? Redaction.format(template, args) : String.format(Locale.ROOT, template, args);
    }

    /**
     * Turns the redaction of values in messages on or off, library-wide. Set through
     * {@code io.loyalty.privacy.MessagePolicy}.
     *
     * @param on whether to redact
     */
    public static void redactValues(boolean on) {
        redactValues = on;
    }

    /**
     * Whether values are redacted from messages.
     *
     * @return the switch
     */
    public static boolean redactsValues() {
        return redactValues;
    }

    /**
     * Throws {@link IllegalArgumentException} with the formatted message unless {@code condition} holds.
     *
     * @param condition what must hold
     * @param template a {@link String#format} template
     * @param args its arguments
     */
    public static void require(boolean condition, String template, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(format(template, args));
        }
    }

    /**
     * Returns {@code value} unless it is null.
     *
     * @param value the argument
     * @param name the argument's name, for the message
     * @param <T> its type
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is null
     */
    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /**
     * Returns {@code value} unless it is NaN or infinite.
     *
     * @param value the argument
     * @param name the argument's name, for the message
     * @return {@code value}
     */
    public static double finite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(format("%s must be finite, got %s", name, value));
        }
        return value;
    }

    /**
     * Returns {@code values} unless it is null or one of its elements is NaN or infinite (the message names the
     * first such element by its index).
     *
     * @param values the argument
     * @param name the argument's name, for the message
     * @return {@code values}
     */
    public static double[] finite(double[] values, String name) {
        notNull(values, name);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(format("%s[%d] must be finite, got %s", name, i, values[i]));
            }
        }
        return values;
    }

    /**
     * Returns {@code value} unless it is negative, NaN or infinite.
     *
     * @param value the argument
     * @param name the argument's name, for the message
     * @return {@code value}
     */
    public static double nonNegative(double value, String name) {
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(format("%s must be finite and >= 0, got %s", name, value));
        }
        return value;
    }

    /**
     * Returns {@code value} unless it is zero, negative, NaN or infinite.
     *
     * @param value the argument
     * @param name the argument's name, for the message
     * @return {@code value}
     */
    public static double positive(double value, String name) {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(format("%s must be finite and > 0, got %s", name, value));
        }
        return value;
    }

    /**
     * Returns {@code value} unless it is negative.
     *
     * @param value the argument
     * @param name the argument's name, for the message
     * @return {@code value}
     */
    public static long nonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(format("%s must be >= 0, got %d", name, value));
        }
        return value;
    }

    /**
     * Returns {@code value} unless it lies outside the open interval (0, 1), as a probability, significance
     * level or confidence level must.
     *
     * @param value the argument
     * @param name the argument's name, for the message
     * @return {@code value}
     */
    public static double openUnit(double value, String name) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(format("%s must lie in (0, 1), got %s", name, value));
        }
        return value;
    }

    /**
     * Returns {@code value} unless it lies outside the closed interval [0, 1].
     *
     * @param value the argument
     * @param name the argument's name, for the message
     * @return {@code value}
     */
    public static double unit(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(format("%s must lie in [0, 1], got %s", name, value));
        }
        return value;
    }

    /**
     * Returns {@code value} unless it is null or blank.
     *
     * @param value the argument
     * @param name the argument's name, for the message
     * @return {@code value}
     */
    public static String notBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(value == null ? name + " must not be null or blank, got null"
                    : format("%s must not be null or blank, got '%s'", name, value));
        }
        return value;
    }

    /**
     * Returns {@code value} if it is a short lower-case identifier fit to end a column name: a letter a-z, then at
     * most {@value #MAX_IDENTIFIER_LENGTH} - 1 letters a-z, digits 0-9 or underscores (e.g. {@code days},
     * {@code weeks}, {@code months}).
     *
     * @param value the argument
     * @param name the argument's name, for the message
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is null or not such an identifier
     */
    public static String identifier(String value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must be a short identifier (a-z, then a-z, 0-9 or _, at most "
                    + MAX_IDENTIFIER_LENGTH + " characters), got null");
        }
        boolean ok = !value.isEmpty() && value.length() <= MAX_IDENTIFIER_LENGTH;
        for (int i = 0; ok && i < value.length(); i++) {
            char c = value.charAt(i);
            ok = c >= 'a' && c <= 'z' || i > 0 && (c >= '0' && c <= '9' || c == '_');
        }
        if (!ok) {
            throw new IllegalArgumentException(format("%s must be a short identifier (a-z, then a-z, 0-9 or _, at "
                    + "most %d characters), got '%s'", name, MAX_IDENTIFIER_LENGTH, value));
        }
        return value;
    }

    /**
     * Returns {@code index} unless it lies outside [0, size): an accessor's row or position, named in the message
     * instead of surfacing as an {@code ArrayIndexOutOfBoundsException} from inside.
     *
     * @param index the argument
     * @param size the number of valid positions
     * @param name the argument's name, for the message
     * @return {@code index}
     */
    public static int index(int index, int size, String name) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException(format("%s must lie in [0, %d), got %d", name, size, index));
        }
        return index;
    }

    /**
     * Checks that parallel columns have the same length.
     *
     * @param expected the length of the first column
     * @param actual the length of another column
     * @param name the other column's name, for the message
     */
    public static void sameLength(int expected, int actual, String name) {
        if (expected != actual) {
            throw new IllegalArgumentException(
                    format("%s has %d rows but the first column has %d", name, actual, expected));
        }
    }

    /**
     * Returns {@code a + b} unless the sum overflows a long: a count that would wrap round is rejected where the
     * counts are added, not reported later as a negative count.
     *
     * @param a a count or other long
     * @param b another
     * @param name what is being added, for the message
     * @return the exact sum
     * @throws IllegalArgumentException if the sum does not fit in a long
     */
    public static long addExact(long a, long b, String name) {
        long s = a + b;
        // Overflow iff both operands have the sign opposite to the result's (Hacker's Delight 2-13).
        if (((a ^ s) & (b ^ s)) < 0) {
            throw new IllegalArgumentException(format("%s: %d + %d overflows a long (at most %d)", name, a, b,
                    Long.MAX_VALUE));
        }
        return s;
    }
}
