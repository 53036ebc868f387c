package io.loyalty.churn;

import io.loyalty.clv.BetaGeoFitter;
import io.loyalty.clv.BetaGeoModel;
import io.loyalty.clv.ClvBootstrap;
import io.loyalty.clv.CustomerIntervals;
import io.loyalty.clv.Diagnostics;
import io.loyalty.clv.FitSummary;
import io.loyalty.clv.GammaGammaFitter;
import io.loyalty.clv.GammaGammaModel;
import io.loyalty.clv.TransactionModel;
import io.loyalty.data.CalibrationHoldout;
import io.loyalty.data.CustomerSummaries;
import io.loyalty.data.PeriodRule;
import io.loyalty.internal.Checks;
import io.loyalty.internal.ChunkedSum;
import io.loyalty.internal.PairIndex;
import io.loyalty.internal.Selection;
import io.loyalty.rfm.RfmScorer;
import io.loyalty.rfm.RfmScores;
import io.loyalty.stats.ConvergenceException;
import io.loyalty.stats.Interval;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The churn early-warning list, in one call from customer summaries (and optionally the previous snapshot's RFM
 * scores): who is at risk, how likely they are still active, what they would be worth if retained, how long they
 * have been silent against their own rhythm, how their RFM segment moved, and why they are listed.
 *
 * <pre>
 * P(alive)                     purchase model (BG/NBD by default) at the observation end, interval by ClvBootstrap
 * expected purchases if retained  E[Y(h) | x, T, T] / P(alive | x, T, T)   (the model's e(h, x, T); h = months)
 * CLV if retained              E[spend | x, m] * sum_i (e(i f) - e((i-1) f)) / (1 + d)^i   (as ClvCalculator)
 * value at risk                (1 - P(alive)) * CLV if retained
 * expected gap (time units)    (alpha + t_x) / (r + x): the posterior mean rate's inverse, own gap t_x/x shrunk
 *                              toward the population's alpha/r
 * overdue ratio                (T - t_x) / expected gap
 * </pre>
 *
 * <p>Reasons ({@link Reason}): P(alive) below {@link #withAliveThreshold(double)} (0.5), overdue ratio above
 * {@link #withOverdueFactor(double)} (2), current segment among {@link #withAtRiskSegments(Set)} ("At Risk",
 * "Can't Lose Them", "About To Sleep"), R + F + M fallen by {@link #withScoreDrop(int)} (2) or more since the
 * previous snapshot. A customer is listed when an enabled reason fires; the list is ranked by
 * {@link #withRanking(Ranking)} (value at risk) with ties broken by id, and cut at {@link #withLimit(int)}.
 *
 * <p><b>Degenerate fits.</b> When the purchase model's {@link Diagnostics#degenerate()} is true (on Online Retail
 * BG/NBD runs a to 0 and P(alive) stays near 1 for everyone), the list falls back to the recency and RFM signals:
 * {@link Reason#LOW_P_ALIVE} never fires, a P(alive) ranking becomes an overdue ranking, value at risk is the whole
 * CLV if retained, the expected gap is the customer's own {@code (g + t_x) / (1 + x)} with {@code g} the pooled gap
 * {@code sum t_x / sum x} when the boundary concerns r or alpha; and {@link WarningList#fallback()} and the notes
 * say so. The same fallback applies when the BG/NBD fit fails ({@link ConvergenceException}: no proper maximum), with
 * the values taken at the parameters where the fit stopped and the failure in the notes.
 *
 * <pre>{@code
 * WarningList list = ChurnWarning.withDefaults().withLimit(100).list(summaries, rfmLastQuarter);
 * System.out.println(list);
 * list.writeCsv(Path.of("at-risk.csv"));
 * }</pre>
 *
 * <p>Immutable and thread-safe. The models are fitted on the summaries unless given with
 * {@link #withModels(TransactionModel, GammaGammaModel)}; the RFM scores are computed at the observation end's
 * day.
 *
 * @since 0.2
 */
public final class ChurnWarning {
    /** The at-risk segments of the rfm package's default map that list a customer by default. */
    public static final Set<String> DEFAULT_AT_RISK_SEGMENTS = Collections.unmodifiableSet(
            new LinkedHashSet<>(List.of("At Risk", "Can't Lose Them", "About To Sleep")));
    private static final double DAYS_PER_MONTH = 365.2425 / 12;
    private final double aliveThreshold;
    private final double overdueFactor;
    private final Set<String> atRiskSegments;
    private final int scoreDrop;
    private final Set<Reason> reasons;
    private final Ranking ranking;
    private final int limit;
    private final int months;
    private final double discountRate;
    private final BetaGeoFitter fitter;
    private final RfmScorer scorer;
    private final ClvBootstrap bootstrap;
    private final TransactionModel purchases;
    private final GammaGammaModel spend;

    private ChurnWarning(double aliveThreshold, double overdueFactor, Set<String> atRiskSegments, int scoreDrop,
            Set<Reason> reasons, Ranking ranking, int limit, int months, double discountRate, BetaGeoFitter fitter,
            RfmScorer scorer, ClvBootstrap bootstrap, TransactionModel purchases, GammaGammaModel spend) {
        this.aliveThreshold = aliveThreshold;
        this.overdueFactor = overdueFactor;
        this.atRiskSegments = atRiskSegments;
        this.scoreDrop = scoreDrop;
        this.reasons = reasons;
        this.ranking = ranking;
        this.limit = limit;
        this.months = months;
        this.discountRate = discountRate;
        this.fitter = fitter;
        this.scorer = scorer;
        this.bootstrap = bootstrap;
        this.purchases = purchases;
        this.spend = spend;
    }

    /**
     * The list with every reason enabled, the default thresholds, ranked by value at risk, no limit, 12 months at
     * 1% a month, BG/NBD and Gamma-Gamma fitted on the summaries, the default RFM scorer and a 200-draw bootstrap.
     *
     * @return the calculator
     */
    public static ChurnWarning withDefaults() {
        return new ChurnWarning(0.5, 2, DEFAULT_AT_RISK_SEGMENTS, 2,
                Collections.unmodifiableSet(EnumSet.allOf(Reason.class)), Ranking.VALUE_AT_RISK, Integer.MAX_VALUE,
                12, 0.01, BetaGeoFitter.withDefaults(), RfmScorer.withDefaults(), ClvBootstrap.withDefaults(), null,
                null);
    }

    /**
     * Lists a customer whose P(alive) is below a threshold.
     *
     * @param threshold the threshold, in [0, 1] (0 never fires)
     * @return a new calculator
     */
    public ChurnWarning withAliveThreshold(double threshold) {
        Checks.unit(threshold, "threshold");
        return new ChurnWarning(threshold, overdueFactor, atRiskSegments, scoreDrop, reasons, ranking, limit, months,
                discountRate, fitter, scorer, bootstrap, purchases, spend);
    }

    /**
     * Lists a customer silent for more than {@code factor} times the own expected time between purchases.
     *
     * @param factor the factor, finite and &gt; 0
     * @return a new calculator
     */
    public ChurnWarning withOverdueFactor(double factor) {
        Checks.positive(factor, "factor");
        Checks.finite(factor, "factor");
        return new ChurnWarning(aliveThreshold, factor, atRiskSegments, scoreDrop, reasons, ranking, limit, months,
                discountRate, fitter, scorer, bootstrap, purchases, spend);
    }

    /**
     * Lists a customer whose current RFM segment is one of these.
     *
     * @param segments the segment names (as the scorer's segment map names them), no null
     * @return a new calculator
     */
    public ChurnWarning withAtRiskSegments(Set<String> segments) {
        Checks.notNull(segments, "segments");
        Set<String> copy = new LinkedHashSet<>();
        for (String s : segments) {
            copy.add(Checks.notNull(s, "segments element"));
        }
        return new ChurnWarning(aliveThreshold, overdueFactor, Collections.unmodifiableSet(copy), scoreDrop, reasons,
                ranking, limit, months, discountRate, fitter, scorer, bootstrap, purchases, spend);
    }

    /**
     * Lists a customer whose R + F + M score fell by at least {@code drop} since the previous snapshot.
     *
     * @param drop the drop, &gt;= 1
     * @return a new calculator
     */
    public ChurnWarning withScoreDrop(int drop) {
        Checks.require(drop >= 1, "drop must be >= 1, got %d", drop);
        return new ChurnWarning(aliveThreshold, overdueFactor, atRiskSegments, drop, reasons, ranking, limit, months,
                discountRate, fitter, scorer, bootstrap, purchases, spend);
    }

    /**
     * Enables only these reasons.
     *
     * @param enabled the reasons, not empty
     * @return a new calculator
     */
    public ChurnWarning withReasons(Set<Reason> enabled) {
        Checks.notNull(enabled, "enabled");
        Checks.require(!enabled.isEmpty(), "enabled must not be empty");
        Set<Reason> copy = EnumSet.noneOf(Reason.class);
        for (Reason r : enabled) {
            copy.add(Checks.notNull(r, "enabled element"));
        }
        return new ChurnWarning(aliveThreshold, overdueFactor, atRiskSegments, scoreDrop,
                Collections.unmodifiableSet(copy), ranking, limit, months, discountRate, fitter, scorer, bootstrap,
                purchases, spend);
    }

    /**
     * Ranks the list another way.
     *
     * @param order the ranking
     * @return a new calculator
     */
    public ChurnWarning withRanking(Ranking order) {
        Checks.notNull(order, "order");
        return new ChurnWarning(aliveThreshold, overdueFactor, atRiskSegments, scoreDrop, reasons, order, limit,
                months, discountRate, fitter, scorer, bootstrap, purchases, spend);
    }

    /**
     * Keeps at most this many rows (the top of the ranking).
     *
     * @param rows the limit, &gt;= 1
     * @return a new calculator
     */
    public ChurnWarning withLimit(int rows) {
        Checks.require(rows >= 1, "rows must be >= 1, got %d", rows);
        return new ChurnWarning(aliveThreshold, overdueFactor, atRiskSegments, scoreDrop, reasons, ranking, rows,
                months, discountRate, fitter, scorer, bootstrap, purchases, spend);
    }

    /**
     * The horizon and monthly discount rate of expected purchases and CLV (months of 365.2425 / 12 days).
     *
     * @param horizonMonths the months, 1 to {@link io.loyalty.clv.ClvCalculator#MAX_MONTHS}
     * @param monthlyRate the discount rate, finite and &gt;= 0
     * @return a new calculator
     */
    public ChurnWarning withHorizon(int horizonMonths, double monthlyRate) {
        Checks.require(horizonMonths >= 1 && horizonMonths <= io.loyalty.clv.ClvCalculator.MAX_MONTHS,
                "horizonMonths must lie in 1..%d, got %d", io.loyalty.clv.ClvCalculator.MAX_MONTHS, horizonMonths);
        Checks.nonNegative(monthlyRate, "monthlyRate");
        Checks.finite(monthlyRate, "monthlyRate");
        return new ChurnWarning(aliveThreshold, overdueFactor, atRiskSegments, scoreDrop, reasons, ranking, limit,
                horizonMonths, monthlyRate, fitter, scorer, bootstrap, purchases, spend);
    }

    /**
     * Fits the purchase model with this fitter (when no models are given).
     *
     * @param purchaseFitter the BG/NBD fitter
     * @return a new calculator
     */
    public ChurnWarning withFitter(BetaGeoFitter purchaseFitter) {
        Checks.notNull(purchaseFitter, "purchaseFitter");
        return new ChurnWarning(aliveThreshold, overdueFactor, atRiskSegments, scoreDrop, reasons, ranking, limit,
                months, discountRate, purchaseFitter, scorer, bootstrap, purchases, spend);
    }

    /**
     * Scores RFM with this scorer (its segment map names the segments).
     *
     * @param rfm the scorer
     * @return a new calculator
     */
    public ChurnWarning withRfmScorer(RfmScorer rfm) {
        Checks.notNull(rfm, "rfm");
        return new ChurnWarning(aliveThreshold, overdueFactor, atRiskSegments, scoreDrop, reasons, ranking, limit,
                months, discountRate, fitter, rfm, bootstrap, purchases, spend);
    }

    /**
     * Draws the P(alive) intervals with this bootstrap.
     *
     * @param intervals the bootstrap
     * @return a new calculator
     */
    public ChurnWarning withBootstrap(ClvBootstrap intervals) {
        Checks.notNull(intervals, "intervals");
        return new ChurnWarning(aliveThreshold, overdueFactor, atRiskSegments, scoreDrop, reasons, ranking, limit,
                months, discountRate, fitter, scorer, intervals, purchases, spend);
    }

    /**
     * Uses these fitted models instead of fitting on the summaries (in the summaries' time unit). A model without
     * a fit summary gives point intervals ("fixed parameters") and is never flagged degenerate.
     *
     * @param purchaseModel the purchase model (BG/NBD, MBG/NBD or Pareto/NBD; its first two parameters are the
     *     gamma shape r and scale alpha of the purchase rate)
     * @param spendModel the spend model
     * @return a new calculator
     */
    public ChurnWarning withModels(TransactionModel purchaseModel, GammaGammaModel spendModel) {
        Checks.notNull(purchaseModel, "purchaseModel");
        Checks.notNull(spendModel, "spendModel");
        return new ChurnWarning(aliveThreshold, overdueFactor, atRiskSegments, scoreDrop, reasons, ranking, limit,
                months, discountRate, fitter, scorer, bootstrap, purchaseModel, spendModel);
    }

    /**
     * The list at the summaries' observation end, without segment movement.
     *
     * @param summaries the customers, not empty (amounts &gt;= 0)
     * @return the ranked list
     * @throws IllegalArgumentException if the summaries are empty, the models cannot be fitted or evaluated on them,
     *     or the RFM scorer rejects them
     */
    public WarningList list(CustomerSummaries summaries) {
        Checks.notNull(summaries, "summaries");
        return build(score(summaries, null));
    }

    /**
     * The list at the summaries' observation end, with each customer's segment movement since a previous snapshot.
     *
     * @param summaries the customers now, not empty (amounts &gt;= 0)
     * @param previous the RFM scores of an earlier snapshot of the same customer base: ids distinct, every one of
     *     them among the summaries' ids (customers new since then have no previous segment)
     * @return the ranked list
     * @throws IllegalArgumentException as {@link #list(CustomerSummaries)}, or naming the first id of
     *     {@code previous} that is not among the summaries', or a repeated id
     */
    public WarningList list(CustomerSummaries summaries, RfmScores previous) {
        Checks.notNull(summaries, "summaries");
        Checks.notNull(previous, "previous");
        return build(score(summaries, previous));
    }

    /**
     * How well the list finds the customers who do not buy again: made on the calibration summaries (every listed
     * customer kept), compared with "no purchase in the holdout", beside the recency baseline (the same number of
     * customers, longest silence first).
     *
     * @param split a calibration/holdout split with a non-empty holdout window
     * @return precision, recall, lift and AUC of the list and of the baseline
     * @throws IllegalArgumentException if the holdout window is empty, or every customer or no customer bought in
     *     it (nothing to separate), or as {@link #list(CustomerSummaries)}
     */
    public WarningEvaluation evaluate(CalibrationHoldout split) {
        Checks.notNull(split, "split");
        Checks.require(split.holdoutDuration() > 0, "split has an empty holdout window (calibration end %s, "
                + "observation end %s): nothing to check the list against; split earlier",
                split.calibrationEnd(), split.observationEnd());
        int[] holdout = split.holdoutFrequency();
        boolean[] churned = new boolean[holdout.length];
        int churners = 0;
        for (int i = 0; i < holdout.length; i++) {
            churned[i] = holdout[i] == 0;
            churners += churned[i] ? 1 : 0;
        }
        Checks.require(churners > 0 && churners < holdout.length, "split has %s of its %d customers buying in the "
                + "holdout window: a churn list needs both buyers and non-buyers to be measured",
                churners == 0 ? "all" : "none", holdout.length);
        Scored s = score(split.calibration(), null);
        return WarningEvaluation.of(s.listed, s.risk, s.days, churned, s.fallback, split);
    }

    /** Every customer's figures, the listed rows ranked, before intervals. */
    static final class Scored {
        String[] ids;
        double[] x;
        double[] tx;
        double[] age;
        double[] alive;
        double[] purchasesIfRetained;
        double[] clvIfRetained;
        double[] valueAtRisk;
        long[] days;
        double[] gapDays;
        double[] overdue;
        double[] risk;
        String[] segmentNow;
        String[] segmentBefore;
        int[] reasons;
        int[] listed;
        boolean fallback;
        TransactionModel purchases;
        String model;
        List<String> notes;
    }

    Scored score(CustomerSummaries summaries, RfmScores previous) {
        int n = summaries.size();
        Checks.require(n > 0, "summaries must not be empty");
        Scored s = new Scored();
        s.ids = summaries.ids().toArray(new String[0]);
        double[] x = summaries.frequencyAsDouble();
        double[] tx = summaries.recency();
        double[] age = summaries.t();
        double[] m = summaries.monetary();
        int[] before = previous == null ? null : previousRows(summaries, previous);
        List<String> notes = new ArrayList<>();
        TransactionModel p = purchases;
        boolean failed = false;
        if (p == null) {
            try {
                p = fitter.fit(summaries);
            } catch (ConvergenceException e) {
                // No maximum to report (on Online Retail's calibration window the information is singular at the
                // boundary): the list still stands on recency and RFM, valued at the point where the fit stopped.
                double[] q = e.lastPoint();
                p = BetaGeoModel.of(q[0], q[1], q[2], q[3]);
                failed = true;
                notes.add("the BG/NBD fit failed, so the list falls back on recency and RFM signals; P(alive) and "
                        + "values use the parameters where it stopped: " + e.getMessage());
            }
        }
        GammaGammaModel g = spend != null ? spend : GammaGammaFitter.withDefaults().fit(summaries);
        Optional<FitSummary> fit = p.fitSummary();
        boolean fallback = failed || fit.isPresent() && fit.get().diagnostics().degenerate();
        boolean rateAtBoundary = failed;
        if (fallback && !failed) {
            notes.add("the " + p.name() + " fit is degenerate: listed and ranked on recency and RFM signals; "
                    + "P(alive) shown but not used");
            for (Diagnostics.Boundary b : fit.get().diagnostics().boundaries()) {
                notes.add(b.toString());
                rateAtBoundary |= b.parameter().equals(p.parameterNames()[0])
                        || b.parameter().equals(p.parameterNames()[1]);
            }
        } else if (fit.isPresent()) {
            notes.addAll(fit.get().diagnostics().warnings());
        }
        PeriodRule rule = summaries.rule();
        double daysPerUnit = daysPerUnit(rule, summaries);
        double unitsPerMonth = DAYS_PER_MONTH / daysPerUnit;
        double[] alive = p.probabilityAlive(x, tx, age);
        double[] spendPerPurchase = g.conditionalExpectedAverageProfit(x, m);
        PairIndex pairs = PairIndex.of(x, age);
        double[] px = pairs.x;
        double[] pt = pairs.t;
        // Recency = T: the customer seen buying at the end, whose P(alive) is the model's ceiling for (x, T); 0
        // for x = 0, where it is 1 anyway.
        double[] ptx = new double[pairs.size];
        for (int k = 0; k < pairs.size; k++) {
            ptx[k] = px[k] == 0 ? 0 : pt[k];
        }
        double[] aliveAtT = p.probabilityAlive(px, ptx, pt);
        double[] purchasesIfRetained = new double[pairs.size];
        double[] discounted = new double[pairs.size];
        double[] previousE = new double[pairs.size];
        for (int month = 1; month <= months; month++) {
            double[] e = p.conditionalExpectedPurchases(month * unitsPerMonth, px, ptx, pt);
            double discount = Math.pow(1 + discountRate, -month);
            for (int k = 0; k < pairs.size; k++) {
                double ek = e[k] / aliveAtT[k];
                discounted[k] += (ek - previousE[k]) * discount;
                previousE[k] = ek;
            }
        }
        System.arraycopy(previousE, 0, purchasesIfRetained, 0, pairs.size);
        double r = p.parameters()[0];
        double alpha = p.parameters()[1];
        double pooledGap = pooledGap(x, tx);
        LocalDate end = LocalDate.ofInstant(summaries.observationEnd(), rule.zone());
        long[] last = summaries.lastPurchaseEpochSecond();
        RfmScores now = scorer.score(summaries, end);
        int[] rNow = now.recencyScores();
        int[] fNow = now.frequencyScores();
        int[] mNow = now.monetaryScores();
        int[] rBefore = previous == null ? null : previous.recencyScores();
        int[] fBefore = previous == null ? null : previous.frequencyScores();
        int[] mBefore = previous == null ? null : previous.monetaryScores();
        s.x = x;
        s.tx = tx;
        s.age = age;
        s.alive = alive;
        s.purchasesIfRetained = new double[n];
        s.clvIfRetained = new double[n];
        s.valueAtRisk = new double[n];
        s.days = new long[n];
        s.gapDays = new double[n];
        s.overdue = new double[n];
        s.risk = new double[n];
        s.segmentNow = new String[n];
        s.segmentBefore = new String[n];
        s.reasons = new int[n];
        boolean useAlive = !fallback && reasons.contains(Reason.LOW_P_ALIVE);
        boolean overdueOn = reasons.contains(Reason.OVERDUE);
        boolean segmentOn = reasons.contains(Reason.AT_RISK_SEGMENT);
        boolean downgradeOn = reasons.contains(Reason.SEGMENT_DOWNGRADE);
        java.time.zone.ZoneRules zoneRules = rule.zone().getRules();
        // A fixed offset turns an instant into its day with one division instead of a calendar conversion.
        Integer offset = zoneRules.isFixedOffset() ? zoneRules.getOffset(java.time.Instant.EPOCH).getTotalSeconds()
                : null;
        long endDay = end.toEpochDay();
        boolean modelGap = !(fallback && rateAtBoundary);
        String[] segmentNames = new String[now.segmentMap().size() + 1];
        for (int k = 0; k < segmentNames.length; k++) {
            segmentNames[k] = now.segmentMap().name(k);
        }
        int[] segmentIndex = now.segmentIndexes();
        // Every customer's row depends on that customer alone, so the chunks run in parallel.
        ChunkedSum.forEach(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                int k = pairs.index[i];
                double retained = Math.max(0, discounted[k] * spendPerPurchase[i]);
                s.purchasesIfRetained[i] = Math.max(0, purchasesIfRetained[k]);
                s.clvIfRetained[i] = retained;
                s.valueAtRisk[i] = fallback ? retained : Math.min(retained, (1 - alive[i]) * retained);
                long lastDay = offset != null ? Math.floorDiv(last[i] + offset, 86_400L)
                        : LocalDate.ofInstant(java.time.Instant.ofEpochSecond(last[i]), rule.zone()).toEpochDay();
                s.days[i] = Math.max(0, endDay - lastDay);
                double gap = modelGap ? (alpha + tx[i]) / (r + x[i]) : (pooledGap + tx[i]) / (1 + x[i]);
                s.gapDays[i] = gap * daysPerUnit;
                s.overdue[i] = Math.max(0, age[i] - tx[i]) / gap;
                s.risk[i] = fallback ? s.overdue[i] : 1 - alive[i];
                s.segmentNow[i] = segmentNames[segmentIndex[i]];
                int j = before == null ? -1 : before[i];
                s.segmentBefore[i] = j < 0 ? null : previous.segment(j);
                int mask = 0;
                if (useAlive && alive[i] < aliveThreshold) {
                    mask |= 1 << Reason.LOW_P_ALIVE.ordinal();
                }
                if (overdueOn && s.overdue[i] > overdueFactor) {
                    mask |= 1 << Reason.OVERDUE.ordinal();
                }
                if (segmentOn && atRiskSegments.contains(s.segmentNow[i])) {
                    mask |= 1 << Reason.AT_RISK_SEGMENT.ordinal();
                }
                if (j >= 0 && downgradeOn
                        && rBefore[j] + fBefore[j] + mBefore[j] - (rNow[i] + fNow[i] + mNow[i]) >= scoreDrop) {
                    mask |= 1 << Reason.SEGMENT_DOWNGRADE.ordinal();
                }
                s.reasons[i] = mask;
            }
        });
        int listedCount = 0;
        int[] listed = new int[n];
        for (int i = 0; i < n; i++) {
            if (s.reasons[i] != 0) {
                listed[listedCount++] = i;
            }
        }
        s.listed = sorted(Arrays.copyOf(listed, listedCount), s, fallback, limit);
        s.fallback = fallback;
        s.purchases = p;
        s.model = Checks.format("%s %s, %s", p, fit.isPresent() ? "fitted" : "given", g);
        s.notes = notes;
        return s;
    }

    private WarningList build(Scored s) {
        int kept = Math.min(limit, s.listed.length);
        double[] kx = new double[kept];
        double[] ktx = new double[kept];
        double[] kt = new double[kept];
        for (int q = 0; q < kept; q++) {
            int i = s.listed[q];
            kx[q] = s.x[i];
            ktx[q] = s.tx[i];
            kt[q] = s.age[i];
        }
        CustomerIntervals intervals = null;
        List<String> notes = new ArrayList<>(s.notes);
        if (kept > 0 && s.purchases.fitSummary().isPresent()) {
            try {
                intervals = bootstrap.probabilityAlive(s.purchases, kx, ktx, kt);
            } catch (IllegalArgumentException e) {
                notes.add("P(alive) intervals not drawn: " + e.getMessage());
            }
        } else if (kept > 0) {
            notes.add("P(alive) intervals are points: the purchase model has no fit summary to draw from");
        }
        List<AtRiskCustomer> rows = new ArrayList<>(kept);
        for (int q = 0; q < kept; q++) {
            int i = s.listed[q];
            Interval alive = intervals != null ? intervals.interval(q)
                    : Interval.of(s.alive[i], s.alive[i], s.alive[i], bootstrap.confidence(), "fixed parameters");
            List<Reason> why = new ArrayList<>();
            for (Reason r : Reason.values()) {
                if ((s.reasons[i] & (1 << r.ordinal())) != 0) {
                    why.add(r);
                }
            }
            rows.add(new AtRiskCustomer(s.ids[i], alive, s.purchasesIfRetained[i], s.clvIfRetained[i],
                    s.valueAtRisk[i], s.days[i], s.gapDays[i], s.overdue[i], s.segmentNow[i],
                    Optional.ofNullable(s.segmentBefore[i]), why));
        }
        return new WarningList(rows, s.ids.length, s.listed.length, s.fallback, ranking, months, s.model, notes);
    }

    /**
     * The listed rows in ranking order, ties by id, so the result does not depend on the input order; only the
     * top {@code keep} are sorted (the rest follow unsorted, for counting): the keys of the rows are cut at the
     * keep-th largest by selection first.
     */
    private int[] sorted(int[] rows, Scored s, boolean fallback, int keep) {
        Ranking order = fallback && ranking == Ranking.P_ALIVE ? Ranking.OVERDUE : ranking;
        double[] key = switch (order) {
            case VALUE_AT_RISK -> s.valueAtRisk;
            case P_ALIVE -> negated(s.alive);
            case OVERDUE -> s.overdue;
            case CLV_IF_RETAINED -> s.clvIfRetained;
        };
        int[] head = rows;
        int[] tail = new int[0];
        if (keep < rows.length) {
            double[] keys = new double[rows.length];
            for (int q = 0; q < rows.length; q++) {
                keys[q] = -key[rows[q]];
            }
            // The keep-th largest key: every row above it, and all rows tied with it, are sorted.
            double cut = -Selection.kthSmallest(keys, keep - 1);
            int above = 0;
            for (int i : rows) {
                above += key[i] >= cut ? 1 : 0;
            }
            head = new int[above];
            tail = new int[rows.length - above];
            int h = 0;
            int t = 0;
            for (int i : rows) {
                if (key[i] >= cut) {
                    head[h++] = i;
                } else {
                    tail[t++] = i;
                }
            }
        }
        Integer[] boxed = new Integer[head.length];
        for (int q = 0; q < head.length; q++) {
            boxed[q] = head[q];
        }
        Arrays.sort(boxed, (a, b) -> {
            int c = Double.compare(key[b], key[a]);
            return c != 0 ? c : s.ids[a].compareTo(s.ids[b]);
        });
        int[] out = new int[rows.length];
        for (int q = 0; q < head.length; q++) {
            out[q] = boxed[q];
        }
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }

    private static double[] negated(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }

    /** For each customer now, the row of the previous snapshot, or -1; rejects ids the summaries do not have. */
    private static int[] previousRows(CustomerSummaries summaries, RfmScores previous) {
        // indexOf builds the snapshot's index, which rejects a repeated id.
        previous.indexOf("");
        int[] out = new int[summaries.size()];
        Arrays.fill(out, -1);
        int missing = 0;
        int first = -1;
        for (int j = 0; j < previous.size(); j++) {
            int i = summaries.indexOf(previous.id(j));
            if (i < 0) {
                missing++;
                first = first < 0 ? j : first;
            } else {
                out[i] = j;
            }
        }
        if (missing > 0) {
            throw new IllegalArgumentException(Checks.format("previous has %,d of its %,d customer ids that "
                    + "summaries does not have, the first '%s' at row %d (summaries' first id is '%s'): the "
                    + "snapshots must come from the same customer base, with ids written the same way", missing,
                    previous.size(), previous.id(first), first, summaries.id(0)));
        }
        return out;
    }

    /** The pooled mean time between purchases, sum t_x / sum x, or 1 time unit when nobody repeated. */
    private static double pooledGap(double[] x, double[] tx) {
        double sx = 0;
        double st = 0;
        for (int i = 0; i < x.length; i++) {
            sx += x[i];
            st += tx[i];
        }
        return sx > 0 && st > 0 ? st / sx : 1;
    }

    /** Days in one time unit of the summaries: the rule's unit times the mean period length over 400 periods. */
    private static double daysPerUnit(PeriodRule rule, CustomerSummaries summaries) {
        long index = rule.index(summaries.observationEnd());
        long span = 400;
        double days;
        try {
            days = (rule.firstDay(index).toEpochDay() - rule.firstDay(index - span).toEpochDay()) / (double) span;
        } catch (IllegalArgumentException e) {
            days = (rule.firstDay(index + span).toEpochDay() - rule.firstDay(index).toEpochDay()) / (double) span;
        }
        double perUnit = days * rule.unit();
        Checks.require(perUnit > 0, "summaries use periods shorter than a day (%s): the list counts silence in days",
                rule);
        return perUnit;
    }

    @Override
    public String toString() {
        return Checks.format("ChurnWarning[P(alive) < %s, overdue > %sx, at-risk segments %s, score drop >= %d, "
                + "reasons %s, ranked by %s, limit %s, %d months at %s/month, %s]", aliveThreshold, overdueFactor,
                atRiskSegments, scoreDrop, reasons, ranking, limit == Integer.MAX_VALUE ? "none" : limit, months,
                discountRate, purchases == null ? "models fitted" : "models given");
    }
}
