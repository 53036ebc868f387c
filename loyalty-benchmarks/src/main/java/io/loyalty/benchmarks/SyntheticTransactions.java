package io.loyalty.benchmarks;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded synthetic transaction logs of the shape the peers were timed on: skewed customer activity (lognormal
 * weights), two years of days (in time order, or in random order as in the peer's own file), gamma-like amounts.
 */
final class SyntheticTransactions {
    final int[] customer;
    final int[] epochDay;
    final double[] amount;

    private SyntheticTransactions(int[] customer, int[] epochDay, double[] amount) {
        this.customer = customer;
        this.epochDay = epochDay;
        this.amount = amount;
    }

    static SyntheticTransactions generate(int rows, int customers, long seed) {
        return generate(rows, customers, seed, true);
    }

    /** The log, its rows in time order or, as drawn, in random order. */
    static SyntheticTransactions generate(int rows, int customers, long seed, boolean timeOrdered) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] cumulative = new double[customers];
        double total = 0;
        for (int c = 0; c < customers; c++) {
            total += Math.exp(r.nextGaussian());
            cumulative[c] = total;
        }
        int firstDay = 18_262; // 2020-01-01
        int[] customer = new int[rows];
        int[] day = new int[rows];
        double[] amount = new double[rows];
        for (int i = 0; i < rows; i++) {
            int at = Arrays.binarySearch(cumulative, r.nextDouble() * total);
            customer[i] = Math.min(customers - 1, at < 0 ? -at - 1 : at);
            day[i] = firstDay + r.nextInt(730);
            // Sum of two exponentials: a gamma(2) amount with mean 40.
            amount[i] = Math.round(-20 * (Math.log(1 - r.nextDouble()) + Math.log(1 - r.nextDouble())) * 100) / 100.0;
        }
        if (timeOrdered) {
            Arrays.sort(day);
        }
        return new SyntheticTransactions(customer, day, amount);
    }

    static int lastDay() {
        return 18_262 + 729;
    }
}
