package io.ordersaga.messaging.testapp;

import io.ordersaga.messaging.testing.ConsumedTopics;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/**
 * The smallest service that uses the library's consumer side: a handler bean ({@link OrderLedger})
 * writing to its own table (db/migration), and nothing else. It also declares the topics it
 * consumes ({@link ConsumedTopics}), which in the real system their publisher does.
 */
@SpringBootApplication
@PropertySource("classpath:consumer-test-application.properties")
@Import(ConsumedTopics.class)
public class ConsumerTestApplication {}
