package io.ordersaga.messaging.deadletter;

import java.util.List;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The operator's tool for dead letters, on the management port next to health:
 *
 * <ul>
 *   <li>{@code GET /actuator/deadletters} lists every record in the service's dead-letter topics
 *       with why it failed and where it came from;
 *   <li>{@code POST /actuator/deadletters} with {@code {"dltTopic": ..., "partition": ...,
 *       "offset": ...}} publishes that record again to its original topic.
 * </ul>
 *
 * <p>Redriving writes to the service's input topics, which every service consuming them reads
 * again: expose it only where operators are authenticated (docs/failure-policy.md).
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

    private final DeadLetters deadLetters;

    DeadLettersEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @ReadOperation
    public List<DeadLetter> deadLetters() {
        return deadLetters.list();
    }

    @WriteOperation
    public Redriven redrive(String dltTopic, int partition, long offset) {
        try {
            var deadLetter = deadLetters
                    .find(dltTopic, partition, offset)
                    .orElseThrow(() -> new InvalidEndpointRequestException(
                            "no dead letter at " + dltTopic + "-" + partition + "@" + offset, "no such dead letter"));
            return deadLetters.redrive(deadLetter);
        } catch (IllegalArgumentException e) {
            throw new InvalidEndpointRequestException(e.getMessage(), e.getMessage());
        }
    }
}
