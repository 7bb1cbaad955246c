package io.ordersaga.messaging.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.ordersaga.messaging.MessagingAutoConfiguration;
import io.ordersaga.messaging.PeriodicTask;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The idempotent-consumer inbox and its retention (docs/idempotent-consumer.md), in the service's
 * database: none without a DataSource.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, MessagingAutoConfiguration.class})
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(InboxSettings.class)
public class InboxAutoConfiguration {

    @Bean
    Inbox inbox(DataSource dataSource, MeterRegistry meters) {
        return new Inbox(dataSource, meters);
    }

    @Bean
    InboxCleanup inboxCleanup(DataSource dataSource, InboxSettings settings) {
        return new InboxCleanup(dataSource, settings);
    }

    @Bean
    PeriodicTask inboxCleanupTask(InboxCleanup cleanup, InboxSettings settings) {
        return new PeriodicTask("inbox-cleanup", settings.cleanupInterval(), cleanup::deleteExpiredAndLog);
    }
}
