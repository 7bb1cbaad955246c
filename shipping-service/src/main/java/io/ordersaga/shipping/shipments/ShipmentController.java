package io.ordersaga.shipping.shipments;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/shipments")
class ShipmentController {

    private final ShipmentScheduling scheduling;

    ShipmentController(ShipmentScheduling scheduling) {
        this.scheduling = scheduling;
    }

    /** The order's shipment as a list: empty while shipping has not heard of the order, else one entry. */
    @GetMapping
    List<ShipmentView> ofOrder(@RequestParam UUID orderId) {
        return scheduling.ofOrder(orderId).map(ShipmentView::of).stream().toList();
    }
}
