package io.ordersaga.messaging.outbox;

import io.ordersaga.messaging.EventSerde;
import io.ordersaga.messaging.MessagingAutoConfiguration;
import io.ordersaga.messaging.PeriodicTask;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The outbox writer and the cleanup that empties the table, for services that publish events (those
 * that set {@code messaging.outbox.aggregate-type}).
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, MessagingAutoConfiguration.class})
@ConditionalOnProperty("messaging.outbox.aggregate-type")
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(OutboxSettings.class)
class OutboxAutoConfiguration {

    @Bean
    OutboxWriter outboxWriter(DataSource dataSource, EventSerde serde, OutboxSettings settings) {
        return new OutboxWriter(dataSource, serde, settings);
    }

    @Bean
    OutboxCleanup outboxCleanup(DataSource dataSource) {
        return new OutboxCleanup(dataSource);
    }

    @Bean
    PeriodicTask outboxCleanupTask(OutboxCleanup cleanup, OutboxSettings settings) {
        return new PeriodicTask("outbox-cleanup", settings.cleanupInterval(), cleanup::deleteCommittedEvents);
    }
}
