package io.loyalty.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import io.loyalty.testkit.Property;
import org.junit.jupiter.api.Test;

/**
 * The BG/NBD and MBG/NBD expectations against an independent high-precision evaluation (mpmath at 60 digits,
 * {@code clv/bgnbd_expectations.csv}, including 40 points where the closed form's series runs between z = 0.9 and
 * 0.95 and 60 where its Taylor expansions around multiples of 1/64 apply, half a step from a point among them,
 * issue 17), the cases of issue 15 items 3, 12 and 13 by name, and the array method against the
 * one-customer method.
 */
class BetaGeoExpectationTest {
    /**
     * Relative tolerance: the quadrature is good to about 2e-12 where a and B are both in the thousands (the worst
     * reference row is 1.5e-12 away; the closed form's rows within 4e-13).
     */
    private static final double TOLERANCE = 1e-11;
    /** The closed form's expansions and series: about 1e-12 at most (four digits lost to the bracket, at worst). */
    private static final double CLOSED_FORM_TOLERANCE = 1e-12;

    private record Row(String model, double r, double alpha, double a, double b, double t, double x, double tx,
            double age, double value) {
        BetaGeoFamily family() {
            return model.equals("BG") ? BetaGeoModel.of(r, alpha, a, b) : ModifiedBetaGeoModel.of(r, alpha, a, b);
        }

        double computed() {
            BetaGeoFamily m = family();
            return x < 0 ? m.expectedPurchases(t) : m.conditionalExpectedPurchases(t, x, tx, age);
        }
    }

