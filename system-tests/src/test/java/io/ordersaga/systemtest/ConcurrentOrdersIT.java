package io.ordersaga.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordersaga.systemtest.SagaClient.OrderRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Many customers racing for the last units: inventory never oversells. */
class ConcurrentOrdersIT extends SagaSystemTest {

    private static final String SKU = "HEADSET-001";
    private static final int UNITS = 50;
    private static final int ORDERS = 200;

    @Test
    void confirmsExactlyTheUnitsInStockWhenTwoHundredOrdersRaceForFifty() throws Exception {
        setStock(SKU, UNITS);

        List<UUID> ids;
        try (ExecutorService customers = Executors.newFixedThreadPool(50)) {
            List<Callable<UUID>> orders = IntStream.range(0, ORDERS)
                    .<Callable<UUID>>mapToObj(i -> () -> place(OrderRequest.of(SKU, 1, "129.00")))
                    .toList();
            ids = customers.invokeAll(orders).stream()
                    .map(SagaSystemTest::result)
                    .toList();
        }
        assertThat(ids).doesNotHaveDuplicates().hasSize(ORDERS);

        Map<String, Long> outcomes = ids.stream()
                .map(SagaSystemTest::awaitTerminal)
                .map(order -> order.text("status") + "/" + order.text("cancellationReason"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(outcomes)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "CONFIRMED/null", (long) UNITS,
                        "CANCELLED/OUT_OF_STOCK", (long) (ORDERS - UNITS)));
        var product = saga.product(SKU);
        assertThat(product.get("onHand").asInt()).isZero();
        assertThat(product.get("reserved").asInt()).isZero();
    }
}
