package io.ordersaga.search.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Writes facts into order documents, in bulk, without server-side scripts: read the current
 * documents (one multi-get), merge in Java ({@link OrderDocument#with}), write back (one bulk
 * request) on the condition that nobody wrote in between ({@code if_seq_no}/{@code
 * if_primary_term}; {@code op_type=create} for a new document). A document another writer changed
 * first answers 409, and the next round reads and merges again; the merge being order-independent,
 * it does not matter who wins.
 */
@Component
public class OrderDocuments {

    private final ElasticsearchClient client;
    private final ProjectionSettings settings;

    OrderDocuments(ElasticsearchClient client, ProjectionSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** Current version of a stored document: what a conditional write must still find. */
    private record Stored(OrderDocument document, long seqNo, long primaryTerm) {}

    /** Adds the facts to their orders' documents in {@code index}. */
    public void apply(String index, List<OrderFact> facts) {
        Map<UUID, List<OrderFact>> pending =
                facts.stream().collect(Collectors.groupingBy(OrderFact::orderId, HashMap::new, Collectors.toList()));
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > settings.maxWriteAttempts()) {
                throw new IllegalStateException("documents of " + pending.keySet() + " in " + index
                        + " kept changing under " + settings.maxWriteAttempts() + " write attempts");
            }
            pending = writeOnce(index, pending);
        }
    }

    /** One read-merge-write round; returns the orders whose write lost to another writer. */
    private Map<UUID, List<OrderFact>> writeOnce(String index, Map<UUID, List<OrderFact>> facts) {
        try {
            Map<UUID, Stored> stored = read(index, facts.keySet());
            var operations = new ArrayList<BulkOperation>();
            var written = new ArrayList<UUID>();
            facts.forEach((orderId, orderFacts) -> {
                Stored current = stored.get(orderId);
                OrderDocument before = current == null ? OrderDocument.empty(orderId) : current.document();
                OrderDocument after = before.withAll(orderFacts);
                if (current != null && after.equals(before)) {
                    return; // a redelivery: the document holds these facts already
                }
                String id = orderId.toString();
                operations.add(
                        current == null
                                ? BulkOperation.of(op -> op.create(
                                        create -> create.index(index).id(id).document(after)))
                                : BulkOperation.of(op -> op.index(write -> write.index(index)
                                        .id(id)
                                        .document(after)
                                        .ifSeqNo(current.seqNo())
                                        .ifPrimaryTerm(current.primaryTerm()))));
                written.add(orderId);
            });
            if (operations.isEmpty()) {
                return Map.of();
            }
            BulkResponse response = client.bulk(bulk -> bulk.operations(operations));
            var conflicted = new HashMap<UUID, List<OrderFact>>();
            var failures = new ArrayList<String>();
            for (int i = 0; i < response.items().size(); i++) {
                BulkResponseItem item = response.items().get(i);
                if (item.error() == null) {
                    continue;
                }
                if (item.status() == 409) {
                    UUID orderId = written.get(i);
                    conflicted.put(orderId, facts.get(orderId));
                } else {
                    failures.add(item.id() + ": " + item.error().type() + " "
                            + item.error().reason());
                }
            }
            if (!failures.isEmpty()) {
                throw new IllegalStateException("bulk write to " + index + " failed for " + failures);
            }
            return conflicted;
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch unreachable writing to " + index, e);
        }
    }

    private Map<UUID, Stored> read(String index, java.util.Set<UUID> orderIds) throws IOException {
        var response = client.mget(
                get -> get.index(index)
                        .ids(orderIds.stream().map(UUID::toString).toList()),
                OrderDocument.class);
        var stored = new HashMap<UUID, Stored>();
        for (MultiGetResponseItem<OrderDocument> item : response.docs()) {
            if (item.isFailure()) {
                throw new IllegalStateException("cannot read " + item.failure().id() + " from " + index + ": "
                        + item.failure().error().reason());
            }
            var result = item.result();
            if (result.found() && result.source() != null) {
                stored.put(
                        UUID.fromString(result.id()),
                        new Stored(result.source(), result.seqNo(), result.primaryTerm()));
            }
        }
        return stored;
    }
}
