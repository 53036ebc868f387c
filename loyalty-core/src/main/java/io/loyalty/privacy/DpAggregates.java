package io.loyalty.privacy;

import io.loyalty.internal.Checks;
import io.loyalty.nps.NpsScale;
import io.loyalty.rfm.RfmScores;
import io.loyalty.rfm.SegmentMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Customer-level differentially private versions of the loyalty aggregates. Each method bounds every customer's
 * contribution on the raw rows ({@link ContributionBounds}, {@link ValueRange}), spends its cost from the budget
 * (refused with {@link BudgetExceededException} before any noise is drawn), adds exact integer noise once, and
 * returns a {@link DpTable} whose cells carry their standard deviation and 95 % interval.
 *
 * <p>Sensitivities (one customer added or removed, after bounding; {@code L0 = maxPartitions},
 * {@code L∞ = maxRowsPerPartition}):
 * <ul>
 * <li>distinct customers per partition: L1 {@code L0}, L2 {@code sqrt(L0)};
 * <li>tallies per partition and category (NPS, ratings, paths): L1 {@code L0 L∞}, L2 {@code sqrt(L0) L∞};
 * <li>sums of clamped values: L1 {@code L0 B}, L2 {@code sqrt(L0) B}, {@code B = max(|lower|, |upper|)}; sums of
 * squares {@code B^2} in place of {@code B}.
 * </ul>
 * A release made of {@code k} queries (e.g. count, sum and sum of squares) gives each {@code cost / k}.
 *
 * @since 0.2
 */
public final class DpAggregates {
    private DpAggregates() {
    }

    /**
     * Distinct customers per segment (or any partition): each customer counted once in each of at most
     * {@code maxPartitions} segments.
     *
     * @param customerIds one id per row
     * @param segments the segment of each row
     * @param partitions the known segments, or a selection
     * @param bounds the contribution bounds (only {@code maxPartitions} matters)
     * @param cost the cost of the counts with known partitions; unused with {@link Partitions#selected}, whose noisy
     *        counts (at the selection's own cost) are the release
     * @param budget the budget to draw from
     * @return a table with column "customers"
     */
    public static DpTable segmentCounts(String[] customerIds, String[] segments, Partitions partitions,
            ContributionBounds bounds, PrivacyCost cost, PrivacyBudget budget) {
        Release.Rows rows = Release.index(customerIds, segments, "segments", partitions, "partitions");
        long key = beginSegmentCounts(partitions, bounds, cost, budget);
        BoundedTally t = BoundedTally.tally(rows.customer, rows.customerKey, rows.partition, rows.partitionKey, null,
                1, null, null, bounds, key);
        Release r = Release.select(rows.partitionLabels, t, partitions, bounds, budget.random());
        return segmentCountsTable(r, partitions, cost, bounds);
    }

    /** Spends what segment counts cost (the selection's cost only, when selected) and draws the bounding key. */
    static long beginSegmentCounts(Partitions partitions, ContributionBounds bounds, PrivacyCost cost,
            PrivacyBudget budget) {
        Checks.notNull(partitions, "partitions");
        Checks.notNull(bounds, "bounds");
        Checks.notNull(budget, "budget");
        if (partitions.isSelected()) {
            // The selection's noisy counts are the release: nothing more to spend.
            budget.spend("segment counts (selection)", partitions.epsilon(), partitions.delta(), 0);
            return budget.random().nextLong();
        }
        return Release.begin("segment counts, " + cost, partitions, "partitions", cost, budget);
    }

    /** The segment counts of a tallied, selected release: the selection's counts, or counts noised here. */
    static DpTable segmentCountsTable(Release r, Partitions partitions, PrivacyCost cost, ContributionBounds bounds) {
        NoisyValue[][] cells = new NoisyValue[r.published.length][];
        if (partitions.isSelected()) {
            for (int i = 0; i < cells.length; i++) {
                cells[i] = new NoisyValue[] {r.selectionCounts[i]};
            }
            return new DpTable(Checks.format("DP segment counts (%s)", partitions), labels(r), List.of("customers"),
                    cells);
        }
        int l0 = bounds.maxPartitions();
        Noise noise = Noise.calibrate(cost, l0, Math.sqrt(l0));
        for (int i = 0; i < cells.length; i++) {
            cells[i] = new NoisyValue[] {noise.count(r.tally.customers[r.published[i]], r.rng, 1)};
        }
        return new DpTable("DP segment counts, " + cost, labels(r), List.of("customers"), cells);
    }

