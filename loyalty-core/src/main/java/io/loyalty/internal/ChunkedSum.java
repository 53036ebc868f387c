package io.loyalty.internal;

import java.util.stream.IntStream;

/**
 * Sums a kernel over row chunks, in parallel on the common fork-join pool when there are enough rows to pay for
 * it. Chunk boundaries depend only on the row count and the partial sums are added in chunk order, so the result
 * is the same on every run whatever the number of threads. Not API.
 *
 * @since 0.1
 */
public final class ChunkedSum {
    /** Rows per chunk; below two chunks everything runs on the calling thread. */
    public static final int CHUNK = 8192;

    /**
     * Adds the contributions of rows {@code [from, to)} into {@code out}.
     *
     * @since 0.1
     */
    @FunctionalInterface
    public interface Kernel {
        /**
         * Accumulates a chunk.
         *
         * @param from the first row
         * @param to one past the last row
         * @param out where to add (length as requested)
         */
        void accumulate(int from, int to, double[] out);
    }

    private ChunkedSum() {
    }

    /**
     * Sums the kernel over {@code rows} rows.
     *
     * @param rows the number of rows
     * @param width the length of the accumulator
     * @param kernel the kernel
     * @return the sums
     */
    public static double[] sum(int rows, int width, Kernel kernel) {
        int chunks = (rows + CHUNK - 1) / CHUNK;
        if (chunks <= 1) {
            double[] out = new double[width];
            kernel.accumulate(0, rows, out);
            return out;
        }
        double[][] parts = new double[chunks][width];
        IntStream.range(0, chunks).parallel().forEach(c ->
                kernel.accumulate(c * CHUNK, Math.min(rows, (c + 1) * CHUNK), parts[c]));
        double[] out = new double[width];
        for (double[] p : parts) {
            for (int k = 0; k < width; k++) {
                out[k] += p[k];
            }
        }
        return out;
    }

    /**
     * Runs an action over row chunks, in parallel when there are at least two chunks.
     *
     * @param rows the number of rows
     * @param action the action on rows {@code [from, to)}
     */
    public static void forEach(int rows, RangeAction action) {
        int chunks = (rows + CHUNK - 1) / CHUNK;
        if (chunks <= 1) {
            action.run(0, rows);
            return;
        }
        IntStream.range(0, chunks).parallel().forEach(c -> action.run(c * CHUNK, Math.min(rows, (c + 1) * CHUNK)));
    }

    /**
     * Work on a range of rows.
     *
     * @since 0.1
     */
    @FunctionalInterface
    public interface RangeAction {
        /**
         * Runs on rows {@code [from, to)}.
         *
         * @param from the first row
         * @param to one past the last row
         */
        void run(int from, int to);
    }
}
