package io.loyalty.rfm;

import io.loyalty.internal.Checks;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The result of {@link RfmClusterer}: a label per customer (in the input's row order), the clusters with their
 * sizes and centroids, and the mean silhouette of the chosen k (and of every k tried when k was chosen).
 *
 * @since 0.1
 */
public final class RfmClusters {
    private final int[] labels;
    private final List<RfmCluster> clusters;
    private final double silhouette;
    private final Map<Integer, Double> silhouetteByK;
    private final long seed;

    RfmClusters(int[] labels, List<RfmCluster> clusters, double silhouette, Map<Integer, Double> silhouetteByK,
            long seed) {
        this.labels = labels;
        this.clusters = clusters;
        this.silhouette = silhouette;
        this.silhouetteByK = silhouetteByK;
        this.seed = seed;
    }

    /**
     * The number of clusters.
     *
     * @return k
     */
    public int k() {
        return clusters.size();
    }

    /**
     * The cluster label of each customer, in the input's row order.
     *
     * @return a copy
     */
    public int[] labels() {
        return labels.clone();
    }

    /**
     * The label of customer i.
     *
     * @param i the row
     * @return the label, 0..k-1
     */
    public int label(int i) {
        return labels[Checks.index(i, labels.length, "i")];
    }

    /**
     * The clusters, ordered by decreasing size.
     *
     * @return an unmodifiable list
     */
    public List<RfmCluster> clusters() {
        return clusters;
    }

    /**
     * The mean silhouette of this clustering (over the sample the clusterer used), in [-1, 1].
     *
     * @return the mean silhouette
     */
    public double silhouette() {
        return silhouette;
    }

    /**
     * The mean silhouette of every k tried, in increasing k; only the chosen k when k was given.
     *
     * @return an unmodifiable map
     */
    public Map<Integer, Double> silhouetteByK() {
        return silhouetteByK;
    }

    /**
     * The seed used.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RfmClusters)) {
            return false;
        }
        RfmClusters c = (RfmClusters) o;
        return Arrays.equals(labels, c.labels) && clusters.equals(c.clusters)
                && Double.compare(silhouette, c.silhouette) == 0 && silhouetteByK.equals(c.silhouetteByK)
                && seed == c.seed;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(labels) * 31 + clusters.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(Checks.format("RfmClusters[k = %d, mean silhouette %.3f, seed %d]%n",
                k(), silhouette, seed));
        for (RfmCluster c : clusters) {
            sb.append("  ").append(c).append(System.lineSeparator());
        }
        return sb.toString();
    }
}
