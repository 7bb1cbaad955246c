package io.ordersaga.messaging;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;

/**
 * Creates and evolves the library's own tables (outbox, inbox) in the service's database, with a
 * migration history of their own: the library's migrations never interleave with the service's.
 */
public final class MessagingSchema implements InitializingBean {

    static final String LOCATION = "classpath:db/messaging";
    static final String HISTORY_TABLE = "messaging_schema_history";

    private final DataSource dataSource;

    public MessagingSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
