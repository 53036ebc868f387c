package io.loyalty.privacy;

import java.math.BigInteger;
import java.util.random.RandomGenerator;

/**
 * Exact Bernoulli draws on rational probabilities: Bernoulli(n / d) by one uniform integer, and Bernoulli(exp(-n / d))
 * by Algorithm 1 of Canonne, Kamath and Steinke (2020), which needs only Bernoulli(n / (d k)) draws. No floating
 * point enters a draw, so the output distribution is exactly the stated one (given a uniform source).
 */
final class ExactBernoulli {
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private ExactBernoulli() {
    }

    /** Bernoulli(num / den) for 0 <= num <= den, den > 0. */
    static boolean bernoulli(long num, long den, RandomGenerator rng) {
        return rng.nextLong(den) < num;
    }

    /** Bernoulli(exp(-num / den)) for num >= 0, den > 0. */
    static boolean bernoulliExp(long num, long den, RandomGenerator rng) {
        long whole = num / den;
        // exp(-gamma) = exp(-1)^floor(gamma) * exp(-frac): each factor is an independent draw, and the loop stops at
        // the first failure, so a large gamma costs few draws on average.
        for (long k = 0; k < whole; k++) {
            if (!bernoulliExpUnit(1, 1, rng)) {
                return false;
            }
        }
        return bernoulliExpUnit(num % den, den, rng);
    }

    /** Bernoulli(exp(-num / den)) for any non-negative rational given as big integers. */
    static boolean bernoulliExp(BigInteger num, BigInteger den, RandomGenerator rng) {
        BigInteger g = num.gcd(den);
        BigInteger n = num.divide(g);
        BigInteger d = den.divide(g);
        if (n.compareTo(LONG_MAX) <= 0 && d.bitLength() < 62) {
            return bernoulliExp(n.longValue(), d.longValue(), rng);
        }
        BigInteger[] qr = n.divideAndRemainder(d);
        for (BigInteger k = BigInteger.ZERO; k.compareTo(qr[0]) < 0; k = k.add(BigInteger.ONE)) {
            if (!bernoulliExpUnit(1, 1, rng)) {
                return false;
            }
        }
        BigInteger rem = qr[1];
        long k = 1;
        while (below(d.multiply(BigInteger.valueOf(k)), rng).compareTo(rem) < 0) {
            k++;
        }
        return (k & 1) == 1;
    }

    /** Bernoulli(exp(-gamma)) for gamma = num / den in [0, 1] (Canonne, Kamath and Steinke 2020, Algorithm 1). */
    private static boolean bernoulliExpUnit(long num, long den, RandomGenerator rng) {
        long k = 1;
        while (true) {
            // A ~ Bernoulli(gamma / k); den * k overflows only after ~2^62 / den rounds, far beyond any real run.
            long dk = Math.multiplyHigh(den, k) == 0 && den * k > 0 ? den * k : -1;
            boolean a = dk > 0 ? bernoulli(num, dk, rng)
                    : below(BigInteger.valueOf(den).multiply(BigInteger.valueOf(k)), rng)
                            .compareTo(BigInteger.valueOf(num)) < 0;
            if (!a) {
                return (k & 1) == 1;
            }
            k++;
        }
    }

    /** A uniform integer in [0, bound), by rejection on random bits. */
    static BigInteger below(BigInteger bound, RandomGenerator rng) {
        int bits = bound.bitLength();
        while (true) {
            BigInteger r = BigInteger.ZERO;
            for (int done = 0; done < bits; done += 63) {
                r = r.shiftLeft(63).or(BigInteger.valueOf(rng.nextLong() >>> 1));
            }
            r = r.shiftRight(((bits + 62) / 63) * 63 - bits);
            if (r.compareTo(bound) < 0) {
                return r;
            }
        }
    }
}
