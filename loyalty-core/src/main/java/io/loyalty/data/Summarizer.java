package io.loyalty.data;

import io.loyalty.internal.Checks;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns transactions into per-customer summaries (frequency, recency, T, monetary value, first and last
 * purchase, counts and totals) for a {@link PeriodRule} and an observation end; equal to lifetimes'
 * {@code summary_data_from_transaction_data} and {@code calibration_and_holdout_data}.
 *
 * <pre>{@code
 * Summarizer s = Summarizer.of(PeriodRule.days().withUnit(7), LocalDate.of(1997, 9, 30));
 * CustomerSummaries summaries = s.summarize(transactions);
 * }</pre>
 *
 * <p>Bad input is rejected with an {@link IllegalArgumentException} naming the row, the column and the value: a
 * time after the observation end, a non-finite amount, a negative amount (unless {@link #withReturnsNetted()}),
 * a blank id, an empty input, a time outside the range of {@link PeriodRule}, a customer whose amounts sum beyond the
 * largest double. Sums of money are exact and rounded once, so the summaries do not depend on the order of the rows
 * or on how they were split. Immutable, thread-safe and serializable (so that a distributed engine can call it on
 * its workers; the serialized form is rebuilt through the public factories, so a crafted stream cannot make an
 * invalid summarizer); the caller's data is never modified.
 *
 * @since 0.1
 */
public final class Summarizer implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The rule that turns times into periods. */
    private final PeriodRule rule;
    /** The end of the observation. */
    private final Instant observationEnd;
    /** The observation end's epoch second. */
    private final long endSecond;
    /** The observation end's nanosecond of the second. */
    private final int endNano;
    /** The observation end's calendar day in the rule's zone: the last day a row given as a day may fall on. */
    private final long endDay;
    /** Whether negative amounts (returns) are netted against the purchases. */
    private final boolean netReturns;

    private Summarizer(PeriodRule rule, Instant observationEnd, boolean netReturns) {
        this.rule = Checks.notNull(rule, "rule");
        this.observationEnd = requireTime(observationEnd, "observationEnd");
        this.endSecond = observationEnd.getEpochSecond();
        this.endNano = observationEnd.getNano();
        this.endDay = lastDay(rule, observationEnd);
        this.netReturns = netReturns;
    }

    /**
     * A summarizer whose observation window ends at an instant (inclusive).
     *
     * @param rule how time is cut into periods
     * @param observationEnd the last instant observed
     * @return the summarizer
     */
    public static Summarizer of(PeriodRule rule, Instant observationEnd) {
        return new Summarizer(rule, observationEnd, false);
    }

    /**
     * A summarizer whose observation window ends with a day (inclusive, in the rule's time zone).
     *
     * @param rule how time is cut into periods
     * @param observationEnd the last day observed
     * @return the summarizer
     */
    public static Summarizer of(PeriodRule rule, LocalDate observationEnd) {
        Checks.notNull(rule, "rule");
        return of(rule, endOfDay(rule, observationEnd, "observationEnd"));
    }

    /** The last instant of a day in the rule's zone. */
    static Instant endOfDay(PeriodRule rule, LocalDate day) {
        return endOfDay(rule, day, "day");
    }

    /** The last instant of a day in the rule's zone; {@code name} is the caller's argument, for the message. */
    static Instant endOfDay(PeriodRule rule, LocalDate day, String name) {
        Checks.notNull(day, name);
        long epochDay = day.toEpochDay();
        if (epochDay < PeriodRule.MIN_DAY || epochDay > PeriodRule.MAX_DAY) {
            throw new IllegalArgumentException(Checks.format("%s %s is outside the days a PeriodRule handles (%s to %s)",
                    name, day, LocalDate.ofEpochDay(PeriodRule.MIN_DAY), LocalDate.ofEpochDay(PeriodRule.MAX_DAY)));
        }
        return day.plusDays(1).atStartOfDay(rule.zone()).toInstant().minusNanos(1);
    }

    /** Returns {@code time} unless it is null or outside the times a {@link PeriodRule} handles. */
    static Instant requireTime(Instant time, String name) {
        Checks.notNull(time, name);
        if (!inRange(time.getEpochSecond())) {
            throw new IllegalArgumentException(Checks.format(
                    "%s %s is outside the times a PeriodRule handles (%s to %s)", name, time,
                    Instant.ofEpochSecond(PeriodRule.MIN_SECOND), Instant.ofEpochSecond(PeriodRule.MAX_SECOND)));
        }
        return time;
    }

    /**
     * This summarizer, but negative amounts are returns netted against the customer's purchases instead of
     * errors: they do not count as purchases, they reduce the total value and the value of the repeat purchases
     * (so the monetary value), never below zero; a customer with returns but no purchase is still an error.
     *
     * @return a new summarizer
     */
    public Summarizer withReturnsNetted() {
        return new Summarizer(rule, observationEnd, true);
    }

    /**
     * The period rule.
     *
     * @return the rule
     */
    public PeriodRule rule() {
        return rule;
    }

    /**
     * The last instant observed.
     *
     * @return the observation end
     */
    public Instant observationEnd() {
        return observationEnd;
    }

    /**
     * Whether negative amounts are netted as returns.
     *
     * @return true if returns are netted
     */
    public boolean netsReturns() {
        return netReturns;
    }

    /**
     * A new, empty, mergeable accumulator for this configuration.
     *
     * @return the accumulator
     */
    public SummaryAccumulator newAccumulator() {
        return new SummaryAccumulator(this);
    }

    /**
     * Summarizes transactions. Lines that share an {@link Transaction#orderId()} are one order (one purchase, at
     * its first line's time and period, for the sum of its lines), as {@link OrderLines#orders}; the rows of the
     * error messages are then the orders, in the order of their first line.
     *
     * @param transactions the transactions, in any order, not empty
     * @return the summaries, ordered by customer id
     */
    public CustomerSummaries summarize(Iterable<? extends Transaction> transactions) {
        Checks.notNull(transactions, "transactions");
        SummaryAccumulator acc = newAccumulator();
        for (Transaction tx : OrderLines.orders(transactions, "transactions")) {
            acc.add(tx);
        }
        return nonEmpty(acc).snapshot();
    }

    /**
     * Summarizes a stream of transactions; a parallel stream is split and its parts combined. Order lines are
     * grouped into orders first, as {@link #summarize(Iterable)} (which takes the whole stream in memory).
     *
     * @param transactions the transactions, in any order, not empty
     * @return the summaries, ordered by customer id
     */
    public CustomerSummaries summarize(Stream<? extends Transaction> transactions) {
        Checks.notNull(transactions, "transactions");
        boolean parallel = transactions.isParallel();
        List<Transaction> orders = OrderLines.orders(transactions.collect(Collectors.toList()), "transactions");
        SummaryAccumulator acc = (parallel ? orders.parallelStream() : orders.stream()).collect(this::newAccumulator,
                SummaryAccumulator::add, SummaryAccumulator::combine);
        return nonEmpty(acc).snapshot();
    }

    /**
     * Summarizes transactions given as columns. Dense int ids are used as array indexes (no hashing): the rows are
     * grouped by customer with a counting sort and the customers summarized on the common fork-join pool, as fast
     * in any row order and with the same result for every order, split and number of threads.
     *
     * @param columns the transactions, not empty
     * @return the summaries, ordered by customer id
     */
    public CustomerSummaries summarize(TransactionColumns columns) {
        Checks.notNull(columns, "columns");
        int n = columns.size();
        Checks.require(n > 0, "no transactions: the input is empty");
        if (columns.denseIds()) {
            if (n <= DenseSummarizer.MAX_ROWS) {
                return DenseSummarizer.summarize(this, columns);
            }
            // More rows than the grouped path's arrays hold: the same checks, then one hashed state per customer.
            DenseSummarizer.check(this, columns, n);
        }
        SummaryAccumulator acc = newAccumulator();
        for (int row = 0; row < n; row++) {
            String id = columns.id(row);
            long second = columns.epochSecond(row);
            double amount = columns.amount(row);
            checkColumnRow(columns, row, second, amount);
            acc.addChecked(id, second, 0, amount, period(columns, row, second));
        }
        return acc.snapshot();
    }

    /**
     * The period of a row of columns: a day given as an epoch day is that calendar day in the rule's zone, whatever
     * the id type (the instant {@code epochDay * 86400} is midnight UTC, which a zone west of UTC puts on the day
     * before).
     */
    long period(TransactionColumns columns, int row, long second) {
        return columns.byDay() ? rule.dayIndex(columns.epochDay(row)) : rule.index(second, 0);
    }

    /**
     * Whether a row of dense columns passes the row checks: cheap comparisons only; {@link #checkColumnRow} says
     * why not. {@code time} is the row's epoch day when {@code byDay}, else its epoch second.
     */
    boolean acceptsDenseRow(boolean byDay, long time, double amount) {
        boolean inWindow = byDay ? time <= endDay : time <= endSecond && time >= PeriodRule.MIN_SECOND;
        return inWindow && Double.isFinite(amount) && (amount >= 0 || netReturns);
    }

    /**
     * Splits transactions into a calibration summary (up to {@code calibrationEnd}) and, per calibration
     * customer, the purchases of the holdout window after it up to the observation end, as lifetimes'
     * {@code calibration_and_holdout_data}. Customers whose first purchase falls in the holdout are left out.
     * Order lines are grouped into orders first, as {@link #summarize(Iterable)}: an order spanning the
     * calibration end is in the window of its first line.
     *
     * @param transactions the transactions, in any order, not empty
     * @param calibrationEnd the last instant of the calibration window, before the observation end
     * @return the split
     */
    public CalibrationHoldout calibrationHoldout(Iterable<? extends Transaction> transactions, Instant calibrationEnd) {
        Checks.notNull(transactions, "transactions");
        Split split = new Split(calibrationEnd);
        long row = 0;
        for (Transaction tx : OrderLines.orders(transactions, "transactions")) {
            split.add(row++, tx.customerId(), tx.time().getEpochSecond(), tx.time().getNano(), tx.amount(), null);
        }
        return split.result(row);
    }

    /**
     * {@link #calibrationHoldout(Iterable, Instant)} for transactions given as columns.
     *
     * @param columns the transactions, not empty
     * @param calibrationEnd the last instant of the calibration window, before the observation end
     * @return the split
     */
    public CalibrationHoldout calibrationHoldout(TransactionColumns columns, Instant calibrationEnd) {
        Checks.notNull(columns, "columns");
        Split split = new Split(calibrationEnd);
        int n = columns.size();
        for (int row = 0; row < n; row++) {
            split.add(row, columns.id(row), columns.epochSecond(row), 0, columns.amount(row), columns);
        }
        return split.result(n);
    }

    /** One pass of a calibration/holdout split: rows up to the calibration end summarized, later ones tallied. */
    private final class Split {
        private final Instant calibrationEnd;
        /** The calibration end's calendar day in the rule's zone, for rows given as days. */
        private final long calibrationDay;
        private final SummaryAccumulator calibration;
        private final Map<String, CustomerState> holdout = new HashMap<>();

        Split(Instant calibrationEnd) {
            this.calibrationEnd = requireTime(calibrationEnd, "calibrationEnd");
            this.calibrationDay = lastDay(rule, calibrationEnd);
            Checks.require(calibrationEnd.isBefore(observationEnd),
                    "calibrationEnd %s must be before the observation end %s", calibrationEnd, observationEnd);
            this.calibration = new Summarizer(rule, calibrationEnd, netReturns).newAccumulator();
        }

        /** Adds a row; {@code columns} (or null) is where it came from, for its period. */
        void add(long row, String id, long second, int nano, double amount, TransactionColumns columns) {
            boolean inCalibration;
            long period;
            if (columns == null) {
                checkRow(row, id, second, nano, amount);
                period = rule.index(second, nano);
                inCalibration = !after(second, nano, calibrationEnd.getEpochSecond(), calibrationEnd.getNano());
            } else {
                checkColumnRow(columns, (int) row, second, amount);
                period = period(columns, (int) row, second);
                inCalibration = columns.byDay() ? columns.epochDay((int) row) <= calibrationDay
                        : second <= calibrationEnd.getEpochSecond();
            }
            if (inCalibration) {
                calibration.addChecked(id, second, nano, amount, period);
            } else {
                CustomerState s = holdout.computeIfAbsent(id, k -> new CustomerState());
                if (amount < 0) {
                    s.addReturn(amount);
                } else {
                    s.addPurchase(period, second, nano, amount);
                }
            }
        }

        CalibrationHoldout result(long rows) {
            Checks.require(rows > 0, "no transactions: the input is empty");
            Checks.require(calibration.rows() > 0, "no transactions on or before the calibration end %s",
                    calibrationEnd);
            CustomerSummaries summaries = calibration.snapshot();
            int n = summaries.size();
            int[] frequency = new int[n];
            double[] value = new double[n];
            for (int i = 0; i < n; i++) {
                CustomerState s = holdout.get(summaries.id(i));
                if (s != null && s.purchases > 0) {
                    frequency[i] = s.periodCount;
                    // lifetimes averages the holdout rows themselves, not the merged periods.
                    double total = s.totalValue();
                    Checks.require(Math.abs(total) <= Double.MAX_VALUE, "the holdout amounts of customer '%s' "
                            + "(%d purchases) sum to more than the largest double (%s): scale the amounts down",
                            summaries.id(i), s.purchases, Double.MAX_VALUE);
                    value[i] = total / s.purchases;
                }
            }
            double duration = rule.toUnits(rule.index(observationEnd) - rule.index(calibrationEnd));
            return new CalibrationHoldout(summaries, frequency, value, duration, calibrationEnd, observationEnd);
        }
    }

    /**
     * {@link #calibrationHoldout(Iterable, Instant)} with the calibration window ending with a day (inclusive,
     * in the rule's time zone).
     *
     * @param transactions the transactions
     * @param calibrationEnd the last day of the calibration window
     * @return the split
     */
    public CalibrationHoldout calibrationHoldout(Iterable<? extends Transaction> transactions,
            LocalDate calibrationEnd) {
        return calibrationHoldout(transactions, endOfDay(rule, calibrationEnd, "calibrationEnd"));
    }

    /** The calendar day, in the rule's zone, of an instant: the last day a row given as a day may fall on. */
    static long lastDay(PeriodRule rule, Instant end) {
        return LocalDate.ofInstant(end, rule.zone()).toEpochDay();
    }

    void checkRow(long row, String id, long second, int nano, double amount) {
        checkRow(row, id, second, after(second, nano, endSecond, endNano), inRange(second)
                ? Instant.ofEpochSecond(second, nano) : null, amount);
    }

    /**
     * The row check of columns: a row given as a day is late when that calendar day (in the rule's zone, as its
     * period) is after the observation end's, not when its midnight UTC is.
     */
    void checkColumnRow(TransactionColumns columns, int row, long second, double amount) {
        if (columns.byDay()) {
            long day = columns.epochDay(row);
            checkRow(row, columns.id(row), second, day > endDay, LocalDate.ofEpochDay(day), amount);
        } else {
            checkRow(row, columns.id(row), second, second > endSecond,
                    inRange(second) ? Instant.ofEpochSecond(second) : null, amount);
        }
    }

    private static boolean inRange(long second) {
        return second >= PeriodRule.MIN_SECOND && second <= PeriodRule.MAX_SECOND;
    }

    /** The row checks; {@code time} is the row's time for the message, null when it is outside a rule's range. */
    private void checkRow(long row, String id, long second, boolean late, Object time, double amount) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(Checks.format(
                    "customerId at row %d must not be null or blank, got %s", row, id == null ? "null" : "'" + id + "'"));
        }
        if (time == null) {
            throw new IllegalArgumentException(Checks.format(
                    "time at row %d (customer '%s') is %d seconds since the epoch, outside the times a PeriodRule "
                            + "handles (%d to %d)", row, id, second, PeriodRule.MIN_SECOND, PeriodRule.MAX_SECOND));
        }
        if (late) {
            throw new IllegalArgumentException(Checks.format(
                    "time at row %d (customer '%s') is %s, after the observation end %s", row, id, time,
                    observationEnd));
        }
        if (!Double.isFinite(amount)) {
            throw new IllegalArgumentException(Checks.format(
                    "amount at row %d (customer '%s') must be finite, got %s", row, id, amount));
        }
        if (amount < 0 && !netReturns) {
            throw new IllegalArgumentException(Checks.format(
                    "amount at row %d (customer '%s') is negative (%s): returns are rejected unless "
                            + "Summarizer.withReturnsNetted() is used", row, id, amount));
        }
    }

    private static boolean after(long second, int nano, long endSecond, int endNano) {
        return second > endSecond || (second == endSecond && nano > endNano);
    }

    private static SummaryAccumulator nonEmpty(SummaryAccumulator acc) {
        Checks.require(acc.rows() > 0, "no transactions: the input is empty");
        return acc;
    }

    /**
     * Serializes a {@link SerializedForm} instead of the fields.
     *
     * @return the serialized form
     */
    private Object writeReplace() {
        return new SerializedForm(rule, observationEnd, netReturns);
    }

    /**
     * A summarizer is only ever read back through its proxy.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a Summarizer is read through its serialized form only");
    }

    /** The serialized form: the factory's arguments, rebuilt through {@link #of(PeriodRule, Instant)}. */
    private static final class SerializedForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private final PeriodRule rule;
        private final Instant observationEnd;
        private final boolean netReturns;

        SerializedForm(PeriodRule rule, Instant observationEnd, boolean netReturns) {
            this.rule = rule;
            this.observationEnd = observationEnd;
            this.netReturns = netReturns;
        }

        private Object readResolve() throws InvalidObjectException {
            try {
                Summarizer s = of(rule, observationEnd);
                return netReturns ? s.withReturnsNetted() : s;
            } catch (IllegalArgumentException e) {
                InvalidObjectException invalid = new InvalidObjectException("invalid serialized Summarizer: "
                        + e.getMessage());
                invalid.initCause(e);
                throw invalid;
            }
        }
    }

    @Override
    public String toString() {
        return "Summarizer[" + rule + ", observation end " + observationEnd + (netReturns ? ", returns netted" : "")
                + "]";
    }
}
