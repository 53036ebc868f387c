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
 * Buy-till-you-die fits and predictions at scale (issue targets: BG/NBD fit with standard errors on 1,000,000
 * customers in under 5 s, predictions for 1,000,000 customers in under 1 s; lifetimes takes 11.6 s and 0.70 s).
 * Customers are seeded BG/NBD draws at the CDNOW estimates (r = 0.242593, alpha = 4.413532, a = 0.792886,
 * b = 2.425752), T uniform on 1..78 weeks, recency and T rounded to whole days (days / 7), except in
 * {@link #fitBgNbd1MContinuous}, whose recency and T are continuous like the peer's file (issue 17; the side-by-side
 * comparison on that very file is {@link BgNbdFitPeerHarness}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ClvBenchmark {
    private double[][] cdnow;
    private double[][] million;
    private double[][] millionContinuous;
    private double[][] tenThousand;
    private BetaGeoModel model;
    private ClvCalculator clv;
    private double[] monetary;

    /** Draws the customers and fits the model used by the prediction benchmarks. */
    @Setup
    public void setUp() {
        cdnow = cdnow();
        million = customers(1_000_000, 20261124L);
        millionContinuous = continuousCustomers(1_000_000, 20261124L);
        tenThousand = customers(10_000, 7L);
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
     * BG/NBD fit with standard errors, 1M customers with continuous recency and T (nearly every row distinct, so
     * rows are not merged: the shape of the peer's file).
     *
     * @return the model
     */
    @Benchmark
    public BetaGeoModel fitBgNbd1MContinuous() {
        return BetaGeoFitter.withDefaults().fit(millionContinuous[0], millionContinuous[1], millionContinuous[2]);
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

    /** Seeded BG/NBD customers at the CDNOW parameters: {frequency, recency, T} in weeks, in whole days. */
    static double[][] customers(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] ages = rnd.doubles(n).map(u -> Math.rint((1 + 77 * u) * 7) / 7).toArray();
        SimulatedCustomers c = BetaGeoModel.of(0.242593, 4.413532, 0.792886, 2.425752).simulate(ages, seed + 1)
                .withRecencyRoundedTo(1.0 / 7);
        return new double[][] {c.frequency(), c.recency(), c.t()};
    }

    /** Seeded BG/NBD customers at the CDNOW parameters: {frequency, recency, T} in weeks, continuous. */
    static double[][] continuousCustomers(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] ages = rnd.doubles(n).map(u -> 1 + 77 * u).toArray();
        SimulatedCustomers c = BetaGeoModel.of(0.242593, 4.413532, 0.792886, 2.425752).simulate(ages, seed + 1);
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
