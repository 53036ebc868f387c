package io.loyalty.rfm;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import java.io.Writer;
import java.nio.file.Path;
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

    /** The fit (k, mean silhouette, seed) and the clusters, with the columns of {@link #writeCsv(Writer)}. */
    @Override
    public String toString() {
        return textTable().toString();
    }

    TextTable textTable() {
        TextTable.Builder b = TextTable.builder()
                .title(Checks.format("RfmClusters[k = %d, mean silhouette %.3f, seed %d]", k(), silhouette, seed))
                .count("cluster").count("customers").decimal("recency_days", 1).decimal("orders", 2)
                .decimal("monetary", 2);
        for (RfmCluster c : clusters) {
            b.row(c.label(), c.size(), c.recencyDays(), c.orders(), c.monetary());
        }
        return b.build();
    }

    /**
     * Writes the table of {@link #toString()} as CSV with full precision (rounding is only for print): one row per cluster, {@code cluster, customers, recency_days, orders, monetary} (centroids in original units).
     * Column names are those of the Tablesaw adapter; see {@code docs/data.md}.
     *
     * @param out where to write; not closed
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Writer out) {
        Checks.notNull(out, "out");
        textTable().writeCsv(out);
    }

    /**
     * Writes the CSV of {@link #writeCsv(Writer)} to a file in UTF-8, replacing it.
     *
     * @param csvFile the file
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Path csvFile) {
        Checks.notNull(csvFile, "csvFile");
        textTable().writeCsv(csvFile);
    }
}
