package io.ordersaga.messaging.relay;

import io.ordersaga.events.common.Address;
import io.ordersaga.events.common.Money;
import io.ordersaga.events.common.OrderLine;
import io.ordersaga.events.order.OrderPlaced;
import io.ordersaga.messaging.outbox.EventEnvelopes;
import io.ordersaga.messaging.outbox.OutboxWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The probe's business method: place an order and announce it, in one transaction. */
@Service
public class ProbeOrders {

    private final JdbcTemplate jdbc;
    private final OutboxWriter outbox;

    ProbeOrders(JdbcTemplate jdbc, OutboxWriter outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Transactional
    public OrderPlaced place(UUID causationId) {
        OrderPlaced placed = orderPlaced(UUID.randomUUID(), causationId);
        jdbc.update(
                "insert into probe_orders (order_id, event_id) values (?, ?)",
                placed.getEnvelope().getOrderId(),
                placed.getEnvelope().getEventId());
        outbox.append(placed);
        return placed;
    }

    /** Places an order, appends its event, then fails: the transaction rolls back with both. */
    @Transactional
    public OrderPlaced placeAndFail() {
        OrderPlaced placed = place(null);
        throw new PlacementFailed(placed);
    }

    static OrderPlaced orderPlaced(UUID orderId, UUID causationId) {
        var unitPrice = Money.newBuilder()
                .setAmount(new BigDecimal("19.99"))
                .setCurrency("EUR")
                .build();
        return OrderPlaced.newBuilder()
                .setEnvelope(EventEnvelopes.of(OrderPlaced.class, orderId, Instant.now(), causationId))
                .setCustomerId("customer-42")
                .setCustomerEmail("ada@example.org")
                .setLines(List.of(OrderLine.newBuilder()
                        .setSku("BOOK-001")
                        .setQuantity(3)
                        .setUnitPrice(unitPrice)
                        .build()))
                .setTotal(Money.newBuilder()
                        .setAmount(new BigDecimal("59.97"))
                        .setCurrency("EUR")
                        .build())
                .setShippingAddress(Address.newBuilder()
                        .setRecipientName("Ada Lovelace")
                        .setStreet("1 St James's Square")
                        .setCity("London")
                        .setPostalCode("SW1Y 4JU")
                        .setCountry("GB")
                        .build())
                .setPaymentToken("tok_visa_4242")
                .build();
    }

    /** Thrown to roll back a placement; carries the event that must never be relayed. */
    public static final class PlacementFailed extends RuntimeException {
        private final transient OrderPlaced placed;

        PlacementFailed(OrderPlaced placed) {
            super("placement of order " + placed.getEnvelope().getOrderId() + " failed on purpose");
            this.placed = placed;
        }

        public OrderPlaced placed() {
            return placed;
        }
    }
}
