package io.ordersaga.messaging.relay;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The probe placing orders by itself from the moment it is ready ({@code probe.orders.continuous=true}):
 * what a service under load looks like when the process-kill test kills it.
 */
@Component
@ConditionalOnBooleanProperty("probe.orders.continuous")
class ContinuousOrders implements ApplicationListener<ApplicationReadyEvent>, AutoCloseable {

    private final ProbeOrders orders;
    private final Duration period;
    private OrderStream stream;

    ContinuousOrders(ProbeOrders orders, @Value("${probe.orders.period:5ms}") Duration period) {
        this.orders = orders;
        this.period = period;
    }

    @Override
    public synchronized void onApplicationEvent(ApplicationReadyEvent event) {
        stream = OrderStream.start(orders, period);
    }

    @Override
    public synchronized void close() {
        if (stream != null) {
            stream.close();
        }
    }
}
