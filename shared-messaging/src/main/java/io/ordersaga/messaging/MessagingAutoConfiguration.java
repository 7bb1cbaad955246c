package io.ordersaga.messaging;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What the outbox, the relay and the consumers share: settings, serde and the library's tables (in a
 * service with a database; a projection without one consumes in batch mode and has none).
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties(MessagingSettings.class)
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnBean(DataSource.class)
    MessagingSchema messagingSchema(DataSource dataSource) {
        return new MessagingSchema(dataSource);
    }

    @Bean(destroyMethod = "close")
    EventSerde eventSerde(MessagingSettings settings) {
        return new EventSerde(settings.schemaRegistryUrl());
    }
}
