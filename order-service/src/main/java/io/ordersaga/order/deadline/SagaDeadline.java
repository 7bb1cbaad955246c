package io.ordersaga.order.deadline;

import io.ordersaga.order.orders.OrderManagement;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Cancels orders stuck in flight past their deadline (reason TIMEOUT), so every order ends. Each
 * batch is one transaction that locks its orders with {@code FOR UPDATE SKIP LOCKED}: every instance
 * of the service can run this job, and each overdue order is expired once. The compensations
 * (release, refund) follow from OrderCancelled, as for a customer's cancellation.
 */
@Component
class SagaDeadline implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SagaDeadline.class);

    private final OrderManagement management;
    private final DeadlineSettings settings;
    private final Clock clock;

    SagaDeadline(OrderManagement management, DeadlineSettings settings, Clock clock) {
        this.management = management;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::expireOverdueOrders, settings.checkInterval());
    }

    void expireOverdueOrders() {
        var cutoff = clock.instant().minus(settings.timeout());
        int expired;
        do {
            expired = management.expireOverdue(cutoff, settings.batchSize());
            if (expired > 0) {
                // A warning: an order reaching its deadline means a participant did not answer in time.
                log.warn("cancelled {} orders still in flight past their {} deadline", expired, settings.timeout());
            }
        } while (expired == settings.batchSize());
    }
}
