package io.loyalty.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.loyalty.stats.Interval;
import org.junit.jupiter.api.Test;

/** ParameterEstimate on the one interval vocabulary (issue 18, section 2). */
class ParameterEstimateTest {
    @Test
    void theIntervalIsTheWaldIntervalOfTheLog() {
        ParameterEstimate e = ParameterEstimate.ofLogScale("r", 2, 0.1);
        assertEquals("r", e.name());
        assertEquals(2, e.value());
        assertEquals(0.2, e.standardError(), 1e-15);
        Interval i = e.interval();
        assertEquals(Interval.of(2, 2 * Math.exp(-1.959963984540054 * 0.1), 2 * Math.exp(1.959963984540054 * 0.1),
                0.95, ParameterEstimate.METHOD), i);
        assertEquals("r = 2.00000 (se 0.2000, 95% 1.64403..2.43305)", e.toString());
        assertEquals(e, ParameterEstimate.ofLogScale("r", 2, 0.1));
        assertEquals(e.hashCode(), ParameterEstimate.ofLogScale("r", 2, 0.1).hashCode());
        assertNotEquals(e, ParameterEstimate.ofLogScale("alpha", 2, 0.1));
    }

    @Test
    void theUpperEndMayOverflow() {
        ParameterEstimate e = ParameterEstimate.ofLogScale("b", 3, 400);
        assertEquals(Double.POSITIVE_INFINITY, e.interval().upper());
        assertEquals(1200, e.standardError());
    }

    @Test
    void rejectsWhatIsNoEstimate() {
        assertThrows(IllegalArgumentException.class, () -> ParameterEstimate.ofLogScale(null, 1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> ParameterEstimate.ofLogScale("r", 0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> ParameterEstimate.ofLogScale("r", 1, -0.1));
        assertThrows(IllegalArgumentException.class, () -> ParameterEstimate.ofLogScale("r", 1, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> ParameterEstimate.ofLogScale("r", 1, Double.POSITIVE_INFINITY));
    }
}
