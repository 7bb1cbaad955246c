package io.ordersaga.systemtest;

import java.util.Map;
import java.util.UUID;

/** The search read model as invariant 5 sees it: each indexed order's status. */
@FunctionalInterface
public interface OrderIndex {

    /** Every order document's status, by order id. */
    Map<UUID, String> statuses();
}
