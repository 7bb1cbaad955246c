package io.ordersaga.shipping.shipments;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shipping's part of the saga. Each operation is guarded by the order's shipment row, whatever order
 * the events arrive in: the inbox stops a redelivered event, the row stops a second request for the
 * same order and a request that arrives after the order was cancelled.
 *
 * <p>Concurrent operations on one order (its PaymentAuthorized and OrderCancelled come from two
 * topics, so two consumers) both try to insert the row: the primary key lets one win, the other
 * fails, is retried by the failure policy, and then finds the row.
 */
@Service
public class ShipmentScheduling {

    private static final Logger log = LoggerFactory.getLogger(ShipmentScheduling.class);

    private final Shipments shipments;
    private final ShipmentEvents events;
    private final ShippingSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;

    ShipmentScheduling(
            Shipments shipments, ShipmentEvents events, ShippingSettings settings, Clock clock, MeterRegistry meters) {
        this.shipments = shipments;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Books a shipment with the destination's carrier, or fails when the destination is not served;
     * does nothing when the order already has a shipment row, in particular the marker of a
     * cancellation that overtook this request.
     */
    @Transactional
    public void schedule(ShipmentRequest request) {
        Optional<Shipment> existing = shipments.findById(request.orderId());
        if (existing.isPresent()) {
            log.info(
                    "Order {} already has a shipment ({}): nothing booked",
                    request.orderId(),
                    existing.get().status());
            return;
        }
        Optional<String> carrier = settings.carrierFor(request.country());
        if (carrier.isEmpty()) {
            Shipment failed = shipments.save(Shipment.failed(request, clock.instant()));
            events.failed(failed, request);
            count(failed);
            return;
        }
        LocalDate estimatedDelivery = LocalDate.now(clock).plusDays(settings.deliveryDays());
        Shipment scheduled =
                shipments.save(Shipment.scheduled(request, carrier.get(), estimatedDelivery, clock.instant()));
        events.scheduled(scheduled, request);
        count(scheduled);
    }

    /**
     * The order was cancelled: stops a booked shipment; remembers the cancellation when no shipment
     * exists yet, so a late request books nothing; otherwise there is nothing to stop.
     */
    @Transactional
    public void cancel(UUID orderId) {
        Optional<Shipment> existing = shipments.findForUpdate(orderId);
        if (existing.isEmpty()) {
            count(shipments.save(Shipment.cancelledBeforeScheduling(orderId, clock.instant())));
            return;
        }
        Shipment shipment = existing.get();
        if (shipment.cancel(clock.instant())) {
            count(shipment);
        }
    }

    @Transactional(readOnly = true)
    public Optional<Shipment> ofOrder(UUID orderId) {
        return shipments.findById(orderId);
    }

    private void count(Shipment shipment) {
        meters.counter("shipments.outcomes", "status", shipment.status().name()).increment();
    }
}
