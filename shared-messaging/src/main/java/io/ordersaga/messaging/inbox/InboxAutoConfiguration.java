package io.ordersaga.messaging.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.ordersaga.messaging.MessagingAutoConfiguration;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The idempotent-consumer inbox and its retention (docs/idempotent-consumer.md). */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
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
}
