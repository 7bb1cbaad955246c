package io.ordersaga.infra.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordersaga.infra.harness.junit.RealInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The registry's Confluent-compatible API, with FULL_TRANSITIVE enforced on every subject. */
@RealInfrastructure
class SchemaRegistryServerIT {

    private static final String V1 = schema("""
            {"name": "orderId", "type": "string"}""");
    private static final String V2_ADDS_OPTIONAL_FIELD = schema("""
            {"name": "orderId", "type": "string"},
            {"name": "note", "type": ["null", "string"], "default": null}""");
    private static final String V3_ADDS_REQUIRED_FIELD = schema("""
            {"name": "orderId", "type": "string"},
            {"name": "note", "type": ["null", "string"], "default": null},
            {"name": "channel", "type": "string"}""");

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void reportsFullTransitiveAsTheGlobalCompatibility(SchemaRegistryServer registry) throws Exception {
        var config = get(registry.ccompatUrl() + "/config");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(json.readTree(config.body()).path("compatibilityLevel").asString())
                .isEqualTo("FULL_TRANSITIVE");
    }

    @Test
    void registersCompatibleVersionsAndResolvesThemById(SchemaRegistryServer registry) throws Exception {
        String subject = registry.ccompatUrl() + "/subjects/probe-" + UUID.randomUUID() + "/versions";

        var first = register(subject, V1);
        var second = register(subject, V2_ADDS_OPTIONAL_FIELD);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        int id = json.readTree(second.body()).path("id").asInt();
        var byId = get(registry.ccompatUrl() + "/schemas/ids/" + id);
        assertThat(byId.statusCode()).isEqualTo(200);
        assertThat(json.readTree(byId.body()).path("schema").asString()).contains("\"note\"");
        assertThat(json.readTree(get(subject).body()).values()).hasSize(2);
    }

    @Test
    void rejectsAVersionThatBreaksCompatibilityWith409(SchemaRegistryServer registry) throws Exception {
        String subject = registry.ccompatUrl() + "/subjects/probe-" + UUID.randomUUID() + "/versions";
        register(subject, V1);
        register(subject, V2_ADDS_OPTIONAL_FIELD);

        var breaking = register(subject, V3_ADDS_REQUIRED_FIELD);

        assertThat(breaking.statusCode()).isEqualTo(409);
        assertThat(json.readTree(get(subject).body()).values()).hasSize(2);
    }

    private HttpResponse<String> register(String url, String schema) throws Exception {
        String body = json.writeValueAsString(java.util.Map.of("schema", schema));
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String schema(String fields) {
        return """
                {"type": "record", "name": "Probe", "namespace": "io.ordersaga.probe", "fields": [%s]}""".formatted(fields);
    }
}
