package io.ordersaga.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The versioned indices behind the alias ({@code orders} → {@code orders-v1}), all created from
 * the checked-in mapping, {@code resources/elasticsearch/orders-index.json}. At startup it creates
 * {@code orders-v1} with the alias when there is no alias yet; a rebuild creates the next version
 * and swaps the alias onto it in one request (docs/cqrs-read-model.md).
 */
@Component
public class OrdersIndex implements InitializingBean {

    static final String MAPPING = "/elasticsearch/orders-index.json";
    private static final Logger log = LoggerFactory.getLogger(OrdersIndex.class);

    private final ElasticsearchClient client;
    private final String alias;
    private final Pattern versioned;

    OrdersIndex(ElasticsearchClient client, IndexSettings settings) {
        this.client = client;
        this.alias = settings.alias();
        this.versioned = Pattern.compile(Pattern.quote(alias) + "-v(\\d+)");
    }

    public String alias() {
        return alias;
    }

    @Override
    public void afterPropertiesSet() {
        Optional<String> current = current();
        if (current.isPresent()) {
            int expected = checkedInMappingVersion();
            int actual = mappingVersion(current.get());
            if (actual != expected) {
                log.warn(
                        "{} has mapping version {}, the checked-in mapping is version {}: rebuild the index"
                                + " (docs/cqrs-read-model.md)",
                        current.get(),
                        actual,
                        expected);
            }
            log.info("{} points at {}", alias, current.get());
            return;
        }
        String first = name(1);
        try {
            create(first, true);
            log.info("Created {} behind the alias {}", first, alias);
        } catch (ElasticsearchException e) {
            // Another instance created it at the same moment: it is there, with the alias.
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    /** The index the alias points at, if the alias exists. */
    public Optional<String> current() {
        try {
            if (!client.indices().existsAlias(request -> request.name(alias)).value()) {
                return Optional.empty();
            }
            Set<String> indices = client.indices()
                    .getAlias(request -> request.name(alias))
                    .result()
                    .keySet();
            return indices.stream().findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the alias " + alias, e);
        }
    }

    /** The index the alias points at; the live projector writes there. */
    public String currentOrThrow() {
        return current().orElseThrow(() -> new IllegalStateException("the alias " + alias + " does not exist"));
    }

    /** Creates the next version, {@code <alias>-v<highest + 1>}, empty and without the alias. */
    public String createNext() {
        try {
            int highest = client.indices().get(request -> request.index(alias + "-v*")).result().keySet().stream()
                    .map(versioned::matcher)
                    .filter(Matcher::matches)
                    .map(matcher -> Integer.parseInt(matcher.group(1)))
                    .max(Comparator.naturalOrder())
                    .orElse(0);
            String next = name(highest + 1);
            create(next, false);
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves the alias from one index to the other in one request: queries see either, never neither. */
    public void swap(String from, String to) {
        try {
            client.indices().updateAliases(request -> request.actions(
                            action -> action.remove(remove -> remove.index(from).alias(alias)))
                    .actions(action -> action.add(add -> add.index(to).alias(alias))));
            log.info("{} now points at {} (was {})", alias, to, from);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes everything written to the index so far visible to searches. */
    public void refresh(String index) {
        try {
            client.indices().refresh(request -> request.index(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code _meta.mappingVersion} the index was created with. */
    public int mappingVersion(String index) {
        try {
            var mapping = client.indices()
                    .getMapping(request -> request.index(index))
                    .result()
                    .get(index);
            JsonData version = mapping == null || mapping.mappings().meta() == null
                    ? null
                    : mapping.mappings().meta().get("mappingVersion");
            return version == null ? 0 : version.to(Integer.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int checkedInMappingVersion() {
        try (InputStream json = mapping()) {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            return mapper.readTree(json)
                    .path("mappings")
                    .path("_meta")
                    .path("mappingVersion")
                    .asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void create(String index, boolean withAlias) {
        try (InputStream json = mapping()) {
            client.indices().create(request -> {
                request.index(index).withJson(json);
                if (withAlias) {
                    request.aliases(alias, a -> a);
                }
                return request;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + index, e);
        }
    }

    private InputStream mapping() {
        InputStream json = OrdersIndex.class.getResourceAsStream(MAPPING);
        if (json == null) {
            throw new IllegalStateException(MAPPING + " is missing from the classpath");
        }
        return json;
    }

    private String name(int version) {
        return alias + "-v" + version;
    }
}
