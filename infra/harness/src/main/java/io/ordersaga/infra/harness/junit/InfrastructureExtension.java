package io.ordersaga.infra.harness.junit;

import io.ordersaga.infra.harness.ElasticsearchServer;
import io.ordersaga.infra.harness.Infrastructure;
import io.ordersaga.infra.harness.KafkaServer;
import io.ordersaga.infra.harness.PostgresServer;
import io.ordersaga.infra.harness.SchemaRegistryServer;
import io.ordersaga.infra.harness.SmtpServer;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves server parameters from the JVM's shared {@link Infrastructure}. The servers are not
 * stopped per class: they live for the whole test run and are stopped by the harness's shutdown
 * hook, so the next test class (and a cached Spring context) finds them running.
 */
public final class InfrastructureExtension implements ParameterResolver {

    private static final Map<Class<?>, Function<Infrastructure, Object>> SERVERS = Map.of(
            Infrastructure.class, infrastructure -> infrastructure,
            PostgresServer.class, Infrastructure::postgres,
            KafkaServer.class, Infrastructure::kafka,
            SchemaRegistryServer.class, Infrastructure::schemaRegistry,
            ElasticsearchServer.class, Infrastructure::elasticsearch,
            SmtpServer.class, Infrastructure::smtp);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return SERVERS.containsKey(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return SERVERS.get(parameter.getParameter().getType()).apply(Infrastructure.shared());
    }
}
