package io.ordersaga.search.query;

import io.ordersaga.search.projection.OrderDocument;
import java.time.Instant;
import java.util.List;

/**
 * One page of {@code GET /search/orders}.
 *
 * @param orders the orders of the page
 * @param page the zero-based page
 * @param size the page size asked for
 * @param totalHits every order the query matches
 * @param indexedUpTo when the newest event the read model holds happened: the results are as of
 *     then (docs/cqrs-read-model.md, "How lag is shown"); null while the index is empty
 */
public record OrderPage(List<OrderDocument> orders, int page, int size, long totalHits, Instant indexedUpTo) {}
