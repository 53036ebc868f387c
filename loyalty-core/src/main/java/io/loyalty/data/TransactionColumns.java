package io.loyalty.data;

import io.loyalty.internal.Checks;

/**
 * Transactions as parallel primitive columns, the fast input of {@link Summarizer}: customer ids either dense
 * non-negative ints (array-indexed, no hashing) or strings; times as epoch days or epoch seconds; amounts as
 * doubles.
 *
 * <p>This is a view: the arrays are not copied and are never modified; do not change them while it is in use.
 * Lengths are checked here, values when summarized (so an error names the row).
 *
 * @since 0.1
 */
public final class TransactionColumns {
    private final int[] denseIds;
    private final String[] ids;
    private final int[] epochDays;
    private final long[] epochSeconds;
    private final double[] amounts;

    private TransactionColumns(int[] denseIds, String[] ids, int[] epochDays, long[] epochSeconds, double[] amounts) {
        int n = denseIds != null ? denseIds.length : Checks.notNull(ids, "customerIds").length;
        Checks.notNull(amounts, "amounts");
        Checks.sameLength(n, epochDays != null ? epochDays.length : Checks.notNull(epochSeconds, "times").length,
                "times");
        Checks.sameLength(n, amounts.length, "amounts");
        this.denseIds = denseIds;
        this.ids = ids;
        this.epochDays = epochDays;
        this.epochSeconds = epochSeconds;
        this.amounts = amounts;
    }

    /**
     * Dense int customer ids (0..max, used as array indexes) with times as days since 1970-01-01.
     *
     * @param customerIds customer per row, each {@code >= 0}
     * @param epochDays day per row
     * @param amounts amount per row
     * @return the columns
     */
    public static TransactionColumns ofEpochDays(int[] customerIds, int[] epochDays, double[] amounts) {
        return new TransactionColumns(Checks.notNull(customerIds, "customerIds"), null,
                Checks.notNull(epochDays, "epochDays"), null, amounts);
    }

    /**
     * Dense int customer ids with times as seconds since 1970-01-01T00:00Z.
     *
     * @param customerIds customer per row, each {@code >= 0}
     * @param epochSeconds time per row
     * @param amounts amount per row
     * @return the columns
     */
    public static TransactionColumns ofEpochSeconds(int[] customerIds, long[] epochSeconds, double[] amounts) {
        return new TransactionColumns(Checks.notNull(customerIds, "customerIds"), null, null,
                Checks.notNull(epochSeconds, "epochSeconds"), amounts);
    }

    /**
     * String customer ids with times as days since 1970-01-01.
     *
     * @param customerIds customer per row, not blank
     * @param epochDays day per row
     * @param amounts amount per row
     * @return the columns
     */
    public static TransactionColumns ofEpochDays(String[] customerIds, int[] epochDays, double[] amounts) {
        return new TransactionColumns(null, Checks.notNull(customerIds, "customerIds"),
                Checks.notNull(epochDays, "epochDays"), null, amounts);
    }

    /**
     * String customer ids with times as seconds since 1970-01-01T00:00Z.
     *
     * @param customerIds customer per row, not blank
     * @param epochSeconds time per row
     * @param amounts amount per row
     * @return the columns
     */
    public static TransactionColumns ofEpochSeconds(String[] customerIds, long[] epochSeconds, double[] amounts) {
        return new TransactionColumns(null, Checks.notNull(customerIds, "customerIds"), null,
                Checks.notNull(epochSeconds, "epochSeconds"), amounts);
    }

    /**
     * The number of rows.
     *
     * @return the size
     */
    public int size() {
        return amounts.length;
    }

    boolean denseIds() {
        return denseIds != null;
    }

    /** The dense id column itself (not a copy: never modify it). */
    int[] denseIdColumn() {
        return denseIds;
    }

    /** The epoch day column itself, or null when times are seconds (not a copy: never modify it). */
    int[] epochDayColumn() {
        return epochDays;
    }

    /** The epoch second column itself, or null when times are days (not a copy: never modify it). */
    long[] epochSecondColumn() {
        return epochSeconds;
    }

    /** The amount column itself (not a copy: never modify it). */
    double[] amountColumn() {
        return amounts;
    }

    String id(int row) {
        return ids != null ? ids[row] : Integer.toString(denseIds[row]);
    }

    boolean byDay() {
        return epochDays != null;
    }

    int epochDay(int row) {
        return epochDays[row];
    }

    long epochSecond(int row) {
        return epochDays != null ? epochDays[row] * 86_400L : epochSeconds[row];
    }

    double amount(int row) {
        return amounts[row];
    }
}
