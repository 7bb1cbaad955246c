package io.ordersaga.shipping.shipments;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Shipments extends JpaRepository<Shipment, UUID> {

    /** The order's shipment, locked until the transaction ends: a cancellation never races another change. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Shipment s where s.orderId = :orderId")
    Optional<Shipment> findForUpdate(UUID orderId);
}
