package io.ordersaga.messaging.consumer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a Spring bean as the handler of one event type: {@code @EventHandler void
 * on(OrderPlaced event)}. The method takes the generated event class as its only parameter and
 * knows nothing of Kafka.
 *
 * <p>The library delivers each event of that type from the topics in {@code
 * messaging.consumer.topics} once: it runs the method in a transaction together with the inbox
 * record of the event's id, with the event's trace current (docs/idempotent-consumer.md). A
 * runtime exception rolls the transaction back and is retried with backoff; {@link
 * InvalidEventException} sends the event to the dead-letter topic at once
 * (docs/failure-policy.md). One handler per event type per service.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EventHandler {}
