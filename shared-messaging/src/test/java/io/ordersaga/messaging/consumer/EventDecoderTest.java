package io.ordersaga.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordersaga.events.common.Money;
import io.ordersaga.events.order.OrderPlaced;
import io.ordersaga.messaging.EventSerde;
import io.ordersaga.messaging.testapp.Events;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which decoding failures are the bytes' fault (dead letter) and which the registry's (retry). */
class EventDecoderTest {

    private EventSerde serde;
    private EventDecoder decoder;

    @BeforeEach
    void pointAtARegistryThatIsDown() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        serde = new EventSerde("http://127.0.0.1:" + closedPort + "/apis/registry/v2");
        decoder = new EventDecoder(serde);
    }

    @AfterEach
    void close() {
        serde.close();
    }

    @Test
    void rejectsBytesWithoutTheWireFormatsMagicByteAsUndecodable() {
        assertThatThrownBy(() -> decoder.decode("orders.events", "garbage".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UndecodableEventException.class);
    }

    @Test
    void rejectsATombstoneAsUndecodable() {
        assertThatThrownBy(() -> decoder.decode("orders.events", null)).isInstanceOf(UndecodableEventException.class);
    }

    @Test
    void leavesAnUnreachableRegistryRetryable() {
        byte[] framed = {0, 0, 0, 0, 5, 2, 4, 6};

        assertThatThrownBy(() -> decoder.decode("orders.events", framed))
                .isNotInstanceOf(InvalidEventException.class)
                .satisfies(thrown ->
                        assertThat(EventDecoder.registryUnavailable(thrown)).isTrue());
    }

    @Test
    void acceptsAnEventWithAConsistentEnvelope() {
        OrderPlaced placed = Events.orderPlaced(UUID.randomUUID());

        assertThat(EventDecoder.validEnvelope(placed)).isEqualTo(placed.getEnvelope());
    }

    @Test
    void rejectsAnEventWhoseEnvelopeNamesAnotherType() {
        assertThatThrownBy(() -> EventDecoder.validEnvelope(Events.orderPlaced(UUID.randomUUID(), "OrderShipped")))
                .isExactlyInstanceOf(InvalidEventException.class)
                .hasMessageContaining("OrderShipped");
    }

    @Test
    void rejectsARecordWithoutAnEnvelopeAsAnUnknownEventType() {
        Money money = Events.euros("1.00");

        assertThatThrownBy(() -> EventDecoder.validEnvelope(money)).isInstanceOf(UnknownEventTypeException.class);
    }
}