    /**
     * The RFM segment summary: customers, orders and revenue per segment of the map, and the average order value.
     * Each customer is in exactly one segment; orders are clamped to {@code [0, maxOrders]} and revenue to
     * {@code [0, maxRevenue]} per customer. Three queries share the cost.
     *
     * @param scores the scored customers (read through their public accessors)
     * @param maxOrders the declared bound on one customer's orders, {@code > 0}
     * @param maxRevenue the declared bound on one customer's revenue, {@code > 0}
     * @param cost the total cost
     * @param budget the budget to draw from
     * @return a table with columns customers, orders, revenue, average order value (in [0, maxRevenue]: 0 with
     *         interval [0, maxRevenue] when the noisy orders are not positive); one row per segment of the map and
     *         {@value SegmentMap#OTHERS}
     */
    public static DpTable rfmSegmentSummary(RfmScores scores, double maxOrders, double maxRevenue, PrivacyCost cost,
            PrivacyBudget budget) {
        Checks.notNull(scores, "scores");
        Checks.notNull(cost, "cost");
        Checks.notNull(budget, "budget");
        Checks.positive(maxOrders, "maxOrders");
        Checks.positive(maxRevenue, "maxRevenue");
        List<String> names = segmentNames(scores.segmentMap());
        int n = scores.size();
        String[] ids = scores.ids().toArray(new String[0]);
        String[] seg = new String[n];
        for (int i = 0; i < n; i++) {
            seg[i] = scores.segment(i);
        }
        Release.Rows rows = Release.index(ids, seg, "segments", Partitions.known(names), "partitions");
        // The budget pays the whole cost once; each of the three queries is noised at a third of it.
        Release orders = Release.run("RFM segment summary, " + cost, rows, null, 1, scores.orders(),
                ValueRange.of(0, maxOrders), Partitions.known(names), ContributionBounds.ONE, cost, budget);
        // Revenue needs its own clamp: a second tally on the same rows with the same key costs nothing more.
        BoundedTally revenue = BoundedTally.tally(rows.customer, rows.customerKey, rows.partition, rows.partitionKey,
                null, 1, scores.revenue(), ValueRange.of(0, maxRevenue), ContributionBounds.ONE, orders.tally.key);
        return rfmTable(orders, revenue, maxOrders, maxRevenue, cost);
    }

    /** The segments of an RFM summary, in order: the map's, then {@value SegmentMap#OTHERS}. */
    static List<String> segmentNames(SegmentMap map) {
        List<String> names = new ArrayList<>();
        for (int s = 0; s <= map.size(); s++) {
            names.add(map.name(s));
        }
        return names;
    }

    /** Noises a tallied RFM summary: per segment, customers, orders, revenue, then their ratio. */
    static DpTable rfmTable(Release orders, BoundedTally revenue, double maxOrders, double maxRevenue,
            PrivacyCost cost) {
        PrivacyCost each = cost.split(3);
        Noise countNoise = Noise.calibrate(each, 1, 1);
        Noise orderNoise = Noise.calibrate(each, ValueRange.STEPS, ValueRange.STEPS);
        double orderStep = ValueRange.of(0, maxOrders).step();
        double revenueStep = ValueRange.of(0, maxRevenue).step();
        NoisyValue[][] cells = new NoisyValue[orders.partitionLabels.length][];
        for (int p = 0; p < cells.length; p++) {
            NoisyValue c = countNoise.count(orders.tally.customers[p], orders.rng, 1);
            NoisyValue o = orderNoise.count(orders.tally.sums[p], orders.rng, orderStep);
            NoisyValue v = orderNoise.count(revenue.sums[p], orders.rng, revenueStep);
            cells[p] = new NoisyValue[] {c, o, v, ratio(v, o, maxRevenue)};
        }
        return new DpTable("DP RFM segment summary, " + cost, List.of(orders.partitionLabels), List.of("customers",
                "orders", "revenue", "aov"), cells);
    }

