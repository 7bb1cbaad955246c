package io.ordersaga.infra.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordersaga.infra.harness.junit.RealInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RealInfrastructure
class ElasticsearchServerIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void indexesDocumentsAndFindsThemByFullTextAndKeyword(ElasticsearchServer elasticsearch) throws Exception {
        String index = elasticsearch.httpUrl() + "/orders-probe";
        assertThat(send("PUT", index, """
                        {"mappings": {"properties": {
                          "customerEmail": {"type": "keyword"},
                          "customerName":  {"type": "text", "analyzer": "standard"},
                          "status":        {"type": "keyword"}}}}
                        """).path("acknowledged").asBoolean()).isTrue();

        JsonNode bulk = send("POST", elasticsearch.httpUrl() + "/_bulk?refresh=wait_for", """
                {"index": {"_index": "orders-probe", "_id": "1"}}
                {"customerEmail": "ada@example.com", "customerName": "Ada Lovelace", "status": "CONFIRMED"}
                {"index": {"_index": "orders-probe", "_id": "2"}}
                {"customerEmail": "alan@example.com", "customerName": "Alan Turing", "status": "CANCELLED"}
                """);
        assertThat(bulk.path("errors").asBoolean()).isFalse();

        JsonNode byText = send("POST", index + "/_search", """
                {"query": {"match": {"customerName": "lovelace"}}}
                """);
        assertThat(byText.path("hits").path("total").path("value").asInt()).isEqualTo(1);
        assertThat(byText.path("hits").path("hits").get(0).path("_id").asString())
                .isEqualTo("1");

        JsonNode byStatus = send("POST", index + "/_search", """
                {"query": {"term": {"status": "CANCELLED"}}}
                """);
        assertThat(byStatus.path("hits")
                        .path("hits")
                        .get(0)
                        .path("_source")
                        .path("customerEmail")
                        .asString())
                .isEqualTo("alan@example.com");

        send("DELETE", index, null);
    }

    private JsonNode send(String method, String url, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", url.contains("_bulk") ? "application/x-ndjson" : "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return json.readTree(response.body());
    }
}
