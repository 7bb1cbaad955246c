package io.ordersaga.search.rebuild;

import java.time.Instant;

/**
 * Where the last rebuild is, as the {@code searchindex} endpoint shows it.
 *
 * @param state IDLE (none ran), REPLAYING, SWAPPED (alias moved, draining what the live projector
 *     may have written to the old index), COMPLETED, FAILED
 * @param from the index the alias pointed at when the rebuild started
 * @param to the index being built
 * @param consumerGroup the rebuild's own consumer group
 * @param startedAt when it started
 * @param finishedAt when it completed or failed
 * @param error why it failed
 */
public record RebuildStatus(
        State state,
        String from,
        String to,
        String consumerGroup,
        Instant startedAt,
        Instant finishedAt,
        String error) {

    public enum State {
        IDLE,
        REPLAYING,
        SWAPPED,
        COMPLETED,
        FAILED
    }

    static final RebuildStatus IDLE = new RebuildStatus(State.IDLE, null, null, null, null, null, null);

    boolean running() {
        return state == State.REPLAYING || state == State.SWAPPED;
    }

    RebuildStatus moveTo(State next, Instant at, String error) {
        Instant finished = next == State.COMPLETED || next == State.FAILED ? at : null;
        return new RebuildStatus(next, from, to, consumerGroup, startedAt, finished, error);
    }
}