    /**
     * NPS by partition (e.g. segment and period joined into one label): noisy tallies of detractors, passives and
     * promoters, and the NPS with a standard deviation that adds the noise to the sampling error (delta method).
     *
     * @param customerIds one id per answer
     * @param partitions the partition of each answer (e.g. "Gold | 2024-03")
     * @param answers the answers on {@code scale}
     * @param scale the NPS scale
     * @param spec known partitions or a selection
     * @param bounds at most {@code maxPartitions} partitions and {@code maxRowsPerPartition} answers each per customer
     * @param cost the cost of the tallies
     * @param budget the budget to draw from
     * @return columns detractors, passives, promoters, NPS (in [-100, 100]; 0 with interval [-100, 100] when the
     *         noisy total is not positive)
     */
    public static DpTable nps(String[] customerIds, String[] partitions, int[] answers, NpsScale scale,
            Partitions spec, ContributionBounds bounds, PrivacyCost cost, PrivacyBudget budget) {
        Checks.notNull(answers, "answers");
        Checks.notNull(scale, "scale");
        Release.Rows rows = Release.index(customerIds, partitions, "partitions", spec, "spec");
        Checks.sameLength(rows.customer.length, answers.length, "answers");
        int[] cat = new int[answers.length];
        for (int i = 0; i < answers.length; i++) {
            int a = answers[i];
            Checks.require(a >= scale.min() && a <= scale.max(), "answers[%d] must lie in [%d, %d], got %d", i,
                    scale.min(), scale.max(), a);
            cat[i] = DpRelease.category(scale, a);
        }
        Release r = Release.run("NPS tallies, " + cost, rows, cat, 3, null, null, spec, bounds, cost, budget);
        return npsTable(r, cost, bounds);
    }

    /**
     * {@link #nps} on dense indexes, the fast path: no hashing of string ids. Customer {@code c} is bounded as the id
     * {@code Integer.toString(c)} would be, so the result equals {@link #nps} on those ids.
     *
     * @param customers the customer of each answer, a dense index in [0, number of answers)
     * @param partitions the partition of each answer, an index into {@code labels}
     * @param labels the partition labels (the known ones, or the candidates for a selection)
     * @param answers the answers on {@code scale}
     * @param scale the NPS scale
     * @param spec known partitions (equal to {@code labels}) or a selection
     * @param bounds the contribution bounds
     * @param cost the cost of the tallies
     * @param budget the budget to draw from
     * @return columns detractors, passives, promoters, NPS
     */
    public static DpTable nps(int[] customers, int[] partitions, List<String> labels, int[] answers, NpsScale scale,
            Partitions spec, ContributionBounds bounds, PrivacyCost cost, PrivacyBudget budget) {
        Checks.notNull(customers, "customers");
        Checks.notNull(partitions, "partitions");
        Checks.notNull(labels, "labels");
        Checks.notNull(answers, "answers");
        Checks.notNull(scale, "scale");
        Checks.notNull(spec, "spec");
        int n = customers.length;
        Checks.sameLength(n, partitions.length, "partitions");
        Checks.sameLength(n, answers.length, "answers");
        Checks.require(spec.isSelected() || spec.labels().equals(labels),
                "labels must equal the known partitions %s, got %s", spec.isSelected() ? "" : spec.labels(), labels);
        int[] cat = new int[n];
        int customerCount = Tasks.checkRows(customers, partitions, "partitions", labels.size(), i -> {
            if (!(answers[i] >= scale.min() && answers[i] <= scale.max())) {
                throw new IllegalArgumentException(Checks.format("answers[%d] must lie in [%d, %d], got %d", i,
                        scale.min(), scale.max(), answers[i]));
            }
            cat[i] = DpRelease.category(scale, answers[i]);
        });
        long[] customerKey = BoundedTally.keys(customerCount);
        String[] names = labels.toArray(new String[0]);
        Release.Rows rows = new Release.Rows(customers, customerKey, partitions, names);
        Release r = Release.run("NPS tallies, " + cost, rows, cat, 3, null, null, spec, bounds, cost, budget);
        return npsTable(r, cost, bounds);
    }

