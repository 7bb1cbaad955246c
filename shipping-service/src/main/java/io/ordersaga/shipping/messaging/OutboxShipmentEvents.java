package io.ordersaga.shipping.messaging;

import io.ordersaga.events.shipping.ShipmentFailed;
import io.ordersaga.events.shipping.ShipmentFailureReason;
import io.ordersaga.events.shipping.ShipmentScheduled;
import io.ordersaga.messaging.outbox.EventEnvelopes;
import io.ordersaga.messaging.outbox.OutboxWriter;
import io.ordersaga.shipping.shipments.Shipment;
import io.ordersaga.shipping.shipments.ShipmentEvents;
import io.ordersaga.shipping.shipments.ShipmentRequest;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Shipping's events as Avro records, appended to the outbox in the caller's transaction. */
@Component
class OutboxShipmentEvents implements ShipmentEvents {

    private final OutboxWriter outbox;
    private final Clock clock;

    OutboxShipmentEvents(OutboxWriter outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void scheduled(Shipment shipment, ShipmentRequest request) {
        outbox.append(ShipmentScheduled.newBuilder()
                .setEnvelope(EventEnvelopes.of(
                        ShipmentScheduled.class, shipment.orderId(), clock.instant(), request.causationId()))
                .setShipmentId(shipment.shipmentId().orElseThrow())
                .setCarrier(shipment.carrier().orElseThrow())
                .setTrackingNumber(shipment.trackingNumber().orElseThrow())
                .setEstimatedDelivery(shipment.estimatedDelivery().orElseThrow())
                .setCustomerEmail(request.customerEmail())
                .build());
    }

    @Override
    public void failed(Shipment shipment, ShipmentRequest request) {
        outbox.append(ShipmentFailed.newBuilder()
                .setEnvelope(EventEnvelopes.of(
                        ShipmentFailed.class, shipment.orderId(), clock.instant(), request.causationId()))
                .setReason(ShipmentFailureReason.DESTINATION_NOT_SERVED)
                .setCountry(request.country())
                .build());
    }
}
