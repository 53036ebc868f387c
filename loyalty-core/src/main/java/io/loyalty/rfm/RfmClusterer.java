package io.loyalty.rfm;

import io.loyalty.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.Well19937c;

/**
 * Clusters customers by k-means++ (Commons Math {@code KMeansPlusPlusClusterer}) on standardized
 * {@code log(1 + x)} of recency, frequency and monetary value; an immutable, thread-safe calculator.
 *
 * <pre>{@code
 * RfmClusters c = RfmClusterer.seeded(42).withKRange(2, 8).cluster(scores);
 * }</pre>
 *
 * <p>Each measure is log-transformed ({@code log1p}, so zero is allowed) and standardized to mean 0 and standard
 * deviation 1 (a constant measure is only centred). With a range of k, the k with the largest mean silhouette
 * wins (the smaller k on a tie); the silhouette is computed on a seeded sample of at most
 * {@link #withSilhouetteSample(int)} customers (default 2,000), exactly on all customers when there are fewer. The
 * same seed and input always give the same result: every k-means run uses a fresh {@code Well19937c(seed)}.
 * Clusters are relabelled by decreasing size.
 *
 * @since 0.1
 */
public final class RfmClusterer {
    private final long seed;
    private final int kMin;
    private final int kMax;
    private final int maxIterations;
    private final int sample;

    private RfmClusterer(long seed, int kMin, int kMax, int maxIterations, int sample) {
        this.seed = seed;
        this.kMin = kMin;
        this.kMax = kMax;
        this.maxIterations = maxIterations;
        this.sample = sample;
    }

    /**
     * A clusterer with a seed, k chosen from 2..8, at most 300 iterations per run, a silhouette sample of 2,000.
     *
     * @param seed the seed of the k-means++ seeding and of the silhouette sample
     * @return the clusterer
     * @since 0.2
     */
    public static RfmClusterer seeded(long seed) {
        return new RfmClusterer(seed, 2, 8, 300, 2_000);
    }

    /**
     * This clusterer with a given k.
     *
     * @param k the number of clusters, &gt;= 1
     * @return a new clusterer
     */
    public RfmClusterer withK(int k) {
        Checks.require(k >= 1, "k must be >= 1, got %d", k);
        return new RfmClusterer(seed, k, k, maxIterations, sample);
    }

    /**
     * This clusterer choosing k by the mean silhouette over a range.
     *
     * @param min the smallest k, &gt;= 2
     * @param max the largest k, &gt;= min
     * @return a new clusterer
     */
    public RfmClusterer withKRange(int min, int max) {
        Checks.require(min >= 2, "min (k) must be >= 2, got %d", min);
        Checks.require(max >= min, "max (k) must be >= min = %d, got %d", min, max);
        return new RfmClusterer(seed, min, max, maxIterations, sample);
    }

    /**
     * This clusterer with another iteration limit per k-means run.
     *
     * @param iterations the limit, &gt;= 1
     * @return a new clusterer
     */
    public RfmClusterer withMaxIterations(int iterations) {
        Checks.require(iterations >= 1, "iterations must be >= 1, got %d", iterations);
        return new RfmClusterer(seed, kMin, kMax, iterations, sample);
    }

    /**
     * This clusterer with another silhouette sample size (the silhouette costs O(sample squared)).
     *
     * @param size the number of customers sampled, &gt;= 10
     * @return a new clusterer
     */
    public RfmClusterer withSilhouetteSample(int size) {
        Checks.require(size >= 10, "size (silhouette sample) must be >= 10, got %d", size);
        return new RfmClusterer(seed, kMin, kMax, maxIterations, size);
    }

    /**
     * Clusters scored customers on their recency, orders and scored monetary value.
     *
     * @param scores the scores
     * @return the clusters, labels in the scores' row order
     */
    public RfmClusters cluster(RfmScores scores) {
        Checks.notNull(scores, "scores");
        return clusterOwned(scores.rawRecency(), scores.rawOrders(), scores.rawMonetary());
    }

    /**
     * Clusters customers given as columns.
     *
     * @param recencyDays days since the last purchase, finite and &gt;= 0
     * @param orders orders, finite and &gt;= 0
     * @param monetary monetary value, finite and &gt;= 0
     * @return the clusters, labels in row order
     * @throws IllegalArgumentException if the columns are empty or differ in length, or a value is out of range
     */
    public RfmClusters cluster(double[] recencyDays, double[] orders, double[] monetary) {
        Checks.notNull(recencyDays, "recencyDays");
        Checks.notNull(orders, "orders");
        Checks.notNull(monetary, "monetary");
        Checks.sameLength(recencyDays.length, orders.length, "orders");
        Checks.sameLength(recencyDays.length, monetary.length, "monetary");
        for (int i = 0; i < recencyDays.length; i++) {
            checkRow("recencyDays", i, recencyDays[i]);
            checkRow("orders", i, orders[i]);
            checkRow("monetary", i, monetary[i]);
        }
        return clusterOwned(recencyDays, orders, monetary);
    }

