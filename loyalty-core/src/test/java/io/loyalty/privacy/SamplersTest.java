package io.loyalty.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/** The exact samplers against their probability mass functions: chi-square fit, mean and variance. */
class SamplersTest {
    private static final int DRAWS = 1_000_000;

    /** Draws, then a chi-square goodness of fit against pmf (cells with expected count >= 20, tails pooled). */
    private static double chiSquarePValue(ToLongFunction<SplittableRandom> sampler,
            java.util.function.LongToDoubleFunction pmf, long seed, double[] moments) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<Long, Long> counts = new HashMap<>();
        double sum = 0;
        double sumSq = 0;
        double sumFourth = 0;
        for (int i = 0; i < DRAWS; i++) {
            long x = sampler.applyAsLong(rng);
            counts.merge(x, 1L, Long::sum);
            sum += x;
            sumSq += (double) x * x;
            sumFourth += (double) x * x * x * x;
        }
        moments[0] = sum / DRAWS;
        moments[1] = sumSq / DRAWS;
        moments[2] = sumFourth / DRAWS;
        // Cells: the central values whose expected count is at least 20, and the two pooled tails.
        long hi = 0;
        while (pmf.applyAsDouble(hi + 1) * DRAWS >= 20) {
            hi++;
        }
        double chi = 0;
        double expectedCentral = 0;
        long observedCentral = 0;
        for (long x = -hi; x <= hi; x++) {
            double e = pmf.applyAsDouble(x) * DRAWS;
            long o = counts.getOrDefault(x, 0L);
            chi += (o - e) * (o - e) / e;
            expectedCentral += e;
            observedCentral += o;
        }
        double tailExpected = (DRAWS - expectedCentral) / 2;
        long lowTail = 0;
        long highTail = 0;
        for (Map.Entry<Long, Long> en : counts.entrySet()) {
            if (en.getKey() < -hi) {
                lowTail += en.getValue();
            } else if (en.getKey() > hi) {
                highTail += en.getValue();
            }
        }
        assertEquals(DRAWS, observedCentral + lowTail + highTail);
        int df = (int) (2 * hi);
        if (tailExpected >= 5) {
            chi += (lowTail - tailExpected) * (lowTail - tailExpected) / tailExpected;
            chi += (highTail - tailExpected) * (highTail - tailExpected) / tailExpected;
            df += 2;
        }
        return 1 - new ChiSquaredDistribution(null, df).cumulativeProbability(chi);
    }

    private static void checkLaplace(double scale, long seed) {
        DiscreteLaplace d = DiscreteLaplace.ofScale(scale);
        double[] m = new double[3];
        double p = chiSquarePValue(d::sample, d::pmf, seed, m);
        assertTrue(p > 1e-4, "discrete Laplace scale " + scale + ": chi-square p-value " + p);
        checkMoments("discrete Laplace scale " + scale, m, d.variance());
    }

    private static void checkGaussian(double sigma, long seed) {
        DiscreteGaussian d = DiscreteGaussian.ofSigma(sigma);
        double[] m = new double[3];
        double p = chiSquarePValue(d::sample, d::pmf, seed, m);
        assertTrue(p > 1e-4, "discrete Gaussian sigma " + sigma + ": chi-square p-value " + p);
        checkMoments("discrete Gaussian sigma " + sigma, m, d.variance());
    }

    /** The sample mean within 5 standard errors of 0, the sample variance within 5 of its exact value. */
    private static void checkMoments(String what, double[] m, double variance) {
        double meanSe = Math.sqrt(variance / DRAWS);
        assertEquals(0, m[0], 5 * meanSe, what + ": mean");
        double varSe = Math.sqrt((m[2] - variance * variance) / DRAWS);
        assertEquals(variance, m[1] - m[0] * m[0], 5 * varSe, what + ": variance");
    }

    @Test
    void discreteLaplaceFitsItsPmfAtSeveralScales() {
        checkLaplace(0.7, 1);
        checkLaplace(3, 2);
        checkLaplace(25.5, 3);
    }

    @Test
    void discreteGaussianFitsItsPmfAtSeveralScales() {
        checkGaussian(0.8, 4);
        checkGaussian(3, 5);
        checkGaussian(40, 6);
    }

    @Test
    void aWrongScaleFailsTheFit() {
        DiscreteLaplace drawn = DiscreteLaplace.ofScale(3);
        DiscreteLaplace claimed = DiscreteLaplace.ofScale(3.15);
        double p = chiSquarePValue(drawn::sample, claimed::pmf, 7, new double[3]);
        assertTrue(p < 1e-6, "a 5 % wrong Laplace scale must fail the fit, p = " + p);
        DiscreteGaussian g = DiscreteGaussian.ofSigma(3);
        DiscreteGaussian wrong = DiscreteGaussian.ofSigma(3.15);
        double pg = chiSquarePValue(g::sample, wrong::pmf, 8, new double[3]);
        assertTrue(pg < 1e-6, "a 5 % wrong Gaussian sigma must fail the fit, p = " + pg);
    }

    @Test
    void exactMomentsMatchClosedForms() {
        // Discrete Laplace with b = 1: q = 1/e, variance 2q/(1-q)^2.
        double q = Math.exp(-1);
        assertEquals(2 * q / ((1 - q) * (1 - q)), DiscreteLaplace.ofScale(1).variance(), 1e-15);
        // Discrete Gaussian: variance just below sigma^2 for small sigma, equal once sigma >= 1.
        assertTrue(DiscreteGaussian.ofSigma(0.5).variance() < 0.25);
        assertEquals(9, DiscreteGaussian.ofSigma(3).variance(), 1e-9);
    }

    @Test
    void hugeParametersTakeTheBigIntegerPathAndStayCentred() {
        SplittableRandom rng = new SplittableRandom(9);
        DiscreteGaussian g = DiscreteGaussian.ofSigma(5e8);
        double sum = 0;
        for (int i = 0; i < 2000; i++) {
            sum += g.sample(rng);
        }
        assertEquals(0, sum / 2000, 5 * 5e8 / Math.sqrt(2000));
        DiscreteLaplace l = DiscreteLaplace.ofScale(1e12);
        double lsum = 0;
        for (int i = 0; i < 2000; i++) {
            lsum += l.sample(rng);
        }
        assertEquals(0, lsum / 2000, 5 * Math.sqrt(l.variance() / 2000));
        assertThrows(IllegalArgumentException.class, () -> DiscreteLaplace.ofScale(Long.MAX_VALUE, 1));
    }

    @Test
    void badScalesAreRejectedNamingTheValue() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY, 1e13}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DiscreteLaplace.ofScale(bad));
            assertTrue(e.getMessage().contains(String.valueOf(bad)), e.getMessage());
            IllegalArgumentException g = assertThrows(IllegalArgumentException.class,
                    () -> DiscreteGaussian.ofSigma(bad == 1e13 ? 1e10 : bad));
            assertTrue(g.getMessage().contains("sigma"), g.getMessage());
        }
    }
}
