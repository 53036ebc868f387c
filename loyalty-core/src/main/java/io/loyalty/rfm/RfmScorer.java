package io.loyalty.rfm;

import io.loyalty.data.CustomerSummaries;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.data.Transaction;
import io.loyalty.internal.Checks;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Scores customers on recency, frequency and monetary value and puts each in a segment; an immutable, thread-safe
 * calculator configured by {@code withX(...)} methods that return a new scorer.
 *
 * <pre>{@code
 * RfmScores s = RfmScorer.withDefaults().score(transactions, LocalDate.of(2006, 12, 31));
 * System.out.println(s.summary());
 * }</pre>
 *
 * <p>The defaults are the R package rfm 0.3.0's: {@link ScoringMethod#R_RFM}, 5 bins, total revenue as the
 * monetary value, the ten default segments ({@link SegmentMap#rfmDefault()}). From transactions, the lines that
 * share an {@link Transaction#orderId()} are one order, at its first line's time, for the sum of its lines
 * ({@link io.loyalty.data.OrderLines}); a transaction without order id is an order of its own: recency is the
 * number of calendar days (UTC) from the last purchase to the analysis date, frequency the number of orders
 * (rfm's "transaction_count", counting the orders passed in), revenue their sum.
 *
 * <p>Bad input is an {@link IllegalArgumentException} naming the argument, the row and the value: no customers, a
 * null or blank id, a purchase after the analysis date, NaN or negative money, negative or non-finite recency,
 * orders not above zero. Inputs are never modified.
 *
 * @since 0.1
 */
public final class RfmScorer {
    /** The most bins a scorer takes: scores are stored in bytes. */
    public static final int MAX_BINS = 100;

    private static final RfmScorer DEFAULTS = new RfmScorer(ScoringMethod.R_RFM, 5, null, null, null,
            MonetaryMeasure.TOTAL, SegmentMap.rfmDefault());

    private final ScoringMethod method;
    private final int bins;
    private final CutPoints recencyCuts;
    private final CutPoints frequencyCuts;
    private final CutPoints monetaryCuts;
    private final MonetaryMeasure monetaryMeasure;
    private final SegmentMap segments;

    private RfmScorer(ScoringMethod method, int bins, CutPoints recencyCuts, CutPoints frequencyCuts,
            CutPoints monetaryCuts, MonetaryMeasure monetaryMeasure, SegmentMap segments) {
        this.method = method;
        this.bins = bins;
        this.recencyCuts = recencyCuts;
        this.frequencyCuts = frequencyCuts;
        this.monetaryCuts = monetaryCuts;
        this.monetaryMeasure = monetaryMeasure;
        this.segments = segments;
    }

    /**
     * The rfm package's configuration: R's quantile bins, 5 bins, total revenue, default segments.
     *
     * @return the scorer
     */
    public static RfmScorer withDefaults() {
        return DEFAULTS;
    }

    /**
     * This scorer with another data-driven scoring method.
     *
     * @param method {@link ScoringMethod#R_RFM} or {@link ScoringMethod#NTILE}
     * @return a new scorer
     * @throws IllegalArgumentException for {@link ScoringMethod#FIXED}, which takes its cut points through
     *     {@link #withCutPoints(CutPoints, CutPoints, CutPoints)}
     */
    public RfmScorer withMethod(ScoringMethod method) {
        Checks.notNull(method, "method");
        Checks.require(method != ScoringMethod.FIXED,
                "method FIXED needs its cut points: use withCutPoints(recency, frequency, monetary)");
        return new RfmScorer(method, bins, null, null, null, monetaryMeasure, segments);
    }

    /**
     * This scorer with another number of bins for the data-driven methods.
     *
     * @param n the number of bins and the highest score, 2..{@value #MAX_BINS}
     * @return a new scorer
     * @throws IllegalArgumentException if n is out of range, or the scorer has fixed cut points
     */
    public RfmScorer withBins(int n) {
        Checks.require(n >= 2 && n <= MAX_BINS, "n (bins) must lie in 2..%d, got %d", MAX_BINS, n);
        Checks.require(method != ScoringMethod.FIXED,
                "n (bins) = %d: a scorer with fixed cut points takes n from them", n);
        return new RfmScorer(method, n, null, null, null, monetaryMeasure, segments);
    }

    /**
     * This scorer with fixed cut points per measure ({@link ScoringMethod#FIXED}), used as given, as rfm does with
     * user-given bins. The three must make the same number of bins, which becomes n.
     *
     * @param recency the recency cut points in days (bin 1, the fewest days, scores n)
     * @param frequency the frequency cut points in orders
     * @param monetary the monetary cut points
     * @return a new scorer
     * @throws IllegalArgumentException if the bin counts differ or exceed {@value #MAX_BINS}
     */
    public RfmScorer withCutPoints(CutPoints recency, CutPoints frequency, CutPoints monetary) {
        Checks.notNull(recency, "recency");
        Checks.notNull(frequency, "frequency");
        Checks.notNull(monetary, "monetary");
        int n = recency.bins();
        Checks.require(frequency.bins() == n && monetary.bins() == n,
                "cut points must make the same number of bins, got recency %d, frequency %d, monetary %d", n,
                frequency.bins(), monetary.bins());
        Checks.require(n <= MAX_BINS, "cut points make %d bins, more than %d", n, MAX_BINS);
        return new RfmScorer(ScoringMethod.FIXED, n, recency, frequency, monetary, monetaryMeasure, segments);
    }

    /**
     * This scorer with another monetary measure.
     *
     * @param measure total revenue or revenue per order
     * @return a new scorer
     */
    public RfmScorer withMonetary(MonetaryMeasure measure) {
        Checks.notNull(measure, "measure");
        return new RfmScorer(method, bins, recencyCuts, frequencyCuts, monetaryCuts, measure, segments);
    }

    /**
     * This scorer with another segment map.
     *
     * @param map the segments, tried in order
     * @return a new scorer
     */
    public RfmScorer withSegments(SegmentMap map) {
        Checks.notNull(map, "map");
        return new RfmScorer(method, bins, recencyCuts, frequencyCuts, monetaryCuts, monetaryMeasure, map);
    }

    /**
     * The scoring method.
     *
     * @return the method
     */
    public ScoringMethod method() {
        return method;
    }

    /**
     * The number of bins, the highest score.
     *
     * @return n
     */
    public int bins() {
        return bins;
    }

    /**
     * The recency cut points of a {@link ScoringMethod#FIXED} scorer.
     *
     * @return the cut points, empty unless the method is FIXED
     */
    public Optional<CutPoints> recencyCutPoints() {
        return Optional.ofNullable(recencyCuts);
    }

    /**
     * The frequency cut points of a {@link ScoringMethod#FIXED} scorer.
     *
     * @return the cut points, empty unless the method is FIXED
     */
    public Optional<CutPoints> frequencyCutPoints() {
        return Optional.ofNullable(frequencyCuts);
    }

    /**
     * The monetary cut points of a {@link ScoringMethod#FIXED} scorer.
     *
     * @return the cut points, empty unless the method is FIXED
     */
    public Optional<CutPoints> monetaryCutPoints() {
        return Optional.ofNullable(monetaryCuts);
    }

    /**
     * The monetary measure scored.
     *
     * @return the measure
     */
    public MonetaryMeasure monetaryMeasure() {
        return monetaryMeasure;
    }

    /**
     * The segment map.
     *
     * @return the map
     */
    public SegmentMap segments() {
        return segments;
    }

    /**
     * Scores customers from their transactions, one order each, as rfm's {@code rfm_table_order}.
     *
     * @param transactions the orders or order lines, in any order, not empty; amounts &gt;= 0 (iterated twice:
     *     checked, then summarized)
     * @param analysisDate the day recency is counted to, on or after every purchase (UTC)
     * @return the scores, customers ordered by id (numeric ids numerically, then the others as strings)
     * @throws IllegalArgumentException if the input is empty, an amount is negative or a purchase falls after the
     *     analysis date
     */
    public RfmScores score(Iterable<? extends Transaction> transactions, LocalDate analysisDate) {
        Checks.notNull(transactions, "transactions");
        Checks.notNull(analysisDate, "analysisDate");
        long end = analysisDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long row = 0;
        for (Transaction tx : transactions) {
            if (tx == null) {
                throw new IllegalArgumentException(Checks.format("transactions has a null at row %d", row));
            }
            if (tx.time().getEpochSecond() >= end) {
                throw new IllegalArgumentException(Checks.format(
                        "analysisDate %s is before the purchase at row %d (customer '%s', %s)", analysisDate, row,
                        tx.customerId(), tx.time()));
            }
            if (!(tx.amount() >= 0)) {
                throw new IllegalArgumentException(Checks.format(
                        "amount at row %d (customer '%s') must be >= 0, got %s", row, tx.customerId(), tx.amount()));
            }
            row++;
        }
        Checks.require(row > 0, "transactions must not be empty");
        return score(Summarizer.of(PeriodRule.days(ZoneOffset.UTC), analysisDate).summarize(transactions),
                analysisDate);
    }

    /**
     * Scores customers from summaries of their transactions: recency from the last purchase's day (UTC), frequency
     * = the purchase rows, revenue = the total value.
     *
     * @param summaries the summaries, from {@link Summarizer} with amounts &gt;= 0
     * @param analysisDate the day recency is counted to, on or after every last purchase
     * @return the scores, in the summaries' order
     * @throws IllegalArgumentException if a last purchase falls after the analysis date or a total is negative
     */
    public RfmScores score(CustomerSummaries summaries, LocalDate analysisDate) {
        Checks.notNull(summaries, "summaries");
        Checks.notNull(analysisDate, "analysisDate");
        int n = summaries.size();
        Checks.require(n > 0, "summaries must not be empty");
        long day = analysisDate.toEpochDay();
        long[] last = summaries.lastPurchaseEpochSecond();
        int[] count = summaries.transactions();
        double[] recency = new double[n];
        double[] orders = new double[n];
        double[] revenue = summaries.totalValue();
        String[] ids = summaries.ids().toArray(new String[0]);
        for (int i = 0; i < n; i++) {
            long d = day - Math.floorDiv(last[i], 86_400L);
            if (d < 0 || !(revenue[i] >= 0)) {
                Checks.require(d >= 0, "analysisDate %s is before the last purchase of customer '%s' (row %d) on %s",
                        analysisDate, ids[i], i, LocalDate.ofEpochDay(day - d));
                throw new IllegalArgumentException(Checks.format(
                        "revenue of customer '%s' (row %d) must be >= 0, got %s", ids[i], i, revenue[i]));
            }
            recency[i] = d;
            orders[i] = count[i];
        }
        return scoreOwned(ids, recency, orders, revenue);
    }

    /**
     * Scores ready per-customer figures given as columns, as rfm's {@code rfm_table_customer}.
     *
     * @param customerIds the ids, not blank (taken as given; {@link RfmScores#indexOf(String)} needs them distinct)
     * @param recencyDays days since each customer's last purchase, finite and &gt;= 0
     * @param orders orders per customer, finite and &gt; 0
     * @param revenue total revenue per customer, finite and &gt;= 0
     * @return the scores, in the input's order
     * @throws IllegalArgumentException if the columns are empty or differ in length, or a value is out of range
     */
    public RfmScores score(String[] customerIds, double[] recencyDays, double[] orders, double[] revenue) {
        Checks.notNull(customerIds, "customerIds");
        Checks.notNull(recencyDays, "recencyDays");
        Checks.notNull(orders, "orders");
        Checks.notNull(revenue, "revenue");
        int n = customerIds.length;
        Checks.require(n > 0, "customerIds must not be empty");
        Checks.sameLength(n, recencyDays.length, "recencyDays");
        Checks.sameLength(n, orders.length, "orders");
        Checks.sameLength(n, revenue.length, "revenue");
        for (int i = 0; i < n; i++) {
            String id = customerIds[i];
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException(Checks.format(
                        "customerIds at row %d must not be null or blank, got %s", i, id == null ? "null" : "'" + id + "'"));
            }
            checkFigures(i, id, recencyDays[i], orders[i], revenue[i]);
        }
        return scoreOwned(customerIds.clone(), recencyDays.clone(), orders.clone(), revenue.clone());
    }

    /**
     * Scores ready per-customer figures given as records.
     *
     * @param customers the customers, not empty
     * @return the scores, in the list's order
     */
    public RfmScores score(List<CustomerFigures> customers) {
        Checks.notNull(customers, "customers");
        int n = customers.size();
        Checks.require(n > 0, "customers must not be empty");
        String[] ids = new String[n];
        double[] recency = new double[n];
        double[] orders = new double[n];
        double[] revenue = new double[n];
        for (int i = 0; i < n; i++) {
            CustomerFigures c = customers.get(i);
            Checks.require(c != null, "customers has a null at row %d", i);
            ids[i] = c.customerId();
            recency[i] = c.recencyDays();
            orders[i] = c.orders();
            revenue[i] = c.revenue();
        }
        return scoreOwned(ids, recency, orders, revenue);
    }

    static void checkFigures(String id, double recencyDays, double orders, double revenue) {
        checkFigures(-1, id, recencyDays, orders, revenue);
    }

    private static void checkFigures(int row, String id, double recencyDays, double orders, double revenue) {
        // Plain comparisons first: the message (and its boxing) is built only for a bad row.
        if (recencyDays >= 0 && recencyDays < Double.POSITIVE_INFINITY && orders > 0
                && orders < Double.POSITIVE_INFINITY && revenue >= 0 && revenue < Double.POSITIVE_INFINITY) {
            return;
        }
        String where = row < 0 ? Checks.format("customer '%s'", id) : Checks.format("row %d (customer '%s')", row, id);
        Checks.require(recencyDays >= 0 && recencyDays < Double.POSITIVE_INFINITY,
                "recencyDays at %s must be finite and >= 0, got %s", where, recencyDays);
        Checks.require(orders > 0 && orders < Double.POSITIVE_INFINITY,
                "orders at %s must be finite and > 0, got %s", where, orders);
        Checks.require(revenue >= 0 && revenue < Double.POSITIVE_INFINITY,
                "revenue at %s must be finite and >= 0, got %s", where, revenue);
    }

    /** The kernel; the arrays are valid and owned by the result. */
    private RfmScores scoreOwned(String[] ids, double[] recency, double[] orders, double[] revenue) {
        int n = ids.length;
        double[] monetary = revenue;
        if (monetaryMeasure == MonetaryMeasure.MEAN_PER_ORDER) {
            monetary = new double[n];
            for (int i = 0; i < n; i++) {
                monetary[i] = revenue[i] / orders[i];
                if (!(monetary[i] <= Double.MAX_VALUE)) {
                    // Tiny order counts (a subnormal) make the mean overflow: an error, not an infinite score.
                    throw new IllegalArgumentException(Checks.format("revenue / orders at row %d (customer '%s') is "
                            + "beyond the largest double: revenue %s, orders %s", i, ids[i], revenue[i], orders[i]));
                }
            }
        }
        byte[] r = new byte[n];
        byte[] f = new byte[n];
        byte[] m = new byte[n];
        Bins rb = scoreMeasure(recency, recencyCuts, true, r);
        Bins fb = scoreMeasure(orders, frequencyCuts, false, f);
        Bins mb = scoreMeasure(monetary, monetaryCuts, false, m);
        int[] segment = new int[n];
        SegmentMap map = segments;
        for (int i = 0; i < n; i++) {
            segment[i] = map.indexOf(r[i], f[i], m[i]);
        }
        return new RfmScores(ids, recency, orders, revenue, monetary, r, f, m, segment, rb, fb, mb, map, method);
    }

    private Bins scoreMeasure(double[] x, CutPoints fixed, boolean reverse, byte[] out) {
        switch (method) {
            case R_RFM: {
                double[] sorted = Binning.sorted(x);
                double[] cuts = Binning.rfmCuts(sorted, bins);
                Binning.scoreByCuts(x, cuts, reverse, out);
                return Binning.binsAround(sorted[0], sorted[sorted.length - 1], cuts);
            }
            case NTILE: {
                double[] sorted = Binning.sorted(x);
                Binning.scoreByNtile(x, sorted, bins, reverse, out);
                return Binning.binsOfNtile(sorted, bins, reverse);
            }
            default: {
                double[] cuts = fixed.raw();
                Binning.scoreByCuts(x, cuts, reverse, out);
                double min = x[0];
                double max = x[0];
                for (double v : x) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                return Binning.binsAround(min, max, cuts);
            }
        }
    }

    @Override
    public String toString() {
        return Checks.format("RfmScorer[%s, %d bins, monetary %s, %d segments]", method, bins, monetaryMeasure,
                segments.size());
    }
}
