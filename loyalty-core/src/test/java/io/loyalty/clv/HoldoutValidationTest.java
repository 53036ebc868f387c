package io.loyalty.clv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.data.CalibrationHoldout;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.data.Transaction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CDNOW sample split at 1997-09-30 (39 weeks) with a holdout to 1998-06-30: the calibration summary equals
 * the published one, so the fit is the published BG/NBD, and the holdout comparison behaves as in Fader, Hardie
 * and Lee (2005), figure 4 (predictions track the actual conditional means by calibration frequency).
 */
class HoldoutValidationTest {
    static List<Transaction> cdnowSample() throws IOException {
        List<Transaction> out = new ArrayList<>();
        try (InputStream in = HoldoutValidationTest.class.getResourceAsStream("/data/CDNOW_sample.txt")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 5) {
                    out.add(Transaction.of(Integer.toString(Integer.parseInt(f[1])),
                            LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE), Double.parseDouble(f[4])));
                }
            }
        }
        return out;
    }

    @Test
    void cdnowHoldout() throws IOException {
        CalibrationHoldout split = Summarizer.of(PeriodRule.days().withUnit(7), LocalDate.of(1998, 6, 30))
                .calibrationHoldout(cdnowSample(), LocalDate.of(1997, 9, 30));
        BetaGeoModel m = BetaGeoFitter.withDefaults().fit(split.calibration());
        // Unrounded weeks: the fit is within 1e-3 of the one on the 2-decimal published summary.
        assertEquals(0.242593, m.r(), 1e-3);
        assertEquals(4.413532, m.alpha(), 2e-2);
        HoldoutValidation v = HoldoutValidation.of(m, split, 7);
        System.out.println(v + " at " + java.util.Arrays.toString(m.parameters()));
        assertEquals(39, v.duration(), 1e-12);
        assertEquals(2357, v.actual().length);
        assertEquals(8, v.groups().size());
        assertEquals("7+", v.groups().get(7).label());
        // 1,882 actual holdout purchase days vs 1,653 predicted: BG/NBD under-forecasts this holdout by about 12%
        // (FHL 2005 figure 3 shows the same gap opening in 1998). The predicted total is checked against an
        // independent computation (src/test/resources/clv/holdout_total.py: its own summary of CDNOW_sample.txt and
        // the closed form with mpmath at 40 digits, at the parameters printed above), 1653.40869794, to half a
        // unit of its last printed digit.
        assertEquals(1882, v.totalActual(), 0);
        assertArrayEquals(new double[] {0.242594522430157, 4.413602019013503, 0.792922017225599, 2.4259067768263374},
                m.parameters(), 1e-9, "the parameters holdout_total.py was run at");
        assertEquals(1653.40869794, v.totalPredicted(), 5e-9);
        for (HoldoutValidation.Group g : v.groups()) {
            assertEquals(g.actualMean(), g.predictedMean(), 0.35 * Math.max(1, g.actualMean()), g.toString());
        }
        assertTrue(v.correlation() > 0.5);
        assertTrue(v.meanAbsoluteError() > 0 && v.rootMeanSquaredError() >= v.meanAbsoluteError());
    }
}
