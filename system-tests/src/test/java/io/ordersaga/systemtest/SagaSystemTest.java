package io.ordersaga.systemtest;

import static org.awaitility.Awaitility.await;

import io.ordersaga.systemtest.SagaClient.OrderRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The end-to-end tier: every test drives the four services (one stack for the whole test JVM) through
 * their REST APIs, and after every test the saga invariants must hold across their databases once the
 * system is quiet.
 */
abstract class SagaSystemTest {

    /** Long enough for a saga (and its compensations) on a busy 2-core machine. */
    static final Duration SAGA = Duration.ofSeconds(60);

    static SagaStack stack;
    static SagaClient saga;
    static SagaInvariants invariants;
    /** Captured once per JVM and again whenever a test sets a product's stock by hand. */
    static StockBaseline stock;

    private static final Set<UUID> accepted = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void startTheSaga() {
        stack = SagaStack.shared();
        saga = stack.client();
        invariants = stack.invariants();
        if (stock == null) {
            stock = invariants.captureStock();
        }
    }

    @AfterEach
    void invariantsHoldOnceTheSagaIsQuiet() {
        await("no order in flight")
                .atMost(stack.settings().sagaDeadline().plus(SAGA))
                .pollInterval(Duration.ofMillis(250))
                .until(invariants::quiescent);
        await("saga invariants")
                .atMost(SAGA)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(
                        () -> invariants.check(stock, List.copyOf(accepted)).assertHolds());
    }

    /** Places {@code order}, expecting 202, and remembers it for invariant 1. */
    static UUID place(OrderRequest order) {
        UUID id = saga.placeAccepted(order);
        accepted.add(id);
        return id;
    }

    /** Waits until order {@code id} has {@code status}. */
    static void awaitStatus(UUID id, String status, Duration timeout) {
        await("order " + id + " " + status)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> saga.status(id), status::equals);
    }

    /** Waits until order {@code id} is CONFIRMED or CANCELLED; returns its final state. */
    static SagaClient.Response awaitTerminal(UUID id) {
        return await("order " + id + " terminal")
                .atMost(stack.settings().sagaDeadline().plus(SAGA))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> saga.order(id), response -> Set.of("CONFIRMED", "CANCELLED")
                        .contains(response.text("status")));
    }

    static <T> T result(java.util.concurrent.Future<T> future) {
        try {
            return future.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Sets {@code sku}'s stock by hand and moves the invariants' baseline with it (the saga is quiet). */
    static void setStock(String sku, int onHand) {
        var response = saga.setStock(sku, onHand);
        if (response.status() != 200) {
            throw new AssertionError("PUT stock answered " + response.status() + ": " + response.body());
        }
        stock = invariants.captureStock();
    }
}
