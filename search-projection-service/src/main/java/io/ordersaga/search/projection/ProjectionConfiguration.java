package io.ordersaga.search.projection;

import io.ordersaga.search.index.OrdersIndex;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The live projector: the service's batch consumer (shared-messaging's batch mode). */
@Configuration(proxyBeanMethods = false)
class ProjectionConfiguration {

    @Bean
    OrderProjector liveOrderProjector(OrdersIndex index, OrderDocuments documents, ProjectionMetrics metrics) {
        return OrderProjector.live(index::currentOrThrow, documents, metrics);
    }
}
