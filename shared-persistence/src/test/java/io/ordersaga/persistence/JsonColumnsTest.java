package io.ordersaga.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import org.hibernate.cfg.MappingSettings;
import org.hibernate.type.format.jackson.Jackson3JsonFormatMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.DatabindException;

class JsonColumnsTest {

    record Step(String step, Instant occurredAt, int attempt) {}

    @Test
    void writesInstantsAsIsoStringsAndComponentsByTheirNames() {
        var json = JsonColumns.mapper()
                .writeValueAsString(new Step("PLACED", Instant.parse("2026-12-06T10:15:30.123456Z"), 1));

        assertThat(json)
                .isEqualTo("{\"step\":\"PLACED\",\"occurredAt\":\"2026-12-06T10:15:30.123456Z\",\"attempt\":1}");
    }

    @Test
    void refusesADocumentWithAPropertyItsRecordDoesNotHave() {
        var json = "{\"step\":\"PLACED\",\"occurredAt\":\"2026-12-06T10:15:30Z\",\"attempt\":1,\"by\":\"x\"}";

        assertThatThrownBy(() -> JsonColumns.mapper().readValue(json, Step.class))
                .isInstanceOf(DatabindException.class)
                .hasMessageContaining("\"by\"");
    }

    @Test
    void refusesADocumentWithoutAPrimitiveItsRecordNeeds() {
        var json = "{\"step\":\"PLACED\",\"occurredAt\":\"2026-12-06T10:15:30Z\",\"attempt\":null}";

        assertThatThrownBy(() -> JsonColumns.mapper().readValue(json, Step.class))
                .isInstanceOf(DatabindException.class)
                .hasMessageContaining("attempt");
    }

    @Test
    void givesHibernateTheColumnsMapper() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JsonColumnsAutoConfiguration.class))
                .run(context -> {
                    var properties = new HashMap<String, Object>();
                    context.getBean(HibernatePropertiesCustomizer.class).customize(properties);

                    assertThat(properties)
                            .extractingByKey(MappingSettings.JSON_FORMAT_MAPPER)
                            .isInstanceOf(Jackson3JsonFormatMapper.class);
                });
    }
}
