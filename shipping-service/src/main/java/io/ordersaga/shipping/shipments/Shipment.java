package io.ordersaga.shipping.shipments;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.data.domain.Persistable;

/**
 * The one shipment of an order, keyed by the order id: a second request for the same order finds it
 * and does nothing, so an order is shipped at most once whatever is redelivered.
 */
@Entity
@Table(name = "shipments")
public class Shipment implements Persistable<UUID> {

    @Id
    private UUID orderId;

    private String shipmentId;

    private String carrier;

    private String trackingNumber;

    private LocalDate estimatedDelivery;

    private String country;

    @Enumerated(EnumType.STRING)
    private ShipmentStatus status;

    private Instant createdAt;

    private Instant updatedAt;

    // Ids are assigned, not generated: without this, save() would merge (select, then insert).
    @Transient
    private boolean isNew = true;

    protected Shipment() {}

    private Shipment(
            UUID orderId,
            String shipmentId,
            String carrier,
            String trackingNumber,
            LocalDate estimatedDelivery,
            String country,
            ShipmentStatus status,
            Instant now) {
        this.orderId = orderId;
        this.shipmentId = shipmentId;
        this.carrier = carrier;
        this.trackingNumber = trackingNumber;
        this.estimatedDelivery = estimatedDelivery;
        this.country = country;
        this.status = status;
        this.createdAt = now;
        this.updatedAt = now;
    }

    static Shipment scheduled(ShipmentRequest request, String carrier, LocalDate estimatedDelivery, Instant now) {
        return new Shipment(
                request.orderId(),
                "shp_" + UUID.randomUUID().toString().replace("-", ""),
                carrier,
                newTrackingNumber(),
                estimatedDelivery,
                request.country(),
                ShipmentStatus.SCHEDULED,
                now);
    }

    static Shipment failed(ShipmentRequest request, Instant now) {
        return new Shipment(request.orderId(), null, null, null, null, request.country(), ShipmentStatus.FAILED, now);
    }

    static Shipment cancelledBeforeScheduling(UUID orderId, Instant now) {
        return new Shipment(orderId, null, null, null, null, null, ShipmentStatus.CANCELLED_BEFORE_SCHEDULING, now);
    }

    /** Stops a booked shipment; returns whether it did (only a scheduled shipment can be cancelled). */
    boolean cancel(Instant now) {
        if (status != ShipmentStatus.SCHEDULED) {
            return false;
        }
        status = ShipmentStatus.CANCELLED;
        updatedAt = now;
        return true;
    }

    // 64 random bits: unique in practice, and the database's unique constraint makes it certain
    // (a collision fails the transaction, which the failure policy retries with a new number).
    private static String newTrackingNumber() {
        return "TRK"
                + HexFormat.of()
                        .withUpperCase()
                        .toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    public UUID orderId() {
        return orderId;
    }

    public Optional<String> shipmentId() {
        return Optional.ofNullable(shipmentId);
    }

    public Optional<String> carrier() {
        return Optional.ofNullable(carrier);
    }

    public Optional<String> trackingNumber() {
        return Optional.ofNullable(trackingNumber);
    }

    public Optional<LocalDate> estimatedDelivery() {
        return Optional.ofNullable(estimatedDelivery);
    }

    /** The requested destination; absent for the cancellation marker, which never saw a request. */
    public Optional<String> country() {
        return Optional.ofNullable(country);
    }

    public ShipmentStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public UUID getId() {
        return orderId;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        isNew = false;
    }
}
