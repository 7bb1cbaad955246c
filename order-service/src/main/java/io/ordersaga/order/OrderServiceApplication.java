package io.ordersaga.order;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The order service: owns orders and the saga's state.
 *
 * <p>The domain ({@code orders}, {@code deadline}) publishes through the {@link
 * io.ordersaga.order.orders.OrderEvents} port; the {@code messaging} package implements it with the
 * transactional outbox and feeds the participants' replies back into the domain.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OrderServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderServiceApplication.class, args);
    }

    /**
     * Ticks in microseconds, the precision of PostgreSQL's timestamps: an instant the order keeps in a
     * column ({@code placed_at}) and the same instant in its JSON timeline read back equal.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.of(1, ChronoUnit.MICROS));
    }
}
