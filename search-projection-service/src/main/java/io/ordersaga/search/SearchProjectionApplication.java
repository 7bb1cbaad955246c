package io.ordersaga.search;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The search projection: the CQRS read model of orders, one Elasticsearch document per order built
 * from every saga event, and the query API over it (docs/services/search-projection-service.md,
 * docs/cqrs-read-model.md). It has no database: the shared messaging library's DataSource-backed
 * parts (inbox, outbox, relay) stay off, and Boot's DataSource auto-configuration is excluded in
 * application.yml.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SearchProjectionApplication {

    public static void main(String[] args) {
        SpringApplication.run(SearchProjectionApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
