package io.ordersaga.shipping.shipments;

import java.util.UUID;

/**
 * A paid order asks to be shipped: what the PaymentAuthorized event carries that shipping needs.
 *
 * @param causationId the id of the event that asked, recorded on the events this causes
 * @param country the destination, ISO 3166-1 alpha-2
 * @param customerEmail carried forward to the notification
 */
public record ShipmentRequest(UUID orderId, UUID causationId, String country, String customerEmail) {}
