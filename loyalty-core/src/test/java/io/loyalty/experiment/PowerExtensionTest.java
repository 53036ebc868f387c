package io.loyalty.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Sample sizes beyond R's initial bracket [1, 1e7]: R's {@code uniroot(extendInt = "upX")} extends it. */
class PowerExtensionTest {
    @Test
    void proportionsSampleSizeAboveTenMillion() {
        // R 4.2.2 help page of power.prop.test:
        // power.prop.test(p1 = .5, p2 = 0.501, sig.level = .001, power = 0.90)  ## => n = 10451937
        double n = Power.proportionsSampleSize(0.5, 0.501, 0.001, 0.90, Alternative.TWO_SIDED, 1);
        assertEquals(10_451_937, n, 0.5);
        assertEquals(0.90, Power.proportionsPower(n, 0.5, 0.501, 0.001, Alternative.TWO_SIDED, 1), 1e-6);
    }

    @Test
    void meansSampleSizeAboveTenMillion() {
        double n = Power.meansSampleSize(0.001, 1, 0.05, 0.8, Alternative.TWO_SIDED, 1);
        // Normal shortcut 2 (z_0.975 + z_0.8)^2 / 0.001^2 = 15,697,759; the noncentral t adds a fraction of one.
        assertEquals(15_697_759, n, 2);
        assertEquals(0.8, Power.meansPower(n, 0.001, 1, 0.05, Alternative.TWO_SIDED, 1), 1e-6);
    }
}
