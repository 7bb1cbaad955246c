package io.ordersaga.search.rebuild;

import io.ordersaga.messaging.consumer.BatchConsumer;
import io.ordersaga.messaging.consumer.BatchConsumers;
import io.ordersaga.messaging.consumer.Positions;
import io.ordersaga.search.index.OrdersIndex;
import io.ordersaga.search.projection.OrderDocuments;
import io.ordersaga.search.projection.OrderProjector;
import io.ordersaga.search.projection.ProjectionMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the read model without downtime (docs/cqrs-read-model.md, "Rebuild"): a new index from
 * the checked-in mapping, filled by a consumer group of its own replaying every topic from the
 * start, the alias swapped onto it in one request once it has caught up, and the replay kept
 * running until it has also applied everything published before the swap. That last step closes
 * the race with the live projector, which may have written its last pre-swap batch to the old
 * index: every event of such a batch was published before the swap, so the replay brings it into
 * the new index too; the merge makes the double write harmless.
 */
@Component
public class IndexRebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IndexRebuild.class);

    private final OrdersIndex index;
    private final BatchConsumers consumers;
    private final OrderDocuments documents;
    private final ProjectionMetrics metrics;
    private final RebuildSettings settings;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("search-index-rebuild").daemon(true).factory());
    private volatile RebuildStatus status = RebuildStatus.IDLE;

    IndexRebuild(
            OrdersIndex index,
            BatchConsumers consumers,
            OrderDocuments documents,
            ProjectionMetrics metrics,
            RebuildSettings settings,
            Clock clock) {
        this.index = index;
        this.consumers = consumers;
        this.documents = documents;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
    }

    public RebuildStatus status() {
        return status;
    }

    /**
     * Starts a rebuild in the background and returns at once.
     *
     * @throws IllegalStateException when one is running already
     */
    public synchronized RebuildStatus start() {
        if (status.running()) {
            throw new IllegalStateException("a rebuild into " + status.to() + " is running already");
        }
        String from = index.currentOrThrow();
        String to = index.createNext();
        String group = "search-rebuild-" + to;
        BatchConsumer consumer = consumers.create(group, OrderProjector.rebuilding(to, documents, metrics));
        status = new RebuildStatus(RebuildStatus.State.REPLAYING, from, to, group, clock.instant(), null, null);
        log.info("Rebuilding {} into {} with consumer group {}", from, to, group);
        worker.execute(() -> run(consumer, from, to));
        return status;
    }

    private void run(BatchConsumer consumer, String from, String to) {
        consumer.start();
        try {
            catchUp(consumer);
            // A second, short catch-up: what was published during the first one, so the new index
            // is nearly as fresh as the old when queries move to it.
            catchUp(consumer);
            index.refresh(to);
            index.swap(from, to);
            transition(RebuildStatus.State.SWAPPED, null);
            catchUp(consumer);
            index.refresh(to);
            transition(RebuildStatus.State.COMPLETED, null);
            log.info("Rebuild into {} completed; {} is kept until an operator deletes it", to, from);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            transition(RebuildStatus.State.FAILED, "interrupted");
        } catch (RuntimeException | TimeoutException e) {
            log.error("Rebuild into {} failed", to, e);
            transition(RebuildStatus.State.FAILED, e.toString());
        } finally {
            consumer.stop();
        }
    }

    /** Waits until the rebuild's group has applied everything published when the wait began. */
    private void catchUp(BatchConsumer consumer) throws InterruptedException, TimeoutException {
        Positions target = consumer.endOffsets();
        Instant deadline = clock.instant().plus(settings.timeout());
        while (!consumer.hasReached(target)) {
            if (clock.instant().isAfter(deadline)) {
                throw new TimeoutException("the rebuild did not reach " + target + " within " + settings.timeout());
            }
            Thread.sleep(settings.pollInterval());
        }
    }

    private synchronized void transition(RebuildStatus.State next, String error) {
        status = status.moveTo(next, clock.instant(), error);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
