package io.ordersaga.infra.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * Random free ports on loopback: no server of the harness ever uses a fixed port. A port is found
 * by binding port 0 and closing the socket again, so the kernel may offer the same port to the next
 * probe before the server it was found for has bound it: Kafka once got one port for both its broker
 * and its controller listener, and refused to start. Each port is therefore handed out once per JVM.
 */
final class Ports {

    private static final Ports LOOPBACK = new Ports(Ports::probeLoopback);
    static final int ATTEMPTS = 100;

    private final IntSupplier probe;
    private final Set<Integer> handedOut = ConcurrentHashMap.newKeySet();

    Ports(IntSupplier probe) {
        this.probe = probe;
    }

    static int freePort() {
        return LOOPBACK.next();
    }

    /** A port free now that this instance has not handed out before. */
    int next() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = probe.getAsInt();
            if (handedOut.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException(
                "no free port on loopback that was not handed out already, in " + ATTEMPTS + " attempts");
    }

    private static int probeLoopback() {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }
}
