package io.loyalty.benchmarks;

import io.loyalty.clv.BetaGeoFitter;
import io.loyalty.clv.BetaGeoModel;
import io.loyalty.clv.ClvCalculator;
import io.loyalty.clv.GammaGammaModel;
import io.loyalty.clv.ParetoNbdFitter;
import io.loyalty.clv.ParetoNbdModel;
import io.loyalty.clv.SimulatedCustomers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Buy-till-you-die fits and predictions at scale. Customers are seeded BG/NBD draws at the CDNOW estimates
 * (r = 0.242593, alpha = 4.413532, a = 0.792886, b = 2.425752), T uniform on 1..78 weeks, in two shapes: recency
 * and T rounded to whole days (days / 7, about 267k distinct rows in 1M customers), and <b>continuous</b> (rounded
 * to 6 decimals, almost every row distinct), the shape of the peer's own files ({@code make_synthetic.py}; the
 * side-by-side comparison on those very files is {@link ClvPeerHarness}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ClvBenchmark {
    private double[][] cdnow;
    private double[][] million;
    private double[][] tenThousand;
    private double[][] millionContinuous;
    private double[][] hundredThousandContinuous;
    private BetaGeoModel model;
    private ClvCalculator clv;
    private double[] monetary;

    /** Draws the customers and fits the model used by the prediction benchmarks. */
    @Setup
    public void setUp() {
        cdnow = cdnow();
        million = customers(1_000_000, 20261124L);
        tenThousand = customers(10_000, 7L);
        millionContinuous = continuousCustomers(1_000_000, 20240601L);
        hundredThousandContinuous = continuousCustomers(100_000, 20240602L);
        model = BetaGeoModel.of(0.242593, 4.413532, 0.792886, 2.425752);
        clv = ClvCalculator.of(model, GammaGammaModel.of(6.2488, 3.74459, 15.4477), 4.345);
        monetary = new double[million[0].length];
        Arrays.fill(monetary, 35);
    }

    /**
     * BG/NBD fit with standard errors on CDNOW, 2,357 customers (lifetimes: 0.11 s).
     *
     * @return the model
     */
    @Benchmark
    public BetaGeoModel fitBgNbdCdnow() {
        return BetaGeoFitter.withDefaults().fit(cdnow[0], cdnow[1], cdnow[2]);
    }

    /**
     * BG/NBD fit with standard errors, 1M customers.
     *
     * @return the model
     */
    @Benchmark
    public BetaGeoModel fitBgNbd1M() {
        return BetaGeoFitter.withDefaults().fit(million[0], million[1], million[2]);
    }

    /**
     * Conditional expected purchases in the next 52 weeks, 1M customers.
     *
     * @return the expectations
     */
    @Benchmark
    public double[] expectedPurchases52Weeks1M() {
        return model.conditionalExpectedPurchases(52, million[0], million[1], million[2]);
    }

    /**
     * P(alive), 1M customers.
     *
     * @return the probabilities
     */
    @Benchmark
    public double[] probabilityAlive1M() {
        return model.probabilityAlive(million[0], million[1], million[2]);
    }

    /**
     * 12-month discounted CLV (BG/NBD + Gamma-Gamma), 1M customers.
     *
     * @return the values
     */
    @Benchmark
    public double[] clv12Months1M() {
        return clv.clv(million[0], million[1], million[2], monetary);
    }

    /**
     * Pareto/NBD fit with standard errors, 10k customers (lifetimes: 5.2 s).
     *
     * @return the model
     */
    @Benchmark
    public ParetoNbdModel fitParetoNbd10k() {
        return ParetoNbdFitter.withDefaults().fit(tenThousand[0], tenThousand[1], tenThousand[2]);
    }

    /**
     * BG/NBD fit with standard errors, 1M customers with continuous recency and T (about 1M distinct rows: the
     * shape of the peer's {@code bgnbd_1000000.csv.gz}).
     *
     * @return the model
     */
    @Benchmark
    public BetaGeoModel fitBgNbd1MContinuous() {
        return BetaGeoFitter.withDefaults().fit(millionContinuous[0], millionContinuous[1], millionContinuous[2]);
    }

    /**
     * Conditional expected purchases in the next 52 weeks, 1M customers with continuous recency and T.
     *
     * @return the expectations
     */
    @Benchmark
    public double[] expectedPurchases52Weeks1MContinuous() {
        return model.conditionalExpectedPurchases(52, millionContinuous[0], millionContinuous[1],
                millionContinuous[2]);
    }

    /**
     * P(alive), 1M customers with continuous recency and T.
     *
     * @return the probabilities
     */
    @Benchmark
    public double[] probabilityAlive1MContinuous() {
        return model.probabilityAlive(millionContinuous[0], millionContinuous[1], millionContinuous[2]);
    }

    /**
     * Pareto/NBD fit with standard errors, 100k customers with continuous recency and T (the shape of the peer's
     * {@code bgnbd_100000.csv.gz}).
     *
     * @return the model
     */
    @Benchmark
    public ParetoNbdModel fitParetoNbd100kContinuous() {
        return ParetoNbdFitter.withDefaults().fit(hundredThousandContinuous[0], hundredThousandContinuous[1],
                hundredThousandContinuous[2]);
    }

    /**
     * Seeded BG/NBD customers at the CDNOW parameters, continuous: T uniform on 1..78 weeks, recency and T rounded
     * to 6 decimals (recency at most T), as the peer's files are.
     */
    static double[][] continuousCustomers(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] ages = rnd.doubles(n).map(u -> Math.rint((1 + 77 * u) * 1e6) / 1e6).toArray();
        SimulatedCustomers c = BetaGeoModel.of(0.242593, 4.413532, 0.792886, 2.425752).simulate(ages, seed + 1);
        double[] recency = c.recency();
        for (int i = 0; i < n; i++) {
            recency[i] = Math.min(ages[i], Math.rint(recency[i] * 1e6) / 1e6);
        }
        return new double[][] {c.frequency(), recency, ages};
    }

    /** Seeded BG/NBD customers at the CDNOW parameters: {frequency, recency, T} in weeks, in whole days. */
    static double[][] customers(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] ages = rnd.doubles(n).map(u -> Math.rint((1 + 77 * u) * 7) / 7).toArray();
        SimulatedCustomers c = BetaGeoModel.of(0.242593, 4.413532, 0.792886, 2.425752).simulate(ages, seed + 1)
                .withRecencyRoundedTo(1.0 / 7);
        return new double[][] {c.frequency(), c.recency(), c.t()};
    }

    /** The CDNOW calibration summary bundled with this module: {frequency, recency, T} in weeks. */
    static double[][] cdnow() {
        try (InputStream in = ClvBenchmark.class.getResourceAsStream("/cdnow/cdnow_customers_summary.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .filter(l -> !l.isBlank()).toList();
            double[][] out = new double[3][lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",");
                for (int j = 0; j < 3; j++) {
                    out[j][i] = Double.parseDouble(f[j + 1]);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
