package io.loyalty.privacy;

import io.loyalty.internal.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Which partitions (segments, segment-periods, paths) a release publishes. Either they are {@link #known} in
 * advance, from the domain and not from the data (every one is published, even if empty, and a row in any other
 * partition is an error), or they are {@link #selected} privately: a partition is published only if its noisy
 * count of distinct customers reaches a threshold {@code τ}, so a partition that only one customer touches is
 * published with probability at most {@code δ / maxPartitions}.
 *
 * <p>Selection. Each customer touches at most {@code L0} partitions; each partition's distinct-customer count gets
 * discrete Laplace noise of scale {@code L0 / ε}, and {@code τ} is the smallest integer with
 * {@code L0 P(1 + X >= τ) <= δ}, {@code P(X >= k) = q^k / (1 + q)}, {@code q = exp(-ε / L0)}. This is
 * {@code (ε, δ)}-DP (Korolova et al. 2009; Desfontaines et al. 2022) and the noisy counts are released with the
 * partitions.
 *
 * <p>References: A. Korolova, K. Kenthapadi, N. Mishra, A. Ntoulas, "Releasing Search Queries and Clicks
 * Privately", WWW 2009; D. Desfontaines, J. Voss, B. Gipson, C. Mandayam, "Differentially private partition
 * selection", PoPETs 2022, doi:10.2478/popets-2022-0017.
 *
 * @since 0.2
 */
public final class Partitions {
    private final List<String> known;
    private final double epsilon;
    private final double delta;

    private Partitions(List<String> known, double epsilon, double delta) {
        this.known = known;
        this.epsilon = epsilon;
        this.delta = delta;
    }

    /**
     * Partitions known in advance, published in this order.
     *
     * @param labels the labels, distinct, none null or blank
     * @return the partitions
     * @throws IllegalArgumentException if a label is null, blank or repeated, or there is none
     */
    public static Partitions known(Collection<String> labels) {
        Checks.notNull(labels, "labels");
        LinkedHashSet<String> set = new LinkedHashSet<>();
        int i = 0;
        for (String s : labels) {
            Checks.require(s != null && !s.isBlank(), "labels[%d] must not be null or blank", i);
            Checks.require(set.add(s), "labels[%d] '%s' is repeated", i, s);
            i++;
        }
        Checks.require(!set.isEmpty(), "labels must not be empty");
        return new Partitions(List.copyOf(set), 0, 0);
    }

    /**
     * Partitions selected from the data by a noisy threshold, spending {@code (epsilon, delta)}.
     *
     * @param epsilon the selection's {@code ε}, finite, {@code > 0}
     * @param delta the selection's {@code δ}, in (0, 1)
     * @return the partitions
     * @throws IllegalArgumentException if either is out of range
     */
    public static Partitions selected(double epsilon, double delta) {
        PrivacyBudget.checkEpsilon(epsilon, "epsilon");
        Checks.require(delta > 0 && delta < 1, "delta must lie in (0, 1), got %s", delta);
        return new Partitions(null, epsilon, delta);
    }

    /** The known labels, or null for selection. */
    List<String> knownLabels() {
        return known;
    }

    /**
     * Whether partitions are selected from the data rather than known.
     *
     * @return true for {@link #selected}
     */
    public boolean isSelected() {
        return known == null;
    }

    /**
     * The known partitions, in publication order.
     *
     * @return an unmodifiable list
     * @throws IllegalStateException if the partitions are selected, not known
     */
    public List<String> labels() {
        if (known == null) {
            throw new IllegalStateException("partitions are selected from the data: there are no known labels");
        }
        return known;
    }

    double epsilon() {
        return epsilon;
    }

    double delta() {
        return delta;
    }

    /** The selection threshold for customers touching at most {@code l0} partitions. */
    long threshold(int l0) {
        DiscreteLaplace noise = DiscreteLaplace.ofScale(l0 / epsilon);
        // tau - 1 = the smallest k >= 1 with l0 P(X >= k) <= delta.
        long k = 1;
        double q = Math.exp(-1 / noise.scale());
        double needed = Math.log(delta * (1 + q) / l0) / Math.log(q);
        if (needed > 1) {
            k = (long) Math.ceil(needed);
        }
        while (l0 * noise.upperTail(k) > delta) {
            k++;
        }
        return k + 1;
    }

    @Override
    public String toString() {
        return known != null ? "known " + new ArrayList<>(known)
                : Checks.format("selected with epsilon %s, delta %s", epsilon, delta);
    }
}
