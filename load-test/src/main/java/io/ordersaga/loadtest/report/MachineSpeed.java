package io.ordersaga.loadtest.report;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How fast this machine ran a fixed piece of work before the load and after it. The same build has
 * cost a third more CPU per order in some hours of this machine than in others (docs/performance.md,
 * "Each round on one line"), and nothing in a run's own figures says which kind of hour it ran in;
 * this does. The work: sorting the same 1,000,000 pseudo-random longs (8 MB, more than a core's own
 * caches hold) on one thread, the fastest of ten timed sorts after two untimed ones: the stack's
 * processes run beside it (a stack just started is still compiling), and they can only slow a sort
 * down, so the fastest is the one they disturbed least.
 *
 * @param beforeMillis the fastest sort before the load (the stack up)
 * @param afterMillis the fastest sort after the checks
 */
public record MachineSpeed(double beforeMillis, double afterMillis) {

    static final int LONGS = 1_000_000;
    private static final long SEED = 20261207L;
    private static final int UNTIMED = 2;
    private static final int TIMED = 10;

    /** Times the sort now: the fastest of ten, in milliseconds. */
    public static double sortMillis() {
        long[] data = data();
        long[] work = new long[data.length];
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < UNTIMED + TIMED; i++) {
            // Copied outside the timing, into the same array: the timed part allocates nothing, so
            // a garbage collection of the load test's heap does not land in it.
            System.arraycopy(data, 0, work, 0, data.length);
            long start = System.nanoTime();
            Arrays.sort(work);
            long took = System.nanoTime() - start;
            if (i >= UNTIMED) {
                fastest = Math.min(fastest, took);
            }
        }
        return fastest / 1e6;
    }

    /** The same longs on every call. */
    static long[] data() {
        return new SplittableRandom(SEED).longs(LONGS).toArray();
    }
}
