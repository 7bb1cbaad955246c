package io.ordersaga.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordersaga.events.common.Address;
import io.ordersaga.events.common.EventEnvelope;
import io.ordersaga.events.common.Money;
import io.ordersaga.events.common.OrderLine;
import io.ordersaga.events.common.StockLine;
import io.ordersaga.events.inventory.InventoryRejected;
import io.ordersaga.events.inventory.InventoryRejectionReason;
import io.ordersaga.events.inventory.InventoryReleased;
import io.ordersaga.events.inventory.InventoryReserved;
import io.ordersaga.events.order.CancellationReason;
import io.ordersaga.events.order.OrderCancelled;
import io.ordersaga.events.order.OrderConfirmed;
import io.ordersaga.events.order.OrderPlaced;
import io.ordersaga.events.payment.PaymentAuthorized;
import io.ordersaga.events.payment.PaymentFailed;
import io.ordersaga.events.payment.PaymentFailureReason;
import io.ordersaga.events.payment.PaymentRefunded;
import io.ordersaga.events.shipping.ShipmentFailed;
import io.ordersaga.events.shipping.ShipmentFailureReason;
import io.ordersaga.events.shipping.ShipmentScheduled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.AvroTypeException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each generated event class through Avro binary encoding and back, as producers and consumers use them. */
class EventRoundTripTest {

    private static final UUID ORDER_ID = UUID.fromString("6f1c2a8e-3b7d-4c5e-9a01-2b3c4d5e6f70");
    private static final UUID CAUSE_ID = UUID.fromString("0b9e8d7c-6a5b-4c3d-8e2f-1a0b9c8d7e6f");
    // Avro keeps milliseconds: an Instant with finer precision does not survive the trip unchanged.
    private static final Instant OCCURRED_AT = Instant.parse("2026-11-25T10:15:30.123Z");
    private static final Money TOTAL = money("1234567890123.45");
    private static final Address ADDRESS = Address.newBuilder()
            .setRecipientName("Ada Lovelace")
            .setStreet("Hauptstraße 1")
            .setCity("Berlin")
            .setPostalCode("10115")
            .setCountry("DE")
            .build();
    private static final List<StockLine> STOCK_LINES = List.of(
            StockLine.newBuilder().setSku("SKU-1").setQuantity(2).build(),
            StockLine.newBuilder().setSku("SKU-2").setQuantity(1).build());

