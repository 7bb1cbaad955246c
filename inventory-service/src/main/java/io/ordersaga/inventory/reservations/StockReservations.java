package io.ordersaga.inventory.reservations;

import io.ordersaga.inventory.products.ProductStock;
import io.ordersaga.inventory.products.StockLevel;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves stock for orders, releases it when they are cancelled and turns it into a stock
 * decrement when they are confirmed.
 *
 * <p>Every method is guarded by the order's {@link Reservation}: whatever the order of deliveries,
 * stock is reserved at most once per order and released or committed at most once. Every stock
 * change happens on product rows locked in SKU order ({@link ProductStock#lock}), so concurrent
 * orders never oversell and never deadlock; the change is decided on their {@link StockLevel}s, and
 * the new levels are written back with one statement per order.
 *
 * <p>The methods join the caller's transaction: the event handler's, which also holds the inbox
 * record and the outbox event announcing the outcome.
 */
@Service
public class StockReservations {

    private static final Logger log = LoggerFactory.getLogger(StockReservations.class);

    private final ProductStock stock;
    private final Reservations reservations;
    private final Clock clock;

    StockReservations(ProductStock stock, Reservations reservations, Clock clock) {
        this.stock = stock;
        this.reservations = reservations;
        this.clock = clock;
    }

    /**
     * Reserves every line of the order, or none. Lines of the same SKU are added up. An order
     * inventory has already decided about (reserved, rejected, or cancelled first) is left alone.
     */
    @Transactional
    public ReservationOutcome reserve(UUID orderId, List<ReservationLine> requested) {
        Optional<Reservation> existing = reservations.findById(orderId);
        if (existing.isPresent()) {
            return new ReservationOutcome.AlreadyDecided(existing.get().status());
        }
        List<ReservationLine> lines = merged(requested);
        Map<String, StockLevel> locked =
                stock.lock(skus(lines)).stream().collect(Collectors.toMap(StockLevel::sku, Function.identity()));

        List<String> unknown = lines.stream()
                .map(ReservationLine::sku)
                .filter(sku -> !locked.containsKey(sku))
                .toList();
        if (!unknown.isEmpty()) {
            return reject(orderId, lines, RejectionReason.UNKNOWN_SKU, unknown);
        }
        List<String> lacking = lines.stream()
                .filter(line -> locked.get(line.sku()).available() < line.quantity())
                .map(ReservationLine::sku)
                .toList();
        if (!lacking.isEmpty()) {
            return reject(orderId, lines, RejectionReason.OUT_OF_STOCK, lacking);
        }
        stock.save(lines.stream()
                .map(line -> locked.get(line.sku()).reserve(line.quantity()))
                .toList());
        return new ReservationOutcome.Reserved(
                reservations.save(Reservation.reserved(orderId, lines, clock.instant())));
    }

    /**
     * Gives the order's reserved units back to stock. Returns the released reservation, or empty
     * when there was nothing to release: already released or committed, rejected, or not reserved
     * yet. In the last case a marker is left, so an OrderPlaced arriving later reserves nothing.
     */
    @Transactional
    public Optional<Reservation> release(UUID orderId) {
        Optional<Reservation> existing = reservations.findById(orderId);
        if (existing.isEmpty()) {
            reservations.save(Reservation.cancelledBeforeReserve(orderId, clock.instant()));
            return Optional.empty();
        }
        Reservation reservation = existing.get();
        if (reservation.status() != ReservationStatus.RESERVED) {
            return Optional.empty();
        }
        changeLockedStock(reservation, StockLevel::release);
        reservation.moveTo(ReservationStatus.RELEASED, clock.instant());
        return Optional.of(reservation);
    }

    /**
     * The order is confirmed: its reserved units leave the warehouse, so they come off both the
     * reserved and the on-hand stock. Returns whether anything changed.
     */
    @Transactional
    public boolean commit(UUID orderId) {
        Optional<Reservation> existing = reservations.findById(orderId);
        if (existing.isEmpty() || existing.get().status() != ReservationStatus.RESERVED) {
            // The order service confirms only after InventoryReserved, and both its events travel
            // on one partition: this is a duplicate confirmation or a contract breach, not a race.
            log.warn(
                    "order {} confirmed, but its reservation is {}: stock left unchanged",
                    orderId,
                    existing.map(r -> r.status().name()).orElse("missing"));
            return false;
        }
        Reservation reservation = existing.get();
        changeLockedStock(reservation, StockLevel::commit);
        reservation.moveTo(ReservationStatus.COMMITTED, clock.instant());
        return true;
    }

    private ReservationOutcome reject(
            UUID orderId, List<ReservationLine> lines, RejectionReason reason, List<String> unavailableSkus) {
        reservations.save(Reservation.rejected(orderId, lines, clock.instant()));
        return new ReservationOutcome.Rejected(reason, unavailableSkus);
    }

    /** Locks the reservation's products, changes each by its line's quantity and writes the new levels. */
    private void changeLockedStock(Reservation reservation, BiFunction<StockLevel, Integer, StockLevel> change) {
        Map<String, Integer> quantities =
                reservation.lines().stream().collect(Collectors.toMap(ReservationLine::sku, ReservationLine::quantity));
        stock.save(stock.lock(quantities.keySet()).stream()
                .map(level -> change.apply(level, quantities.get(level.sku())))
                .toList());
    }

    private static List<String> skus(List<ReservationLine> lines) {
        return lines.stream().map(ReservationLine::sku).toList();
    }

    /** One line per SKU, in SKU order, quantities of repeated SKUs added up. */
    private static List<ReservationLine> merged(List<ReservationLine> requested) {
        var bySku = new TreeMap<String, Integer>();
        requested.forEach(line -> bySku.merge(line.sku(), line.quantity(), Math::addExact));
        return bySku.entrySet().stream()
                .map(entry -> new ReservationLine(entry.getKey(), entry.getValue()))
                .toList();
    }
}
