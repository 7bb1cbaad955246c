package io.ordersaga.loadtest.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How fast this machine ran two fixed pieces of work before the load and after it. The same build
 * has cost a third more CPU per order in some hours of a machine than in others, and more again on
 * another host (docs/performance.md), and nothing in a run's own figures says which kind of hour or
 * host it ran on; these do. Each is the fastest of ten timings after untimed ones: the stack's
 * processes run beside it (a stack just started is still compiling), and they can only slow the
 * work down, so the fastest is the timing they disturbed least.
 *
 * <ul>
 *   <li><b>Computing</b>: one thread sorting the same 200,000 boxed longs, through their {@code
 *       compareTo} and their references (the JDK's merge sort for objects): work like the services'
 *       own, which no CPU runs with vector instructions. The first version sorted primitive longs,
 *       which JDK 25 sorts with AVX-512 where the CPU has it: that figure read 71-78 ms on the hosts
 *       of the first days and 13 ms on one where the stack cost more per order, not less.
 *   <li><b>The kernel</b>: a one-byte round trip over a loopback TCP connection to a thread of this
 *       JVM (a system call to write, a wake-up and a read on each side), what every hop of the stack
 *       pays many times per order. A host whose kernel isolates its page tables (PTI) pays about a
 *       microsecond per system call, several times more than one that does not.
 * </ul>
 *
 * @param before the probe before the warm-up (the stack up)
 * @param after the probe after the checks
 */
public record MachineSpeed(Probe before, Probe after) {

    static final int LONGS = 200_000;
    static final int ROUND_TRIPS = 1_000;
    private static final long SEED = 20261207L;
    private static final int UNTIMED = 2;
    private static final int TIMED = 10;
    private static final int ECHO_TIMEOUT_MILLIS = 10_000;

    /**
     * One probe of the machine.
     *
     * @param sortMillis the fastest sort of the boxed longs, in milliseconds
     * @param roundTripMicros one loopback round trip in the fastest batch of them, in microseconds
     */
    public record Probe(double sortMillis, double roundTripMicros) {

        /** Times both pieces of work now. */
        public static Probe now() {
            return new Probe(MachineSpeed.sortMillis(), MachineSpeed.roundTripMicros());
        }
    }

    /** Times the sort: the fastest of ten, in milliseconds. */
    static double sortMillis() {
        Long[] data = data();
        Long[] work = new Long[data.length];
        // Copied before each timing, into the same array: the timing holds the sort alone (and the
        // merge buffer the sort allocates for itself).
        return fastestNanos(() -> System.arraycopy(data, 0, work, 0, data.length), () -> Arrays.sort(work)) / 1e6;
    }

    /** The same longs, in the same order, on every call. */
    static Long[] data() {
        return new SplittableRandom(SEED).longs(LONGS).boxed().toArray(Long[]::new);
    }

    /**
     * Times batches of one-byte round trips to an echoing thread over loopback TCP (Nagle off): the
     * fastest batch's time per round trip, in microseconds.
     */
    static double roundTripMicros() {
        try (var server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // Ends when the client below closes its connection, or the server socket closes.
            Thread.ofPlatform().daemon().name("machine-speed-echo").start(() -> echo(server));
            try (var client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                client.setTcpNoDelay(true);
                client.setSoTimeout(ECHO_TIMEOUT_MILLIS);
                InputStream in = client.getInputStream();
                OutputStream out = client.getOutputStream();
                return fastestNanos(() -> {}, () -> {
                            for (int i = 0; i < ROUND_TRIPS; i++) {
                                out.write(i);
                                if (in.read() < 0) {
                                    throw new IOException("the echo closed the connection");
                                }
                            }
                        })
                        / 1e3
                        / ROUND_TRIPS;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("timing loopback round trips", e);
        }
    }

    /** Work that is timed; a round trip may fail. */
    private interface Timed<E extends Exception> {
        void run() throws E;
    }

    /**
     * Runs {@code timed} two times untimed, then ten times timed, each after {@code untimedSetup}:
     * the fastest of the ten, in nanoseconds.
     */
    private static <E extends Exception> long fastestNanos(Runnable untimedSetup, Timed<E> timed) throws E {
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < UNTIMED + TIMED; i++) {
            untimedSetup.run();
            long start = System.nanoTime();
            timed.run();
            long took = System.nanoTime() - start;
            if (i >= UNTIMED) {
                fastest = Math.min(fastest, took);
            }
        }
        return fastest;
    }

    /** Sends back every byte of the one connection it accepts, until the client closes it. */
    private static void echo(ServerSocket server) {
        try (Socket peer = server.accept()) {
            peer.setTcpNoDelay(true);
            InputStream in = peer.getInputStream();
            OutputStream out = peer.getOutputStream();
            for (int b = in.read(); b >= 0; b = in.read()) {
                out.write(b);
            }
        } catch (IOException e) {
            // The client closed the connection or the server socket: the timing is over either way.
        }
    }
}
