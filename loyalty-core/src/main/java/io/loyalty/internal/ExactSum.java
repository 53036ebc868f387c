package io.loyalty.internal;

import java.io.Serializable;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A sum of finite doubles kept exactly, as a binary fixed-point integer, and rounded once when read: the result
 * does not depend on the order of the terms or on how they were split between sums that are later merged. This
 * is what lets a cohort's revenue, or a customer's spend, be summed per part (per Spark partition) and merged.
 *
 * <p>The small superaccumulator of R. M. Neal (2015), "Fast exact summation using small and large
 * superaccumulators", arXiv:1505.05571: a double m &times; 2<sup>e&minus;1075</sup> (biased exponent e,
 * 53-bit integer m) is split at a multiple of 32 bits of its exponent and its two pieces are added to two 64-bit
 * chunks, chunk i weighing 2<sup>32i&minus;1075</sup>. A piece is below 2<sup>52</sup>, so carries are propagated
 * every 2,047 terms before a chunk can overflow. Only the chunks that the terms reach are stored (two or three
 * for amounts of money). The value is rounded to nearest, ties to even (a sum in the subnormal range may be
 * rounded twice, still independently of the order). Not API.
 *
 * @since 0.2
 */
public final class ExactSum implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int CARRY_EVERY = 2047;
    private static final long LOW_32 = 0xFFFF_FFFFL;

    /** Chunks {@code base .. base + chunks.length - 1}; null while empty. */
    private long[] chunks;
    private int base;
    private int untilCarry = CARRY_EVERY;

    /** An empty sum (zero). */
    public ExactSum() {
    }

    /**
     * Adds a finite term.
     *
     * @param x the term, finite
     */
    public void add(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int e = (int) (bits >>> 52) & 0x7FF;
        long m = bits & 0xF_FFFF_FFFF_FFFFL;
        if (e == 0) {
            if (m == 0) {
                return;
            }
            e = 1;
        } else {
            m |= 1L << 52;
        }
        int i = e >>> 5;
        int shift = e & 31;
        // m * 2^shift = high * 2^32 + low; the shift may overflow the long, but not its low 32 bits.
        long low = (m << shift) & LOW_32;
        long high = m >>> (32 - shift);
        if (bits < 0) {
            low = -low;
            high = -high;
        }
        long[] c = chunks;
        int j = i - base;
        if (c == null || j < 0 || j + 1 >= c.length) {
            cover(i, i + 1);
            c = chunks;
            j = i - base;
        }
        c[j] += low;
        c[j + 1] += high;
        if (--untilCarry == 0) {
            carry();
        }
    }

    /**
     * Adds every term of another sum; the other's value is unchanged.
     *
     * @param other the other sum
     */
    public void add(ExactSum other) {
        if (other.chunks == null) {
            return;
        }
        other.carry();
        carry();
        cover(other.base, other.base + other.chunks.length - 1);
        for (int j = 0; j < other.chunks.length; j++) {
            chunks[other.base + j - base] += other.chunks[j];
        }
        carry();
    }

    /**
     * The sum rounded to the nearest double (0.0, never -0.0, when it is zero); infinite when the exact sum lies
     * beyond the largest double.
     *
     * @return the rounded sum
     */
    public double value() {
        if (chunks == null) {
            return 0.0;
        }
        carry();
        BigInteger n = BigInteger.ZERO;
        for (int j = chunks.length - 1; j >= 0; j--) {
            n = n.shiftLeft(32).add(BigInteger.valueOf(chunks[j]));
        }
        if (n.signum() == 0) {
            return 0.0;
        }
        BigInteger a = n.abs();
        int scale = 32 * base - 1075;
        int length = a.bitLength();
        long top;
        if (length <= 63) {
            top = a.longValue();
        } else {
            // Keep 63 bits and fold the rest into a sticky bit, so that the conversion rounds as the full value.
            int cut = length - 63;
            top = a.shiftRight(cut).longValue() | (a.getLowestSetBit() < cut ? 1 : 0);
            scale += cut;
        }
        return n.signum() * Math.scalb((double) top, scale);
    }

    /** Grows the stored chunks to cover chunk indexes {@code from..to}. */
    private void cover(int from, int to) {
        if (chunks == null) {
            base = from;
            chunks = new long[to - from + 2];
            return;
        }
        int end = base + chunks.length - 1;
        if (from >= base && to <= end) {
            return;
        }
        int newBase = Math.min(base, from);
        long[] grown = new long[Math.max(end, to) - newBase + 2];
        System.arraycopy(chunks, 0, grown, base - newBase, chunks.length);
        chunks = grown;
        base = newBase;
    }

    /** Propagates carries: every chunk but the top one into [0, 2^32), the top one into (-2^32, 2^32). */
    private void carry() {
        untilCarry = CARRY_EVERY;
        if (chunks == null) {
            return;
        }
        long[] c = chunks;
        for (int j = 0; j < c.length - 1; j++) {
            long q = c[j] >> 32;
            c[j] -= q << 32;
            c[j + 1] += q;
        }
        long top = c[c.length - 1];
        if (top >= (1L << 32) || top <= -(1L << 32)) {
            chunks = Arrays.copyOf(c, c.length + 1);
            carry();
        }
    }
}
