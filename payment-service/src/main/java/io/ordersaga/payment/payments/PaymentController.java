package io.ordersaga.payment.payments;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/payments")
class PaymentController {

    private final PaymentProcessing processing;

    PaymentController(PaymentProcessing processing) {
        this.processing = processing;
    }

    /** The order's payment as a list: empty while payment has not heard of the order, else one entry. */
    @GetMapping
    List<PaymentView> ofOrder(@RequestParam UUID orderId) {
        return processing.ofOrder(orderId).map(PaymentView::of).stream().toList();
    }
}
