package io.loyalty.privacy;

import io.loyalty.internal.Checks;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Row-parallel passes of the DP kernels on the common fork-join pool. The split is fixed (it depends on the row
 * count only, never on the number of cores) and every pass either writes disjoint places or fills its own
 * accumulator, added in task order, so a result is the same on one core or many.
 */
final class Tasks {
    /** Rows below which a pass runs on the calling thread. */
    static final int PARALLEL_ROWS = 1 << 16;
    /** Tasks per pass above that: a few per core on small machines, fixed so the split is too. */
    static final int TASKS = 8;

    private Tasks() {
    }

    /** The number of tasks for a pass over {@code rows} rows. */
    static int count(int rows) {
        return rows < PARALLEL_ROWS ? 1 : TASKS;
    }

    /** The rows per task (the last task takes the remainder). */
    static int chunk(int rows, int tasks) {
        return (int) (((long) rows + tasks - 1) / tasks);
    }

    /**
     * Runs tasks {@code 0..tasks-1}: on the calling thread when there is one, else on the common pool. A failure
     * is rethrown as it was thrown (not wrapped by the pool), the lowest task's first, as a sequential run would.
     */
    static void run(int tasks, IntConsumer task) {
        if (tasks == 1) {
            task.accept(0);
            return;
        }
        RuntimeException[] failed = new RuntimeException[tasks];
        IntStream.range(0, tasks).parallel().forEach(t -> {
            try {
                task.accept(t);
            } catch (RuntimeException e) {
                failed[t] = e;
            }
        });
        for (RuntimeException e : failed) {
            if (e != null) {
                throw e;
            }
        }
    }

    /**
     * Checks the rows of a release on both cores: each row's customer index in [0, n) and its cell index (the
     * array named {@code cellName}) in [0, cells), then {@code row} on the row (its own checks and derived
     * columns). A bad row throws naming it, the first chunk's failure reported.
     *
     * @return the customers present: one more than the largest customer index, 0 without rows
     */
    static int checkRows(int[] customers, int[] cell, String cellName, int cells, IntConsumer row) {
        int n = customers.length;
        int tasks = count(n);
        int chunk = chunk(n, tasks);
        int[] largest = new int[tasks];
        run(tasks, t -> {
            int max = -1;
            for (int i = t * chunk, end = (int) Math.min(n, (long) i + chunk); i < end; i++) {
                // Plain branches, not Checks.require: its varargs would box values on each of millions of rows.
                if (!(customers[i] >= 0 && customers[i] < n)) {
                    throw new IllegalArgumentException(Checks.format("customers[%d] must lie in [0, %d), got %d", i,
                            n, customers[i]));
                }
                if (!(cell[i] >= 0 && cell[i] < cells)) {
                    throw new IllegalArgumentException(Checks.format("%s[%d] must lie in [0, %d), got %d", cellName,
                            i, cells, cell[i]));
                }
                row.accept(i);
                max = Math.max(max, customers[i]);
            }
            largest[t] = max;
        });
        // Masks and keys are sized by the customers present, not by the row count.
        int customerCount = 0;
        for (int m : largest) {
            customerCount = Math.max(customerCount, m + 1);
        }
        return customerCount;
    }
}