    /** Noises the tallies of the published partitions, in order: detractors, passives, promoters. */
    static DpTable npsTable(Release r, PrivacyCost cost, ContributionBounds bounds) {
        Noise noise = tallyNoise(cost, bounds);
        NoisyValue[][] cells = new NoisyValue[r.published.length][];
        for (int i = 0; i < cells.length; i++) {
            int base = r.published[i] * 3;
            NoisyValue d = noise.count(r.tally.counts[base], r.rng, 1);
            NoisyValue a = noise.count(r.tally.counts[base + 1], r.rng, 1);
            NoisyValue p = noise.count(r.tally.counts[base + 2], r.rng, 1);
            cells[i] = new NoisyValue[] {d, a, p, npsOf(d.value(), a.value(), p.value(), noise.sd)};
        }
        return new DpTable("DP NPS, " + cost + ", " + bounds, labels(r), List.of("detractors", "passives",
                "promoters", "nps"), cells);
    }

    /** NPS from noisy tallies; noise variance sigma^2 per tally plus multinomial sampling variance. */
    static NoisyValue npsOf(double d, double a, double p, double sigma) {
        double dd = Math.max(0, d);
        double aa = Math.max(0, a);
        double pp = Math.max(0, p);
        double n = dd + aa + pp;
        if (!(n > 0)) {
            return new NoisyValue(0, 100, -100, 100);
        }
        double s = (pp - dd) / n;
        double noiseVar = sigma * sigma / (n * n) * ((1 - s) * (1 - s) + (1 + s) * (1 + s) + s * s);
        double samplingVar = Math.max(0, (pp + dd) / n - s * s) / n;
        return NoisyValue.normal(100 * s, 100 * Math.sqrt(noiseVar + samplingVar), -100, 100);
    }

    /**
     * Ratings (CSAT on 1..5, CES on 1..7, any integer scale) by partition: a noisy tally per level, the mean rating
     * and the top-two-box share (the CSAT), each with noise and sampling error in its standard deviation.
     *
     * @param customerIds one id per answer
     * @param partitions the partition of each answer
     * @param answers the ratings, in [min, max]
     * @param min the lowest rating
     * @param max the highest rating, {@code min < max <= min + 100}
     * @param spec known partitions or a selection
     * @param bounds the contribution bounds
     * @param cost the cost of the tallies
     * @param budget the budget to draw from
     * @return columns "n=level" for each level, "mean" and "top-two-box %" (the share of the two highest levels; 50
     *         with interval [0, 100] on a two-level scale or when the noisy total is not positive)
     */
    public static DpTable ratings(String[] customerIds, String[] partitions, int[] answers, int min, int max,
            Partitions spec, ContributionBounds bounds, PrivacyCost cost, PrivacyBudget budget) {
        Checks.notNull(answers, "answers");
        Checks.require(max > min && (long) max - min <= 100, "max must lie in (min, min + 100], got min %d, max %d",
                min, max);
        Release.Rows rows = Release.index(customerIds, partitions, "partitions", spec, "spec");
        Checks.sameLength(rows.customer.length, answers.length, "answers");
        int levels = max - min + 1;
        int[] cat = new int[answers.length];
        for (int i = 0; i < answers.length; i++) {
            Checks.require(answers[i] >= min && answers[i] <= max, "answers[%d] must lie in [%d, %d], got %d", i, min,
                    max, answers[i]);
            cat[i] = answers[i] - min;
        }
        Release r = Release.run("ratings tallies, " + cost, rows, cat, levels, null, null, spec, bounds, cost, budget);
        return ratingsTable(r, min, max, cost, bounds);
    }

    /** Noises the tallies of the published partitions, level by level, then derives the mean and top-two box. */
    static DpTable ratingsTable(Release r, int min, int max, PrivacyCost cost, ContributionBounds bounds) {
        int levels = max - min + 1;
        Noise noise = tallyNoise(cost, bounds);
        List<String> columns = new ArrayList<>();
        for (int l = min; l <= max; l++) {
            columns.add("rating_" + l);
        }
        columns.add("mean");
        columns.add("top_two_box_pct");
        NoisyValue[][] cells = new NoisyValue[r.published.length][];
        for (int i = 0; i < cells.length; i++) {
            NoisyValue[] row = new NoisyValue[levels + 2];
            double[] c = new double[levels];
            double n = 0;
            for (int l = 0; l < levels; l++) {
                row[l] = noise.count(r.tally.counts[r.published[i] * levels + l], r.rng, 1);
                c[l] = Math.max(0, row[l].value());
                n += c[l];
            }
            row[levels] = meanOf(c, n, min, noise.sd);
            row[levels + 1] = topTwoOf(c, n, noise.sd);
            cells[i] = row;
        }
        return new DpTable("DP ratings, " + cost + ", " + bounds, labels(r), columns, cells);
    }

