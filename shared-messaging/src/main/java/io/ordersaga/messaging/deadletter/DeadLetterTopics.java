package io.ordersaga.messaging.deadletter;

import java.util.List;

/** The dead-letter topics of a service: one per consumed topic, named {@code <topic>.DLT}. */
final class DeadLetterTopics {

    static final String SUFFIX = ".DLT";

    private final List<String> sourceTopics;

    DeadLetterTopics(List<String> sourceTopics) {
        this.sourceTopics = List.copyOf(sourceTopics);
    }

    static String of(String topic) {
        return topic + SUFFIX;
    }

    /** Every dead-letter topic this service writes, in the order of its consumed topics. */
    List<String> all() {
        return sourceTopics.stream().map(DeadLetterTopics::of).toList();
    }

    boolean isOwned(String deadLetterTopic) {
        return all().contains(deadLetterTopic);
    }
}
