package io.loyalty.privacy;

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
}
