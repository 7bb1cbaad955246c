package io.ordersaga.infra.harness.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the harness's real servers. Declare the servers a test needs as
 * parameters ({@code PostgresServer}, {@code KafkaServer}, {@code SchemaRegistryServer},
 * {@code ElasticsearchServer}, {@code SmtpServer} or the whole {@code Infrastructure}); each is
 * started on first use and shared by every test class of the JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(InfrastructureExtension.class)
public @interface RealInfrastructure {}
