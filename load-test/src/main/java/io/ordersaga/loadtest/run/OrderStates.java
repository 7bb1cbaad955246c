package io.ordersaga.loadtest.run;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Reads where orders are now: from the order service's database, or from its REST API. */
public interface OrderStates {

    /** The orders among {@code ids} that the order service knows. */
    Map<UUID, OrderEnd> find(Collection<UUID> ids);
}
