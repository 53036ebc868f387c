package io.loyalty.privacy;

import io.loyalty.internal.Checks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * The common path of a histogram release: validate and index the rows, spend the budget (refused before any draw),
 * draw the bounding key, tally with {@link BoundedTally}, select partitions when they are not known, then noise.
 */
final class Release {
    final String[] partitionLabels;
    final BoundedTally tally;
    /** Indexes of the published partitions, in order. */
    final int[] published;
    /** The noisy distinct-customer counts of the published partitions when selected, else null. */
    final NoisyValue[] selectionCounts;
    final RandomGenerator rng;

    private Release(String[] partitionLabels, BoundedTally tally, int[] published, NoisyValue[] selectionCounts,
            RandomGenerator rng) {
        this.partitionLabels = partitionLabels;
        this.tally = tally;
        this.published = published;
        this.selectionCounts = selectionCounts;
        this.rng = rng;
    }

    /** Indexed rows: dense customers with keys, dense partitions with labels and keys. */
    static final class Rows {
        final int[] customer;
        final long[] customerKey;
        final int[] partition;
        final String[] partitionLabels;
        final long[] partitionKey;

        Rows(int[] customer, long[] customerKey, int[] partition, String[] partitionLabels) {
            this.customer = customer;
            this.customerKey = customerKey;
            this.partition = partition;
            this.partitionLabels = partitionLabels;
            this.partitionKey = new long[partitionLabels.length];
            for (int p = 0; p < partitionLabels.length; p++) {
                partitionKey[p] = BoundedTally.key(partitionLabels[p]);
            }
        }
    }

    /** Indexes customers and partitions, checking every row. */
    static Rows index(String[] customerIds, String[] partitions, String partitionName, Partitions spec,
            String specName) {
        Checks.notNull(customerIds, "customerIds");
        Checks.notNull(partitions, partitionName);
        Checks.notNull(spec, specName);
        Checks.sameLength(customerIds.length, partitions.length, partitionName);
        int n = customerIds.length;
        int[] customer = new int[n];
        Map<String, Integer> customers = new HashMap<>();
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = customerIds[i];
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException(Checks.format("customerIds[%d] must not be null or blank", i));
            }
            Integer c = customers.get(id);
            if (c == null) {
                c = customers.size();
                customers.put(id, c);
                keys.add(BoundedTally.key(id));
            }
            customer[i] = c;
            if (partitions[i] == null || partitions[i].isBlank()) {
                throw new IllegalArgumentException(Checks.format("%s[%d] must not be null or blank", partitionName, i));
            }
        }
        long[] customerKey = new long[keys.size()];
        for (int c = 0; c < customerKey.length; c++) {
            customerKey[c] = keys.get(c);
        }
        String[] labels;
        if (spec.isSelected()) {
            labels = new TreeSet<>(java.util.Arrays.asList(partitions)).toArray(new String[0]);
        } else {
            labels = spec.knownLabels().toArray(new String[0]);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int p = 0; p < labels.length; p++) {
            index.put(labels[p], p);
        }
        int[] partition = new int[n];
        for (int i = 0; i < n; i++) {
            Integer p = index.get(partitions[i]);
            if (p == null) {
                throw new IllegalArgumentException(Checks.format("%s[%d] '%s' is not one of the known partitions", partitionName,
                        i, partitions[i]));
            }
            partition[i] = p;
        }
        return new Rows(customer, customerKey, partition, labels);
    }

    /**
     * Spends {@code cost} (and the selection's cost), draws the key, tallies and selects. Noise for the queries
     * is then drawn by the caller from {@link #rng}, partition by partition in {@link #published} order.
     */
    static Release run(String what, Rows rows, int[] category, int categories, double[] value, ValueRange range,
            Partitions spec, ContributionBounds bounds, PrivacyCost cost, PrivacyBudget budget) {
        Checks.notNull(bounds, "bounds");
        long key = begin(what, spec, "spec", cost, budget);
        BoundedTally t = BoundedTally.tally(rows.customer, rows.customerKey, rows.partition, rows.partitionKey,
                category, categories, value, range, bounds, key);
        return select(rows.partitionLabels, t, spec, bounds, budget.random());
    }

    /** Spends {@code cost} and the selection's cost (refused before any draw), then draws the bounding key. */
    static long begin(String what, Partitions spec, String specName, PrivacyCost cost, PrivacyBudget budget) {
        Checks.notNull(spec, specName);
        Checks.notNull(cost, "cost");
        Checks.notNull(budget, "budget");
        double selEps = spec.isSelected() ? spec.epsilon() : 0;
        double selDelta = spec.isSelected() ? spec.delta() : 0;
        if (cost.isGaussian()) {
            budget.spend(what, selEps, selDelta, cost.value());
        } else {
            budget.spend(what, cost.value() + selEps, selDelta, 0);
        }
        return budget.random().nextLong();
    }

    /** Publishes every known partition, or those whose noisy customer count reaches the threshold. */
    static Release select(String[] labels, BoundedTally t, Partitions spec, ContributionBounds bounds,
            RandomGenerator rng) {
        if (!spec.isSelected()) {
            int[] all = new int[labels.length];
            for (int p = 0; p < all.length; p++) {
                all[p] = p;
            }
            return new Release(labels, t, all, null, rng);
        }
        int l0 = bounds.maxPartitions();
        Noise noise = Noise.calibrate(PrivacyCost.laplace(spec.epsilon()), l0, Math.sqrt(l0));
        long tau = spec.threshold(l0);
        List<Integer> kept = new ArrayList<>();
        List<NoisyValue> counts = new ArrayList<>();
        for (int p = 0; p < labels.length; p++) {
            if (t.customers[p] == 0) {
                continue;
            }
            NoisyValue v = noise.count(t.customers[p], rng, 1);
            if (v.value() >= tau) {
                kept.add(p);
                counts.add(v);
            }
        }
        int[] published = kept.stream().mapToInt(Integer::intValue).toArray();
        return new Release(labels, t, published, counts.toArray(new NoisyValue[0]), rng);
    }
}
