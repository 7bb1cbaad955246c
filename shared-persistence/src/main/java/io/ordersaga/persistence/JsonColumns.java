package io.ordersaga.persistence;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the services' JSON columns are written and read: value objects of an aggregate kept in its
 * row ({@code @JdbcTypeCode(SqlTypes.JSON)}) rather than in a table of their own, such as an order's
 * lines and timeline or a reservation's lines (docs/json-columns.md).
 *
 * <p>A mapper of their own, not the REST API's, so that configuring the API's JSON never changes
 * what is stored. Component names as they are, instants as ISO-8601 strings, and a document that
 * does not fit its records (an unknown property, a missing primitive) is an error, never half-read.
 * {@link JsonColumnsAutoConfiguration} hands it to Hibernate.
 */
public final class JsonColumns {

    private JsonColumns() {}

    /** A new mapper with the columns' settings; tests use it to read what a migration wrote. */
    public static JsonMapper mapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }
}
