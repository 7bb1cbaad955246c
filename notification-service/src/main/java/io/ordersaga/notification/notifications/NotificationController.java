package io.ordersaga.notification.notifications;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/notifications")
class NotificationController {

    private final NotificationLog log;

    NotificationController(NotificationLog log) {
        this.log = log;
    }

    /** The order's notifications, oldest first: at most one per kind; empty if none is owed yet. */
    @GetMapping
    List<NotificationView> ofOrder(@RequestParam UUID orderId) {
        return log.ofOrder(orderId).stream().map(NotificationView::of).toList();
    }
}
