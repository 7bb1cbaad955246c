package io.ordersaga.shipping.shipments;

/**
 * The port through which shipping announces its outcomes. The adapter writes them to the outbox in
 * the caller's transaction, so an event is published if and only if the shipment's change commits.
 * A cancelled shipment announces nothing: SPEC.md has no event for it, and no one waits for one.
 */
public interface ShipmentEvents {

    void scheduled(Shipment shipment, ShipmentRequest request);

    void failed(Shipment shipment, ShipmentRequest request);
}
