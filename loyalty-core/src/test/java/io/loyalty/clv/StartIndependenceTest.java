package io.loyalty.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.stats.ConvergenceException;
import io.loyalty.testkit.Property;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 section 2: every fitter reaches the same maximum from any reasonable start. Each parameter of the
 * start is the optimum times 10^u, u uniform on [-2, 2] (and the corners of that box), on CDNOW and on data
 * simulated from CDNOW's estimates: the fit from there has the same log-likelihood to 1e-8 relative and the same
 * parameters to 1e-4 relative, or throws a {@link ConvergenceException}.
 */
class StartIndependenceTest {
    /** A fitter from a start, returning the fit's parameters and log-likelihood (last). */
    private interface FromStart extends Function<double[], double[]> {
    }

    private static double[] result(FitSummary s) {
        List<ParameterEstimate> e = s.estimates();
        double[] out = new double[e.size() + 1];
        for (int i = 0; i < e.size(); i++) {
            out[i] = e.get(i).value();
        }
        out[e.size()] = s.logLikelihood();
        return out;
    }

    private static void sameMaximum(String name, double[] optimum, FromStart fit, int trials) {
        Property.forAll(name + " reaches the same maximum from any start", trials, rnd -> {
            int k = optimum.length - 1;
            double[] start = new double[k];
            boolean corner = rnd.nextInt(4) == 0;
            for (int i = 0; i < k; i++) {
                double u = corner ? (rnd.nextBoolean() ? -2 : 2) : -2 + 4 * rnd.nextDouble();
                start[i] = optimum[i] * Math.pow(10, u);
            }
            double[] got;
            try {
                got = fit.apply(start);
            } catch (ConvergenceException honest) {
                System.out.println(name + ": honest failure from " + java.util.Arrays.toString(start));
                assertTrue(honest.getMessage().contains("did not converge")
                        || honest.getMessage().contains("no proper maximum"), honest.getMessage());
                return;
            }
            String where = name + " from " + java.util.Arrays.toString(start) + ": " + java.util.Arrays.toString(got);
            assertEquals(optimum[k], got[k], 1e-8 * Math.abs(optimum[k]), where);
            for (int i = 0; i < k; i++) {
                assertEquals(optimum[i], got[i], 1e-4 * optimum[i], where);
            }
        });
    }

    private static final double[][] CDNOW = ClvData.cdnow();

    @Test
    void bgNbdOnCdnow() {
        double[] opt = result(BetaGeoFitter.withDefaults().fit(CDNOW[0], CDNOW[1], CDNOW[2], null).fitSummary()
                .orElseThrow());
        sameMaximum("BG/NBD on CDNOW", opt, s -> result(BetaGeoFitter.withDefaults()
                .withInitialParameters(s[0], s[1], s[2], s[3]).fit(CDNOW[0], CDNOW[1], CDNOW[2], null)
                .fitSummary().orElseThrow()), 8);
    }

    @Test
    void modifiedBgNbdOnCdnow() {
        double[] opt = result(ModifiedBetaGeoFitter.withDefaults().fit(CDNOW[0], CDNOW[1], CDNOW[2], null)
                .fitSummary().orElseThrow());
        sameMaximum("MBG/NBD on CDNOW", opt, s -> result(ModifiedBetaGeoFitter.withDefaults()
                .withInitialParameters(s[0], s[1], s[2], s[3]).fit(CDNOW[0], CDNOW[1], CDNOW[2], null)
                .fitSummary().orElseThrow()), 8);
    }

    @Test
    void paretoNbdOnCdnow() {
        double[] opt = result(ParetoNbdFitter.withDefaults().fit(CDNOW[0], CDNOW[1], CDNOW[2], null)
                .fitSummary().orElseThrow());
        sameMaximum("Pareto/NBD on CDNOW", opt, s -> result(ParetoNbdFitter.withDefaults()
                .withInitialParameters(s[0], s[1], s[2], s[3]).fit(CDNOW[0], CDNOW[1], CDNOW[2], null)
                .fitSummary().orElseThrow()), 8);
    }

    @Test
    void gammaGammaOnCdnow() {
        double[][] d = ClvData.cdnowRepeatSpend();
        double[] opt = result(GammaGammaFitter.withDefaults().fit(d[0], d[1]).fitSummary().orElseThrow());
        sameMaximum("Gamma-Gamma on CDNOW", opt, s -> result(GammaGammaFitter.withDefaults()
                .withInitialParameters(s[0], s[1], s[2]).fit(d[0], d[1]).fitSummary().orElseThrow()), 8);
    }

    @Test
    void betaGeoBetaBinomOnDonations() {
        double[][] d = ClvData.csv("/clv/donations.csv");
        double[] opt = result(BetaGeoBetaBinomFitter.withDefaults().fit(d[0], d[1], d[2], d[3]).fitSummary()
                .orElseThrow());
        sameMaximum("BG/BB on the donations", opt, s -> result(BetaGeoBetaBinomFitter.withDefaults()
                .withInitialParameters(s[0], s[1], s[2], s[3]).fit(d[0], d[1], d[2], d[3]).fitSummary()
                .orElseThrow()), 8);
    }

    @Test
    void bgNbdAndParetoNbdOnSimulatedData() {
        double[][] d = ClvData.synthetic(2000, 16, 0.25, 4.4, 0.8, 2.4);
        double[] bg = result(BetaGeoFitter.withDefaults().fit(d[0], d[1], d[2], null).fitSummary().orElseThrow());
        sameMaximum("BG/NBD on simulated data", bg, s -> result(BetaGeoFitter.withDefaults()
                .withInitialParameters(s[0], s[1], s[2], s[3]).fit(d[0], d[1], d[2], null)
                .fitSummary().orElseThrow()), 6);
        double[] mbg = result(ModifiedBetaGeoFitter.withDefaults().fit(d[0], d[1], d[2], null).fitSummary()
                .orElseThrow());
        sameMaximum("MBG/NBD on simulated data", mbg, s -> result(ModifiedBetaGeoFitter.withDefaults()
                .withInitialParameters(s[0], s[1], s[2], s[3]).fit(d[0], d[1], d[2], null)
                .fitSummary().orElseThrow()), 6);
        double[] pn = result(ParetoNbdFitter.withDefaults().fit(d[0], d[1], d[2], null).fitSummary().orElseThrow());
        sameMaximum("Pareto/NBD on simulated data", pn, s -> result(ParetoNbdFitter.withDefaults()
                .withInitialParameters(s[0], s[1], s[2], s[3]).fit(d[0], d[1], d[2], null)
                .fitSummary().orElseThrow()), 6);
    }
}
