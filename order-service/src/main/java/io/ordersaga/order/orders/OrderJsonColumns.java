package io.ordersaga.order.orders;

import org.hibernate.cfg.MappingSettings;
import org.hibernate.type.format.jackson.Jackson3JsonFormatMapper;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How {@link Order}'s JSON columns ({@code lines}, {@code timeline}) are written and read: a mapper
 * of their own, not the one of the REST API, so that configuring the API's JSON never changes what
 * is stored. Component names as they are, instants as ISO-8601 strings, and a document that does
 * not fit the records (an unknown or a missing primitive property) is an error, never half-read.
 * Left to itself, Hibernate would pick whichever Jackson it finds first on the class path (both 2
 * and 3 are there), with that version's defaults.
 */
@Configuration(proxyBeanMethods = false)
class OrderJsonColumns {

    static JsonMapper mapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    @Bean
    HibernatePropertiesCustomizer orderJsonColumnsFormat() {
        var format = new Jackson3JsonFormatMapper(mapper());
        return properties -> properties.put(MappingSettings.JSON_FORMAT_MAPPER, format);
    }
}