    private static NoisyValue meanOf(double[] c, double n, int min, double sigma) {
        int max = min + c.length - 1;
        if (!(n > 0)) {
            return new NoisyValue((min + max) / 2.0, max - min, min, max);
        }
        double mean = 0;
        for (int l = 0; l < c.length; l++) {
            mean += (min + l) * c[l] / n;
        }
        double ss = 0;
        double grad = 0;
        for (int l = 0; l < c.length; l++) {
            double dev = min + l - mean;
            ss += c[l] * dev * dev;
            grad += dev * dev;
        }
        double var = ss / n / n + sigma * sigma * grad / (n * n);
        return NoisyValue.normal(mean, Math.sqrt(var), min, max);
    }

    private static NoisyValue topTwoOf(double[] c, double n, double sigma) {
        int k = c.length;
        if (!(n > 0) || k < 3) {
            return new NoisyValue(50, 50, 0, 100);
        }
        double t = (c[k - 1] + c[k - 2]) / n;
        double noiseVar = sigma * sigma / (n * n) * (2 * (1 - t) * (1 - t) + (k - 2) * t * t);
        double samplingVar = t * (1 - t) / n;
        return NoisyValue.normal(100 * t, 100 * Math.sqrt(noiseVar + samplingVar), 0, 100);
    }

    /**
     * Experiment arms: distinct customers, mean and standard deviation of a metric per arm, each customer in at most
     * one arm with its total clamped to {@code range}. Three queries (count, sum, sum of squares) share the cost.
     * {@link #meanDifference} turns two rows into a DP A/B readout.
     *
     * @param customerIds one id per row
     * @param arms the arm of each row
     * @param values the metric per row (a conversion is 0 or 1, a spend an amount)
     * @param range the declared range of one customer's total
     * @param spec the known arms (or a selection)
     * @param cost the total cost
     * @param budget the budget to draw from
     * @return columns customers and mean (whose standard deviation adds the noise to the sampling error)
     */
    public static DpTable arms(String[] customerIds, String[] arms, double[] values, ValueRange range,
            Partitions spec, PrivacyCost cost, PrivacyBudget budget) {
        Checks.notNull(values, "values");
        Checks.notNull(range, "range");
        Release.Rows rows = Release.index(customerIds, arms, "arms", spec, "spec");
        Checks.sameLength(rows.customer.length, values.length, "values");
        for (int i = 0; i < values.length; i++) {
            Checks.require(Double.isFinite(values[i]), "values[%d] must be finite, got %s", i, values[i]);
        }
        Checks.notNull(cost, "cost");
        Checks.notNull(budget, "budget");
        Release r = Release.run("experiment arms, " + cost, rows, null, 1, values, range, spec,
                ContributionBounds.ONE, cost, budget);
        return armsTable(r, range, cost);
    }

    /** Noises the count, sum and sum of squares of each published arm, a third of the cost each. */
    static DpTable armsTable(Release r, ValueRange range, PrivacyCost cost) {
        PrivacyCost each = cost.split(3);
        Noise countNoise = Noise.calibrate(each, 1, 1);
        Noise sumNoise = Noise.calibrate(each, ValueRange.STEPS, ValueRange.STEPS);
        double step = range.step();
        double squareStep = range.bound() * range.bound() / ValueRange.STEPS;
        NoisyValue[][] cells = new NoisyValue[r.published.length][];
        for (int i = 0; i < cells.length; i++) {
            int p = r.published[i];
            NoisyValue n = countNoise.count(r.tally.customers[p], r.rng, 1);
            NoisyValue s = sumNoise.count(r.tally.sums[p], r.rng, step);
            NoisyValue q = sumNoise.count(r.tally.squares[p], r.rng, squareStep);
            double nn = Math.max(1, n.value());
            double mean = Math.min(range.upper(), Math.max(range.lower(), s.value() / nn));
            double var = Math.max(0, q.value() / nn - mean * mean);
            double meanSd = Math.sqrt(var / nn + s.standardDeviation() * s.standardDeviation() / (nn * nn)
                    + mean * mean * n.standardDeviation() * n.standardDeviation() / (nn * nn));
            NoisyValue m = NoisyValue.normal(mean, meanSd, range.lower(), range.upper());
            cells[i] = new NoisyValue[] {n, m};
        }
        return new DpTable("DP experiment arms, " + cost + ", " + range, labels(r), List.of("customers", "mean"),
                cells);
    }

