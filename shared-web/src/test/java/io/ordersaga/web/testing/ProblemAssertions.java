package io.ordersaga.web.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Assertions on the RFC 9457 problem details {@code ProblemDetailsHandler} answers bad input with. */
public final class ProblemAssertions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemAssertions() {}

    /** A 400 problem whose first error names {@code field}. */
    public static void assertBadRequestNaming(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
}