    private static void checkRow(String name, int row, double v) {
        if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(Checks.format("%s at row %d must be finite and >= 0, got %s", name,
                    row, v));
        }
    }

    private RfmClusters clusterOwned(double[] recency, double[] orders, double[] monetary) {
        int n = recency.length;
        Checks.require(n > kMin, "clustering into k >= %d clusters needs more than %d customers, got %d", kMin, kMin,
                n);
        double[][] raw = {recency, orders, monetary};
        double[] mean = new double[3];
        double[] sd = new double[3];
        List<Point> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            points.add(new Point(i, new double[3]));
        }
        for (int d = 0; d < 3; d++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += Math.log1p(raw[d][i]);
            }
            mean[d] = s / n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double z = Math.log1p(raw[d][i]) - mean[d];
                ss += z * z;
            }
            sd[d] = ss > 0 ? Math.sqrt(ss / (n - 1)) : 1;
            for (int i = 0; i < n; i++) {
                points.get(i).p[d] = (Math.log1p(raw[d][i]) - mean[d]) / sd[d];
            }
        }
        int[] sampleIdx = sample(n);
        Map<Integer, Double> byK = new LinkedHashMap<>();
        int[] bestLabels = null;
        double[][] bestCentres = null;
        double best = Double.NEGATIVE_INFINITY;
        int top = Math.min(kMax, n - 1);
        for (int k = kMin; k <= Math.max(kMin, top); k++) {
            KMeansPlusPlusClusterer<Point> km = new KMeansPlusPlusClusterer<>(k, maxIterations,
                    new EuclideanDistance(), new Well19937c(seed));
            List<CentroidCluster<Point>> found = new ArrayList<>(km.cluster(points));
            // Relabel by decreasing size, ties by the centroid's coordinates, so labels do not hinge on the seeding.
            found.sort(Comparator.<CentroidCluster<Point>>comparingInt(c -> -c.getPoints().size())
                    .thenComparing(c -> c.getCenter().getPoint(), RfmClusterer::compareArrays));
            int[] labels = new int[n];
            double[][] centres = new double[found.size()][];
            for (int c = 0; c < found.size(); c++) {
                centres[c] = found.get(c).getCenter().getPoint();
                for (Point p : found.get(c).getPoints()) {
                    labels[p.index] = c;
                }
            }
            double s = k == 1 ? 0 : silhouette(points, labels, found.size(), sampleIdx);
            byK.put(k, s);
            if (s > best) {
                best = s;
                bestLabels = labels;
                bestCentres = centres;
            }
        }
        List<RfmCluster> clusters = new ArrayList<>();
        int[] sizes = new int[bestCentres.length];
        for (int label : bestLabels) {
            sizes[label]++;
        }
        for (int c = 0; c < bestCentres.length; c++) {
            double[] z = bestCentres[c];
            clusters.add(new RfmCluster(c, sizes[c], back(z[0], mean[0], sd[0]), back(z[1], mean[1], sd[1]),
                    back(z[2], mean[2], sd[2])));
        }
        return new RfmClusters(bestLabels, List.copyOf(clusters), best, Collections.unmodifiableMap(byK), seed);
    }

    private static double back(double z, double mean, double sd) {
        return Math.expm1(mean + sd * z);
    }

    private static int compareArrays(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            int c = Double.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** A seeded sample without replacement (partial Fisher-Yates), all rows when there are few. */
    private int[] sample(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        if (n <= sample) {
            return idx;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < sample; i++) {
            int j = i + r.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return Arrays.copyOf(idx, sample);
    }

    /**
     * Mean silhouette over the sample: {@code s = (b - a) / max(a, b)} with a the mean distance to the rest of the
     * own cluster and b the smallest mean distance to another cluster (both within the sample); 0 for a point alone
     * in its cluster.
     */
    static double silhouette(List<Point> points, int[] labels, int k, int[] sampleIdx) {
        int s = sampleIdx.length;
        double[] sum = new double[k];
        int[] count = new int[k];
        for (int i : sampleIdx) {
            count[labels[i]]++;
        }
        double total = 0;
        for (int a = 0; a < s; a++) {
            int i = sampleIdx[a];
            Arrays.fill(sum, 0);
            double[] pi = points.get(i).p;
            for (int b = 0; b < s; b++) {
                double[] pj = points.get(sampleIdx[b]).p;
                double dx = pi[0] - pj[0];
                double dy = pi[1] - pj[1];
                double dz = pi[2] - pj[2];
                sum[labels[sampleIdx[b]]] += Math.sqrt(dx * dx + dy * dy + dz * dz);
            }
            int own = labels[i];
            if (count[own] <= 1) {
                continue;
            }
            double in = sum[own] / (count[own] - 1);
            double out = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && count[c] > 0) {
                    out = Math.min(out, sum[c] / count[c]);
                }
            }
            if (out == Double.POSITIVE_INFINITY) {
                continue;
            }
            double m = Math.max(in, out);
            total += m > 0 ? (out - in) / m : 0;
        }
        return total / s;
    }

    @Override
    public String toString() {
        return Checks.format("RfmClusterer[seed %d, k %d..%d, %d iterations, silhouette sample %d]", seed, kMin, kMax,
                maxIterations, sample);
    }

    /** A customer's standardized coordinates and its row. */
    static final class Point implements Clusterable {
        final int index;
        final double[] p;

        Point(int index, double[] p) {
            this.index = index;
            this.p = p;
        }

        @Override
        public double[] getPoint() {
            return p;
        }
    }
}
