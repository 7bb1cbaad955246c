package io.ordersaga.inventory.reservations;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

/** Every order inventory has decided about, by order id. */
public interface Reservations extends Repository<Reservation, UUID> {

    Optional<Reservation> findById(UUID orderId);

    Reservation save(Reservation reservation);
}