    private static List<Row> reference() {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                BetaGeoExpectationTest.class.getResourceAsStream("/clv/bgnbd_expectations.csv"),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("model")) {
                    continue;
                }
                String[] f = line.split(",");
                double[] v = new double[9];
                for (int i = 0; i < 9; i++) {
                    v[i] = Double.parseDouble(f[i + 1]);
                }
                rows.add(new Row(f[0], v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static double find(String model, double r, double a, double b, double t, double x) {
        for (Row row : reference()) {
            if (row.model.equals(model) && row.r == r && row.a == a && row.b == b && row.t == t && row.x == x) {
                return row.value;
            }
        }
        throw new AssertionError("no reference row for " + model + " r=" + r + " a=" + a + " b=" + b + " t=" + t);
    }

    private static void close(double expected, double actual, String what) {
        assertTrue(Double.isFinite(actual), what + " is not finite: " + actual);
        assertEquals(expected, actual, TOLERANCE * Math.abs(expected), what);
    }

    @Test
    void everyReferenceRowMatchesMpmath() {
        List<Row> rows = reference();
        assertTrue(rows.size() >= 314, "reference rows: " + rows.size());
        for (Row row : rows) {
            close(row.value, row.computed(), row.toString());
        }
    }

    /** Issue 15 item 3: a = 1 with large r gave 2.8e7 (b = 2.4), -2.7e11 (b = 0.01) and 9.83 (r = 80). */
    @Test
    void issue15Item3ContinuousAcrossAEqualsOneWithLargeR() {
        for (double b : new double[] {2.4, 0.01}) {
            for (double r : new double[] {100, 80}) {
                if (r == 80 && b == 0.01) {
                    continue;
                }
                for (double a : new double[] {1, 0.999, 1.001, 1 - 1e-6, 1 + 1e-6}) {
                    close(find("BG", r, a, b, 52, -1), BetaGeoModel.of(r, 4.4, a, b).expectedPurchases(52),
                            "BG/NBD r=" + r + " a=" + a + " b=" + b);
                    close(find("MB", r, a, b, 52, -1), ModifiedBetaGeoModel.of(r, 4.4, a, b).expectedPurchases(52),
                            "MBG/NBD r=" + r + " a=" + a + " b=" + b);
                }
            }
        }
        assertEquals(15.403430964451512, BetaGeoModel.of(100, 4.4, 1, 2.4).expectedPurchases(52), 1e-9);
    }

    /** Issue 15 item 12: a + b = 1 gave NaN for E[X(t)], the x = 0 conditional expectation and CLV. */
    @Test
    void issue15Item12ContinuousAcrossAPlusBEqualsOne() {
        for (double b : new double[] {0.5, 0.500001, 0.499999}) {
            BetaGeoModel bg = BetaGeoModel.of(0.24, 4.4, 0.5, b);
            close(find("BG", 0.24, 0.5, b, 39, -1), bg.expectedPurchases(39), "E[X(39)] b=" + b);
            close(find("BG", 0.24, 0.5, b, 39, 0), bg.conditionalExpectedPurchases(39, 0, 0, 38.86),
                    "E[Y(39) | 0, 0, 38.86] b=" + b);
            double clv = ClvCalculator.of(bg, GammaGammaModel.of(6.25, 3.74, 15.44), 4.345).clv(0, 0, 38.86, 0);
            assertTrue(clv > 0 && clv < Double.POSITIVE_INFINITY, "CLV b=" + b + ": " + clv);
        }
    }

    /** Issue 15 item 13: a = 200 gave NaN, a = 60 -Infinity, t &gt;= 1e17 +Infinity. */
    @Test
    void issue15Item13LargeAOrLargeTStayFinite() {
        double r = 0.242593;
        double alpha = 4.413532;
        double b = 2.425752;
        for (String model : new String[] {"BG", "MB"}) {
            BetaGeoFamily big = model.equals("BG") ? BetaGeoModel.of(r, alpha, 200, b)
                    : ModifiedBetaGeoModel.of(r, alpha, 200, b);
            close(find(model, r, 200, b, 1e4, -1), big.expectedPurchases(1e4), model + " a=200 E[X(1e4)]");
            close(find(model, r, 200, b, 1e4, 10), big.conditionalExpectedPurchases(1e4, 10, 30, 38),
                    model + " a=200 E(1e4 | 10, 30, 38)");
            BetaGeoFamily sixty = model.equals("BG") ? BetaGeoModel.of(r, alpha, 60, b)
                    : ModifiedBetaGeoModel.of(r, alpha, 60, b);
            close(find(model, r, 60, b, 1e6, -1), sixty.expectedPurchases(1e6), model + " a=60 E[X(1e6)]");
            BetaGeoFamily cdnow = model.equals("BG") ? BetaGeoModel.of(r, alpha, 0.792886, b)
                    : ModifiedBetaGeoModel.of(r, alpha, 0.792886, b);
            double previous = 0;
            for (double t : new double[] {1e17, 1e18, 1e20}) {
                double e = cdnow.expectedPurchases(t);
                close(find(model, r, 0.792886, b, t, -1), e, model + " E[X(" + t + ")]");
                assertTrue(e > previous, "E[X(t)] grows with t");
                previous = e;
            }
            // t^(1-a) growth continues to the largest horizons, finite.
            double huge = cdnow.expectedPurchases(1e300);
            assertTrue(huge > previous && huge < Double.POSITIVE_INFINITY, model + " E[X(1e300)] = " + huge);
        }
    }

    /**
     * Issue 17: past z = 0.9 (up to the closed form's limit 0.95) the expansions around 58/64 .. 61/64 take the
     * place of the long power series; at the ends and middles of their intervals (z = 115/128 .. 0.95, T = 2,
     * parameters fitted to the peer's 1M-customer file) they match mpmath at 60 digits (the script: the formula
     * in {@code clv/bgnbd_expectations.csv}'s header at these t, x, t_x, T).
     */
    @Test
    void issue17ExpansionsPastZPointNineMatchMpmath() {
        Object[][] rows = {
            {"BG", 56.622368410979725, 0, 0.0, 1.1907361324446996},
            {"BG", 56.622368410979725, 1, 1.2, 3.7168521526222197},
            {"BG", 56.622368410979725, 3, 1.2, 9.1300283698802748},
            {"BG", 56.622368410979725, 12, 1.2, 29.468757366618275},
            {"BG", 61.874298234606826, 0, 0.0, 1.2634410695900893},
            {"BG", 61.874298234606826, 1, 1.2, 3.9168366507351479},
            {"BG", 61.874298234606826, 3, 1.2, 9.577774343445758},
            {"BG", 61.874298234606826, 12, 1.2, 30.813536027593873},
            {"BG", 68.0811243898025, 0, 0.0, 1.3454959749993334},
            {"BG", 68.0811243898025, 1, 1.2, 4.1401750106132943},
            {"BG", 68.0811243898025, 3, 1.2, 10.074946483782927},
            {"BG", 68.0811243898025, 12, 1.2, 32.302157218514126},
            {"BG", 75.52931577603731, 0, 0.0, 1.4390677897259143},
            {"BG", 75.52931577603731, 1, 1.2, 4.3919779349935072},
            {"BG", 75.52931577603731, 3, 1.2, 10.632124325816055},
            {"BG", 75.52931577603731, 12, 1.2, 33.965212904987807},
            {"BG", 84.63266080365761, 0, 0.0, 1.5471038561902266},
            {"BG", 84.63266080365761, 1, 1.2, 4.6791267956846346},
            {"BG", 84.63266080365761, 3, 1.2, 11.263514009757076},
            {"BG", 84.63266080365761, 12, 1.2, 35.843760049590381},
            {"BG", 96.01184208818302, 0, 0.0, 1.6737385099425647},
            {"BG", 96.01184208818302, 1, 1.2, 5.0111701461743741},
            {"BG", 96.01184208818302, 3, 1.2, 11.988773511139138},
            {"BG", 96.01184208818302, 12, 1.2, 37.994582491508377},
            {"BG", 110.64221802542994, 0, 0.0, 1.8249952594184844},
            {"BG", 110.64221802542994, 1, 1.2, 5.4018574426652663},
            {"BG", 110.64221802542994, 3, 1.2, 12.836130289463851},
            {"BG", 110.64221802542994, 12, 1.2, 40.499176641900527},
            {"BG", 121.61499997836515, 0, 0.0, 1.931202488347273},
            {"BG", 121.61499997836515, 1, 1.2, 5.67262376669081},
            {"BG", 121.61499997836515, 3, 1.2, 13.419953845476932},
            {"BG", 121.61499997836515, 12, 1.2, 42.220234505838498},
            {"MB", 56.622368410979725, 0, 0.0, 0.96333069278326715},
            {"MB", 56.622368410979725, 1, 1.2, 4.4363615337514045},
            {"MB", 56.622368410979725, 3, 1.2, 10.223030461280432},
            {"MB", 56.622368410979725, 12, 1.2, 30.937264860177189},
            {"MB", 61.874298234606826, 0, 0.0, 1.0255016614132488},
            {"MB", 61.874298234606826, 1, 1.2, 4.6881006056143003},
            {"MB", 61.874298234606826, 3, 1.2, 10.743883153220933},
            {"MB", 61.874298234606826, 12, 1.2, 32.369990937763276},
            {"MB", 68.0811243898025, 0, 0.0, 1.0959617935838023},
            {"MB", 68.0811243898025, 1, 1.2, 4.9701636019106555},
            {"MB", 68.0811243898025, 3, 1.2, 11.323275990698349},
            {"MB", 68.0811243898025, 12, 1.2, 33.956777456937361},
            {"MB", 75.52931577603731, 0, 0.0, 1.176669686237985},
            {"MB", 75.52931577603731, 1, 1.2, 5.2892710896372596},
            {"MB", 75.52931577603731, 3, 1.2, 11.973795745609788},
            {"MB", 75.52931577603731, 12, 1.2, 35.730412104166936},
            {"MB", 84.63266080365761, 0, 0.0, 1.2702979923331606},
            {"MB", 84.63266080365761, 1, 1.2, 5.6544867970808459},
            {"MB", 84.63266080365761, 3, 1.2, 12.712350510458367},
            {"MB", 84.63266080365761, 12, 1.2, 37.734901115267703},
            {"MB", 96.01184208818302, 0, 0.0, 1.3806086794999945},
            {"MB", 96.01184208818302, 1, 1.2, 6.0784083089762713},
            {"MB", 96.01184208818302, 3, 1.2, 13.562346089331666},
            {"MB", 96.01184208818302, 12, 1.2, 40.031110661276832},
            {"MB", 110.64221802542994, 0, 0.0, 1.5131029059014357},
            {"MB", 110.64221802542994, 1, 1.2, 6.5792060366580055},
            {"MB", 110.64221802542994, 3, 1.2, 14.557404057496236},
            {"MB", 110.64221802542994, 12, 1.2, 42.706400891650239},
            {"MB", 121.61499997836515, 0, 0.0, 1.6065783066938976},
            {"MB", 121.61499997836515, 1, 1.2, 6.9274444625058419},
            {"MB", 121.61499997836515, 3, 1.2, 15.244088837548671},
            {"MB", 121.61499997836515, 12, 1.2, 44.545516143077987},
        };
        BetaGeoFamily bg = BetaGeoModel.of(0.24162806475949664, 4.400789472545534, 0.7952938211209384,
                2.4304621526770984);
        BetaGeoFamily mbg = ModifiedBetaGeoModel.of(0.24162806475949664, 4.400789472545534, 0.7952938211209384,
                2.4304621526770984);
        for (Object[] row : rows) {
            BetaGeoFamily m = row[0].equals("BG") ? bg : mbg;
            double t = (Double) row[1];
            double x = (Integer) row[2];
            double tx = (Double) row[3];
            double expected = (Double) row[4];
            double one = m.conditionalExpectedPurchases(t, x, tx, 2.0);
            assertEquals(expected, one, CLOSED_FORM_TOLERANCE * expected, m + " t=" + t + " x=" + x);
            double[] all = m.conditionalExpectedPurchases(t, new double[] {x, 0, x}, new double[] {tx, 0, tx},
                    new double[] {2.0, 5, 2.0});
            assertEquals(one, all[0], 0.0, m + " t=" + t + " x=" + x + " (array)");
            assertEquals(one, all[2], 0.0, m + " t=" + t + " x=" + x + " (array)");
        }
    }

    @Test
    void arrayMethodEqualsTheOneCustomerMethodToTheBitInAnyOrder() {
        Property.forAll("E[Y] arrays", 40, rnd -> {
            double r = Math.exp(-4 + 6 * rnd.nextDouble());
            double alpha = Math.exp(-2 + 5 * rnd.nextDouble());
            double a = rnd.nextInt(4) == 0 ? 1.0 : Math.exp(-2 + 4 * rnd.nextDouble());
            double b = Math.exp(-2 + 4 * rnd.nextDouble());
            BetaGeoFamily m = rnd.nextBoolean() ? BetaGeoModel.of(r, alpha, a, b) : ModifiedBetaGeoModel.of(r, alpha, a, b);
            double t = alpha * Math.exp(-3 + 6 * rnd.nextDouble());
            int n = 1 + rnd.nextInt(300);
            double[] x = new double[n];
            double[] tx = new double[n];
            double[] age = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(1 + rnd.nextInt(80));
                // ages from 0 to 100 alpha, so that z = t/(alpha+T+t) covers 0 .. 0.95 and beyond
                age[i] = rnd.nextInt(20) == 0 ? 0 : alpha * Math.exp(-6 + 10 * rnd.nextDouble());
                tx[i] = x[i] == 0 ? 0 : age[i] * rnd.nextDouble();
            }
            double[] all = m.conditionalExpectedPurchases(t, x, tx, age);
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = n - 1 - i;
            }
            double[] rx = new double[n];
            double[] rtx = new double[n];
            double[] rage = new double[n];
            for (int i = 0; i < n; i++) {
                rx[i] = x[order[i]];
                rtx[i] = tx[order[i]];
                rage[i] = age[order[i]];
            }
            double[] reversed = m.conditionalExpectedPurchases(t, rx, rtx, rage);
            for (int i = 0; i < n; i++) {
                double one = m.conditionalExpectedPurchases(t, x[i], tx[i], age[i]);
                assertEquals(one, all[i], 0.0, m + " t=" + t + " row " + i);
                assertEquals(one, reversed[n - 1 - i], 0.0, m + " t=" + t + " reversed row " + i);
            }
        });
    }
    /**
     * Issue 17: across many chunks on both cores (the per-frequency expansions then built by whichever thread gets
     * there first) every customer's E[Y] and P(alive) equal the one-customer methods' to the bit, in either order.
     */
    @Test
    void manyChunksGiveTheOneCustomerValuesToTheBit() {
        Property.forAll("E[Y] and P(alive) over chunks", 2, rnd -> {
            BetaGeoFamily m = rnd.nextBoolean() ? BetaGeoModel.of(0.242593, 4.413532, 0.792886, 2.425752)
                    : ModifiedBetaGeoModel.of(0.525, 6.183, 0.891, 1.614);
            int n = 3 * 8192 + 1 + rnd.nextInt(1000);
            double[] x = new double[n];
            double[] tx = new double[n];
            double[] age = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rnd.nextInt(3) == 0 ? rnd.nextInt(60) : 0;
                age[i] = 78 * rnd.nextDouble();
                tx[i] = x[i] == 0 ? 0 : age[i] * rnd.nextDouble();
            }
            double[] all = m.conditionalExpectedPurchases(52, x, tx, age);
            double[] alive = m.probabilityAlive(x, tx, age);
            double[] rx = new double[n];
            double[] rtx = new double[n];
            double[] rage = new double[n];
            for (int i = 0; i < n; i++) {
                rx[i] = x[n - 1 - i];
                rtx[i] = tx[n - 1 - i];
                rage[i] = age[n - 1 - i];
            }
            double[] reversed = m.conditionalExpectedPurchases(52, rx, rtx, rage);
            for (int i = 0; i < n; i++) {
                double one = m.conditionalExpectedPurchases(52, x[i], tx[i], age[i]);
                assertEquals(one, all[i], 0.0, m + " row " + i);
                assertEquals(one, reversed[n - 1 - i], 0.0, m + " reversed row " + i);
                assertEquals(m.probabilityAlive(x[i], tx[i], age[i]), alive[i], 0.0, m + " P(alive) row " + i);
            }
        });
    }
}
