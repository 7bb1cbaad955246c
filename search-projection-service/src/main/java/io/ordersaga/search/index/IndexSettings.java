package io.ordersaga.search.index;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The read model's index.
 *
 * @param alias the name queries use; it points at exactly one versioned index, {@code <alias>-v<n>}
 */
@ConfigurationProperties("search.index")
public record IndexSettings(@DefaultValue("orders") String alias) {

    public IndexSettings {
        if (alias == null || !alias.matches("[a-z][a-z0-9_-]*")) {
            throw new IllegalArgumentException("search.index.alias must be a lower-case index name, was " + alias);
        }
    }
}
