package io.ordersaga.search.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import io.ordersaga.search.index.OrdersIndex;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code projection} in {@code /actuator/health}: DOWN when Elasticsearch does not answer or is red,
 * when the alias is missing, or while live batches are written later than {@code
 * search.projection.healthy-lag} after their events happened (a lagging batch longer ago than that
 * no longer counts: nothing has been waiting since). Details show the alias, its index, and the last
 * batch's lag and newest event.
 */
@Component("projection")
class ProjectionHealthIndicator implements HealthIndicator {

    private final ElasticsearchClient client;
    private final OrdersIndex index;
    private final ProjectionMetrics metrics;
    private final ProjectionSettings settings;

    ProjectionHealthIndicator(
            ElasticsearchClient client, OrdersIndex index, ProjectionMetrics metrics, ProjectionSettings settings) {
        this.client = client;
        this.index = index;
        this.metrics = metrics;
        this.settings = settings;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        try {
            HealthStatus cluster = client.cluster().health().status();
            health.withDetail("cluster", cluster.jsonValue());
            if (cluster == HealthStatus.Red) {
                health.down();
            }
        } catch (Exception e) {
            return Health.down(e).withDetail("elasticsearch", "unreachable").build();
        }
        var current = index.current();
        health.withDetail("alias", index.alias());
        if (current.isEmpty()) {
            health.down().withDetail("index", "the alias does not exist");
        } else {
            health.withDetail("index", current.get());
        }
        metrics.lastLiveBatch().ifPresent(last -> {
            health.withDetail("lastBatchLag", last.lag().toString())
                    .withDetail("lastIndexedEventAt", last.latestEventAt().toString())
                    .withDetail("lastBatchIndexedAt", last.indexedAt().toString());
            // A batch older than that is history: the projection has been idle since, so caught up.
            boolean recent = last.indexedAt().isAfter(java.time.Instant.now().minus(settings.healthyLag()));
            if (recent && last.lag().compareTo(settings.healthyLag()) > 0) {
                health.down()
                        .withDetail(
                                "lagging",
                                "the last batch was indexed more than " + settings.healthyLag() + " after its events");
            }
        });
        return health.build();
    }
}
