package io.ordersaga.messaging.relay;

import io.micrometer.core.instrument.MeterRegistry;
import io.ordersaga.messaging.MessagingAutoConfiguration;
import io.ordersaga.messaging.MessagingSchema;
import io.ordersaga.messaging.MessagingSettings;
import io.ordersaga.messaging.outbox.OutboxSettings;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The outbox relay of a publishing service ({@code messaging.outbox.aggregate-type} set), unless
 * {@code messaging.relay.enabled=false}: the relay, its topic, its metrics and its health indicator.
 */
@AutoConfiguration(
        after = {
            MessagingAutoConfiguration.class,
            DataSourceAutoConfiguration.class,
            KafkaAutoConfiguration.class,
            MetricsAutoConfiguration.class,
            CompositeMeterRegistryAutoConfiguration.class
        })
@ConditionalOnProperty("messaging.outbox.aggregate-type")
@ConditionalOnBooleanProperty(name = "messaging.relay.enabled", matchIfMissing = true)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties({RelaySettings.class, OutboxSettings.class})
class RelayAutoConfiguration {

    /** The service's own topic; the broker creates no topic by itself, Spring Kafka's KafkaAdmin creates this one. */
    @Bean
    NewTopic outboxTopic(OutboxSettings outbox, RelaySettings settings) {
        return TopicBuilder.name(outbox.topic())
                .partitions(settings.partitions())
                .build();
    }

    @Bean
    RelayMetrics relayMetrics(MeterRegistry registry) {
        return new RelayMetrics(registry);
    }

    /** Created after the library's migration, which creates the publication the slot decodes with. */
    @Bean
    OutboxRelay outboxRelay(
            MessagingSchema schema,
            RelaySettings settings,
            MessagingSettings messaging,
            JdbcConnectionDetails jdbc,
            KafkaProperties kafka,
            RelayMetrics metrics) {
        return new OutboxRelay(
                settings,
                new RelayDatabase(jdbc.getJdbcUrl(), jdbc.getUsername(), jdbc.getPassword()),
                messaging.serviceName(),
                settings.slotName(messaging),
                kafka.buildProducerProperties(),
                metrics);
    }

    @Bean
    OutboxRelayHealthIndicator outboxRelayHealthIndicator(OutboxRelay relay) {
        return new OutboxRelayHealthIndicator(relay);
    }
}
