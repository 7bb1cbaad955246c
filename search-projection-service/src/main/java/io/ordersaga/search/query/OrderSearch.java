package io.ordersaga.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.ordersaga.search.index.OrdersIndex;
import io.ordersaga.search.projection.OrderDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Runs {@link OrderQuery}s against the alias: searches and aggregations. */
@Component
class OrderSearch {

    /** Full text: exact on the keyword fields, by word on their standard-analyzed subfields. */
    static final List<String> TEXT_FIELDS = List.of(
            "orderId",
            "customerId",
            "customerId.text",
            "customerEmail",
            "customerEmail.text",
            "lines.sku",
            "lines.sku.text",
            "shipment.trackingNumber",
            "shipment.trackingNumber.text");

    private static final String INDEXED_UP_TO = "indexedUpTo";
    private static final String LATEST = "latest";
    private static final String BY_STATUS = "byStatus";
    private static final String BY_REASON = "byReason";
    private static final String PER_MINUTE = "perMinute";
    private static final int MAX_BUCKETS = 50;

    private final ElasticsearchClient client;
    private final OrdersIndex index;

    OrderSearch(ElasticsearchClient client, OrdersIndex index) {
        this.client = client;
        this.index = index;
    }

    OrderPage search(OrderQuery query) {
        try {
            SearchResponse<OrderDocument> response = client.search(
                    search -> search.index(index.alias())
                            .query(filters(query))
                            .from(query.page() * query.size())
                            .size(query.size())
                            .trackTotalHits(total -> total.enabled(true))
                            .sort(sort -> sort.field(field -> field.field(query.sort())
                                    .order(query.descending() ? SortOrder.Desc : SortOrder.Asc)
                                    .missing(query.descending() ? "_last" : "_first")))
                            .sort(sort ->
                                    sort.field(field -> field.field("orderId").order(SortOrder.Asc)))
                            .aggregations(INDEXED_UP_TO, indexedUpTo()),
                    OrderDocument.class);
            List<OrderDocument> orders =
                    response.hits().hits().stream().map(Hit::source).toList();
            long total = response.hits().total() == null
                    ? orders.size()
                    : response.hits().total().value();
            return new OrderPage(orders, query.page(), query.size(), total, indexedUpTo(response));
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch unreachable", e);
        }
    }

    OrderStats stats(OrderQuery query) {
        try {
            SearchResponse<Void> response = client.search(
                    search -> search.index(index.alias())
                            .query(filters(query))
                            .size(0)
                            .trackTotalHits(total -> total.enabled(true))
                            .aggregations(
                                    BY_STATUS,
                                    agg -> agg.terms(
                                            terms -> terms.field("status").size(MAX_BUCKETS)))
                            .aggregations(
                                    BY_REASON,
                                    agg -> agg.terms(
                                            terms -> terms.field("reason").size(MAX_BUCKETS)))
                            .aggregations(
                                    PER_MINUTE,
                                    agg -> agg.dateHistogram(histogram -> histogram
                                            .field("placedAt")
                                            .calendarInterval(CalendarInterval.Minute)
                                            .minDocCount(1)))
                            .aggregations(INDEXED_UP_TO, indexedUpTo()),
                    Void.class);
            var aggregations = response.aggregations();
            List<OrderStats.MinuteCount> perMinute =
                    aggregations.get(PER_MINUTE).dateHistogram().buckets().array().stream()
                            .map(bucket ->
                                    new OrderStats.MinuteCount(Instant.ofEpochMilli(bucket.key()), bucket.docCount()))
                            .toList();
            long total = response.hits().total() == null
                    ? 0
                    : response.hits().total().value();
            return new OrderStats(
                    total,
                    counts(aggregations.get(BY_STATUS)),
                    counts(aggregations.get(BY_REASON)),
                    perMinute,
                    indexedUpTo(response));
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch unreachable", e);
        }
    }

    private static Query filters(OrderQuery query) {
        var bool = new BoolQuery.Builder();
        if (query.text() != null) {
            bool.must(must -> must.multiMatch(
                    match -> match.query(query.text()).fields(TEXT_FIELDS).operator(Operator.And)));
        }
        if (query.status() != null) {
            bool.filter(filter -> filter.term(
                    term -> term.field("status").value(query.status().name())));
        }
        if (query.customerId() != null) {
            bool.filter(
                    filter -> filter.term(term -> term.field("customerId").value(FieldValue.of(query.customerId()))));
        }
        if (query.from() != null || query.to() != null) {
            bool.filter(filter -> filter.range(range -> range.date(date -> {
                date.field("placedAt");
                if (query.from() != null) {
                    date.gte(query.from().toString());
                }
                if (query.to() != null) {
                    date.lt(query.to().toString());
                }
                return date;
            })));
        }
        if (query.minTotal() != null || query.maxTotal() != null) {
            bool.filter(filter -> filter.range(range -> range.number(number -> {
                number.field("total");
                if (query.minTotal() != null) {
                    number.gte(query.minTotal().doubleValue());
                }
                if (query.maxTotal() != null) {
                    number.lte(query.maxTotal().doubleValue());
                }
                return number;
            })));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    /** The newest event in the whole index, whatever the query matches. */
    private static Aggregation indexedUpTo() {
        return Aggregation.of(agg -> agg.global(global -> global)
                .aggregations(LATEST, latest -> latest.max(max -> max.field("lastEventAt"))));
    }

    private static Instant indexedUpTo(SearchResponse<?> response) {
        Aggregate global = response.aggregations().get(INDEXED_UP_TO);
        if (global == null) {
            return null;
        }
        double latest = global.global().aggregations().get(LATEST).max().value();
        return Double.isFinite(latest) && latest > 0 ? Instant.ofEpochMilli((long) latest) : null;
    }

    private static Map<String, Long> counts(Aggregate terms) {
        var counts = new LinkedHashMap<String, Long>();
        terms.sterms()
                .buckets()
                .array()
                .forEach(bucket -> counts.put(bucket.key().stringValue(), bucket.docCount()));
        return counts;
    }
}
