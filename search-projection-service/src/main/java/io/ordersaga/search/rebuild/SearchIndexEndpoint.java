package io.ordersaga.search.rebuild;

import io.ordersaga.search.index.OrdersIndex;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * The operator's handle on the read model's index, next to health:
 *
 * <ul>
 *   <li>{@code GET /actuator/searchindex}: the index behind the alias and the last rebuild;
 *   <li>{@code POST /actuator/searchindex} with {@code {"operation": "rebuild"}}: starts a rebuild
 *       (docs/cqrs-read-model.md) and answers at once; poll the GET for its progress.
 * </ul>
 */
@Component
@Endpoint(id = "searchindex")
public class SearchIndexEndpoint {

    static final String REBUILD = "rebuild";

    private final OrdersIndex index;
    private final IndexRebuild rebuild;

    SearchIndexEndpoint(OrdersIndex index, IndexRebuild rebuild) {
        this.index = index;
        this.rebuild = rebuild;
    }

    /** What the endpoint shows. */
    public record IndexState(String alias, String index, RebuildStatus rebuild) {}

    @ReadOperation
    public IndexState state() {
        return new IndexState(index.alias(), index.current().orElse(null), rebuild.status());
    }

    @WriteOperation
    public IndexState run(String operation) {
        if (!REBUILD.equals(operation)) {
            throw new InvalidEndpointRequestException(
                    "unknown operation " + operation + "; the operation is \"" + REBUILD + "\"", "unknown operation");
        }
        try {
            RebuildStatus started = rebuild.start();
            return new IndexState(index.alias(), index.current().orElse(null), started);
        } catch (IllegalStateException e) {
            throw new InvalidEndpointRequestException(e.getMessage(), e.getMessage());
        }
    }
}
