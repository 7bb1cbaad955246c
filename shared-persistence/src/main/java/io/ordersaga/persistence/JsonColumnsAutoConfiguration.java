package io.ordersaga.persistence;

import org.hibernate.cfg.MappingSettings;
import org.hibernate.type.format.jackson.Jackson3JsonFormatMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Makes {@link JsonColumns#mapper()} Hibernate's JSON format mapper. Left to itself, Hibernate would
 * pick whichever Jackson it finds first on the class path (the services have both 2 and 3 on
 * theirs), with that version's defaults.
 */
@AutoConfiguration(before = HibernateJpaAutoConfiguration.class)
@ConditionalOnClass({HibernatePropertiesCustomizer.class, Jackson3JsonFormatMapper.class})
public class JsonColumnsAutoConfiguration {

    @Bean
    HibernatePropertiesCustomizer jsonColumnsFormat() {
        var format = new Jackson3JsonFormatMapper(JsonColumns.mapper());
        return properties -> properties.put(MappingSettings.JSON_FORMAT_MAPPER, format);
    }
}
