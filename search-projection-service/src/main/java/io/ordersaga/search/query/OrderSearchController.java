package io.ordersaga.search.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The read side's API: search and count orders in the read model (eventually consistent). */
@RestController
@RequestMapping("/search/orders")
class OrderSearchController {

    private final OrderSearch search;
    private final QuerySettings limits;

    OrderSearchController(OrderSearch search, QuerySettings limits) {
        this.search = search;
        this.limits = limits;
    }

    @GetMapping
    @Operation(summary = "Search orders: full text, filters, sort and paging")
    OrderPage search(
            @Parameter(description = "full text over customer id, e-mail, SKUs, tracking number")
                    @RequestParam(required = false)
                    String q,
            @Parameter(description = "PLACED, CONFIRMED or CANCELLED") @RequestParam(required = false) String status,
            @RequestParam(required = false) String customerId,
            @Parameter(description = "placed at or after: ISO-8601 date-time or date") @RequestParam(required = false)
                    String from,
            @Parameter(description = "placed before: ISO-8601 date-time or date") @RequestParam(required = false)
                    String to,
            @RequestParam(required = false) String minTotal,
            @RequestParam(required = false) String maxTotal,
            @Parameter(description = "placedAt, total, status, customerId or lastEventAt; then ,asc or ,desc")
                    @RequestParam(required = false)
                    String sort,
            @Parameter(description = "zero-based page") @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        return search.search(OrderQuery.parse(
                new OrderQuery.Parameters(q, status, customerId, from, to, minTotal, maxTotal, sort, page, size),
                limits));
    }

    @GetMapping("/stats")
    @Operation(summary = "Count the matching orders by status, by cancellation reason and per minute")
    OrderStats stats(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String customerId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String minTotal,
            @RequestParam(required = false) String maxTotal) {
        return search.stats(OrderQuery.parse(
                new OrderQuery.Parameters(q, status, customerId, from, to, minTotal, maxTotal, null, null, null),
                limits));
    }
}