    static Stream<SpecificRecordBase> everyEvent() {
        return Stream.of(
                OrderPlaced.newBuilder()
                        .setEnvelope(envelope("OrderPlaced", null))
                        .setCustomerId("customer-42")
                        .setCustomerEmail("ada@example.org")
                        .setLines(List.of(OrderLine.newBuilder()
                                .setSku("SKU-1")
                                .setQuantity(3)
                                .setUnitPrice(money("0.10"))
                                .build()))
                        .setTotal(money("0.30"))
                        .setShippingAddress(ADDRESS)
                        .setPaymentToken("tok_visa_4242")
                        .build(),
                OrderConfirmed.newBuilder()
                        .setEnvelope(envelope("OrderConfirmed", CAUSE_ID))
                        .setCustomerId("customer-42")
                        .setCustomerEmail("ada@example.org")
                        .setTotal(TOTAL)
                        .setTrackingNumber("1Z999AA10123456784")
                        .build(),
                OrderCancelled.newBuilder()
                        .setEnvelope(envelope("OrderCancelled", CAUSE_ID))
                        .setCustomerId("customer-42")
                        .setCustomerEmail("ada@example.org")
                        .setReason(CancellationReason.PAYMENT_DECLINED)
                        .setTotal(TOTAL)
                        .build(),
                InventoryReserved.newBuilder()
                        .setEnvelope(envelope("InventoryReserved", CAUSE_ID))
                        .setReservationId("reservation-7")
                        .setLines(STOCK_LINES)
                        .setTotal(TOTAL)
                        .setPaymentToken("tok_visa_4242")
                        .setCustomerEmail("ada@example.org")
                        .setShippingAddress(ADDRESS)
                        .build(),
                InventoryRejected.newBuilder()
                        .setEnvelope(envelope("InventoryRejected", CAUSE_ID))
                        .setReason(InventoryRejectionReason.OUT_OF_STOCK)
                        .setUnavailableSkus(List.of("SKU-2"))
                        .build(),
                InventoryReleased.newBuilder()
                        .setEnvelope(envelope("InventoryReleased", CAUSE_ID))
                        .setReservationId("reservation-7")
                        .setLines(STOCK_LINES)
                        .build(),
                PaymentAuthorized.newBuilder()
                        .setEnvelope(envelope("PaymentAuthorized", CAUSE_ID))
                        .setPaymentId("payment-9")
                        .setAmount(TOTAL)
                        .setCustomerEmail("ada@example.org")
                        .setShippingAddress(ADDRESS)
                        .build(),
                PaymentFailed.newBuilder()
                        .setEnvelope(envelope("PaymentFailed", CAUSE_ID))
                        .setReason(PaymentFailureReason.LIMIT_EXCEEDED)
                        .setAmount(TOTAL)
                        .build(),
                PaymentRefunded.newBuilder()
                        .setEnvelope(envelope("PaymentRefunded", CAUSE_ID))
                        .setPaymentId("payment-9")
                        .setAmount(TOTAL)
                        .build(),
                ShipmentScheduled.newBuilder()
                        .setEnvelope(envelope("ShipmentScheduled", CAUSE_ID))
                        .setShipmentId("shipment-3")
                        .setCarrier("DHL")
                        .setTrackingNumber("JD014600006281234567")
                        .setEstimatedDelivery(LocalDate.of(2026, 11, 28))
                        .setCustomerEmail("ada@example.org")
                        .build(),
                ShipmentFailed.newBuilder()
                        .setEnvelope(envelope("ShipmentFailed", CAUSE_ID))
                        .setReason(ShipmentFailureReason.DESTINATION_NOT_SERVED)
                        .setCountry("AQ")
                        .build());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEvent")
    void roundTripsThroughAvroBinary(SpecificRecordBase event) {
        SpecificRecordBase decoded = roundTrip(event);

        assertThat(decoded).isInstanceOf(event.getClass()).isEqualTo(event);
    }

    @Test
    void coversEveryEventSchema() throws IOException {
        List<String> eventSchemas;
        try (Stream<Path> files = Files.walk(Path.of("src/main/avro"))) {
            eventSchemas = files.filter(file -> file.toString().endsWith(".avsc"))
                    .filter(file -> !file.getParent().getFileName().toString().equals("common"))
                    .map(file -> file.getFileName().toString().replace(".avsc", ""))
                    .toList();
        }

        assertThat(everyEvent().map(event -> event.getClass().getSimpleName()))
                .containsExactlyInAnyOrderElementsOf(eventSchemas);
    }

    @Test
    void keepsMoneyExactToTheCent() {
        PaymentRefunded refund = PaymentRefunded.newBuilder()
                .setEnvelope(envelope("PaymentRefunded", CAUSE_ID))
                .setPaymentId("payment-9")
                .setAmount(money("9999999999999.99"))
                .build();

        BigDecimal amount = roundTrip(refund).getAmount().getAmount();

        assertThat(amount).isEqualTo(new BigDecimal("9999999999999.99"));
        assertThat(amount.scale()).isEqualTo(2);
    }

    @Test
    void padsAnAmountWithFewerDecimalsToTwo() {
        PaymentRefunded refund = PaymentRefunded.newBuilder()
                .setEnvelope(envelope("PaymentRefunded", CAUSE_ID))
                .setPaymentId("payment-9")
                .setAmount(money("19.9"))
                .build();

        assertThat(roundTrip(refund).getAmount().getAmount()).isEqualTo(new BigDecimal("19.90"));
    }

    @Test
    void refusesToRoundAnAmountWithMoreThanTwoDecimals() {
        PaymentRefunded refund = PaymentRefunded.newBuilder()
                .setEnvelope(envelope("PaymentRefunded", CAUSE_ID))
                .setPaymentId("payment-9")
                .setAmount(money("19.999"))
                .build();

        assertThatThrownBy(() -> roundTrip(refund)).isInstanceOf(AvroTypeException.class);
    }

    @Test
    void mapsLogicalTypesToJavaTypes() {
        ShipmentScheduled scheduled = (ShipmentScheduled) everyEvent()
                .filter(ShipmentScheduled.class::isInstance)
                .findFirst()
                .orElseThrow();

        ShipmentScheduled decoded = roundTrip(scheduled);

        assertThat(decoded.getEnvelope().getEventId()).isInstanceOf(UUID.class);
        assertThat(decoded.getEnvelope().getOrderId()).isEqualTo(ORDER_ID);
        assertThat(decoded.getEnvelope().getCausationId()).isEqualTo(CAUSE_ID);
        assertThat(decoded.getEnvelope().getOccurredAt()).isEqualTo(OCCURRED_AT);
        assertThat(decoded.getEstimatedDelivery()).isEqualTo(LocalDate.of(2026, 11, 28));
    }

    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecordBase> T roundTrip(T event) {
        Class<T> type = (Class<T>) event.getClass();
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
            new SpecificDatumWriter<>(type).write(event, encoder);
            encoder.flush();
            return new SpecificDatumReader<>(type)
                    .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EventEnvelope envelope(String eventType, UUID causationId) {
        return EventEnvelope.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes(eventType.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .setEventType(eventType)
                .setSchemaVersion(1)
                .setOccurredAt(OCCURRED_AT)
                .setOrderId(ORDER_ID)
                .setCausationId(causationId)
                .build();
    }

    private static Money money(String amount) {
        return Money.newBuilder()
                .setAmount(new BigDecimal(amount))
                .setCurrency("EUR")
                .build();
    }
}