    /**
     * The DP A/B readout: the difference of the arms' means with a 95 % interval that adds both arms' noise to
     * their sampling error.
     *
     * @param arms a table from {@link #arms}
     * @param treatment the treatment arm's label
     * @param control the control arm's label
     * @return {@code mean(treatment) - mean(control)}
     */
    public static NoisyValue meanDifference(DpTable arms, String treatment, String control) {
        Checks.notNull(arms, "arms");
        Checks.notNull(treatment, "treatment");
        Checks.notNull(control, "control");
        NoisyValue t = arms.get(treatment, "mean");
        NoisyValue c = arms.get(control, "mean");
        double sd = Math.hypot(t.standardDeviation(), c.standardDeviation());
        return NoisyValue.normal(t.value() - c.value(), sd, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /**
     * Attribution path counts: journeys ending in a conversion and journeys ending without, per path. Paths are
     * rarely known in advance, so {@link Partitions#selected} is the usual choice.
     *
     * @param customerIds the customer of each journey
     * @param paths each journey's path (e.g. "email > search > direct")
     * @param converted whether each journey converted
     * @param spec known paths or a selection
     * @param bounds at most {@code maxPartitions} paths and {@code maxRowsPerPartition} journeys each per customer
     * @param cost the cost of the counts
     * @param budget the budget to draw from
     * @return columns conversions, nulls
     */
    public static DpTable pathCounts(String[] customerIds, String[] paths, boolean[] converted, Partitions spec,
            ContributionBounds bounds, PrivacyCost cost, PrivacyBudget budget) {
        Checks.notNull(converted, "converted");
        Release.Rows rows = Release.index(customerIds, paths, "paths", spec, "spec");
        Checks.sameLength(rows.customer.length, converted.length, "converted");
        int[] cat = new int[converted.length];
        for (int i = 0; i < cat.length; i++) {
            cat[i] = converted[i] ? 0 : 1;
        }
        Release r = Release.run("path counts, " + cost, rows, cat, 2, null, null, spec, bounds, cost, budget);
        return pathCountsTable(r, cost, bounds);
    }

    /** Noises the conversions and nulls of each published path. */
    static DpTable pathCountsTable(Release r, PrivacyCost cost, ContributionBounds bounds) {
        Noise noise = tallyNoise(cost, bounds);
        NoisyValue[][] cells = new NoisyValue[r.published.length][];
        for (int i = 0; i < cells.length; i++) {
            int base = r.published[i] * 2;
            cells[i] = new NoisyValue[] {noise.count(r.tally.counts[base], r.rng, 1),
                noise.count(r.tally.counts[base + 1], r.rng, 1)};
        }
        return new DpTable("DP path counts, " + cost + ", " + bounds, labels(r), List.of("conversions", "nulls"),
                cells);
    }

    static Noise tallyNoise(PrivacyCost cost, ContributionBounds b) {
        double linf = b.maxRowsPerPartition();
        return Noise.calibrate(cost, b.maxPartitions() * linf, Math.sqrt(b.maxPartitions()) * linf);
    }

    /** A ratio of two noisy values, delta method, clipped to [0, max]; no information when den <= 0. */
    private static NoisyValue ratio(NoisyValue num, NoisyValue den, double max) {
        double d = den.value();
        if (!(d > 0)) {
            return new NoisyValue(0, max, 0, max);
        }
        double v = Math.max(0, num.value()) / d;
        double sd = Math.sqrt(num.standardDeviation() * num.standardDeviation()
                + v * v * den.standardDeviation() * den.standardDeviation()) / d;
        return NoisyValue.normal(v, sd, 0, max);
    }

    private static List<String> labels(Release r) {
        List<String> out = new ArrayList<>();
        for (int p : r.published) {
            out.add(r.partitionLabels[p]);
        }
        return out;
    }
}
