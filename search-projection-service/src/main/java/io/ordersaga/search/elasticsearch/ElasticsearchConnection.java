package io.ordersaga.search.elasticsearch;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Elasticsearch is, under Boot's own property names ({@code spring.elasticsearch.uris}, which
 * the harness sets): Boot 4's client auto-configuration builds the 9.x client, which an 8.19
 * server rejects, so the service builds the 8.19 client itself from the same properties.
 *
 * @param uris the nodes' HTTP addresses
 * @param connectionTimeout how long connecting may take
 * @param socketTimeout how long one request may wait for its answer
 */
@ConfigurationProperties("spring.elasticsearch")
public record ElasticsearchConnection(
        @DefaultValue("http://localhost:9200") List<URI> uris,
        @DefaultValue("1s") Duration connectionTimeout,
        @DefaultValue("30s") Duration socketTimeout) {

    public ElasticsearchConnection {
        uris = List.copyOf(uris);
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("spring.elasticsearch.uris must name at least one node");
        }
    }
}
