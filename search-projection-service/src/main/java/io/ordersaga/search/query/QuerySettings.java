package io.ordersaga.search.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Paging limits of the query API.
 *
 * @param defaultSize page size when {@code size} is not given
 * @param maxSize largest page size a client may ask for
 * @param maxWindow furthest result ({@code (page + 1) * size}) a client may page to: Elasticsearch's
 *     {@code index.max_result_window}, so a deep page is a 400 rather than a 500
 */
@ConfigurationProperties("search.query")
public record QuerySettings(
        @DefaultValue("20") int defaultSize,
        @DefaultValue("100") int maxSize,
        @DefaultValue("10000") int maxWindow) {

    public QuerySettings {
        if (defaultSize < 1 || defaultSize > maxSize || maxSize > maxWindow) {
            throw new IllegalArgumentException("search.query: need 1 <= default-size (" + defaultSize
                    + ") <= max-size (" + maxSize + ") <= max-window (" + maxWindow + ")");
        }
    }
}
