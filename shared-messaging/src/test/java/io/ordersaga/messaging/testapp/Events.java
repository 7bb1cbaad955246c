package io.ordersaga.messaging.testapp;

import io.ordersaga.events.common.Address;
import io.ordersaga.events.common.EventEnvelope;
import io.ordersaga.events.common.Money;
import io.ordersaga.events.common.OrderLine;
import io.ordersaga.events.order.CancellationReason;
import io.ordersaga.events.order.OrderCancelled;
import io.ordersaga.events.order.OrderConfirmed;
import io.ordersaga.events.order.OrderPlaced;
import io.ordersaga.messaging.outbox.EventEnvelopes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** Events as the order service publishes them, each with a new event id. */
public final class Events {

    private Events() {}

    public static OrderPlaced orderPlaced(UUID orderId) {
        return orderPlaced(orderId, "OrderPlaced");
    }

    /** An OrderPlaced whose envelope names {@code eventType}: a producer bug when that is not "OrderPlaced". */
    public static OrderPlaced orderPlaced(UUID orderId, String eventType) {
        return OrderPlaced.newBuilder()
                .setEnvelope(EventEnvelope.newBuilder(envelope(orderId, OrderPlaced.class))
                        .setEventType(eventType)
                        .build())
                .setCustomerId("customer-42")
                .setCustomerEmail("ada@example.org")
                .setLines(List.of(OrderLine.newBuilder()
                        .setSku("BOOK-001")
                        .setQuantity(1)
                        .setUnitPrice(euros("19.99"))
                        .build()))
                .setTotal(euros("19.99"))
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

    public static OrderCancelled orderCancelled(UUID orderId) {
        return OrderCancelled.newBuilder()
                .setEnvelope(envelope(orderId, OrderCancelled.class))
                .setCustomerId("customer-42")
                .setCustomerEmail("ada@example.org")
                .setReason(CancellationReason.CUSTOMER_REQUEST)
                .setTotal(euros("19.99"))
                .build();
    }

    public static OrderConfirmed orderConfirmed(UUID orderId) {
        return OrderConfirmed.newBuilder()
                .setEnvelope(envelope(orderId, OrderConfirmed.class))
                .setCustomerId("customer-42")
                .setCustomerEmail("ada@example.org")
                .setTotal(euros("19.99"))
                .build();
    }

    public static Money euros(String amount) {
        return Money.newBuilder()
                .setAmount(new BigDecimal(amount))
                .setCurrency("EUR")
                .build();
    }

    /** A new envelope (new event id, now, no causation) for an event of {@code type} about the order. */
    public static EventEnvelope envelope(UUID orderId, Class<? extends SpecificRecord> type) {
        return EventEnvelopes.of(type, orderId, Instant.now(), null);
    }
}
