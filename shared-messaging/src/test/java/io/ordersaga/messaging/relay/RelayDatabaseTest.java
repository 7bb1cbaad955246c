package io.ordersaga.messaging.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class RelayDatabaseTest {

    @Test
    void readsTheServerAndDatabaseFromTheUrl() {
        var database = new RelayDatabase("jdbc:postgresql://127.0.0.1:54321/orders", "postgres", "secret");

        assertThat(database.host()).isEqualTo("127.0.0.1");
        assertThat(database.port()).isEqualTo(54321);
        assertThat(database.database()).isEqualTo("orders");
        assertThat(database.driverProperties()).isEmpty();
    }

    @Test
    void handsTheUrlsDriverSettingsOnDecodedSoTheReplicationStreamUsesTheSameSocket() {
        var database = new RelayDatabase(
                "jdbc:postgresql://127.0.0.1:54321/orders"
                        + "?socketFactory=org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg"
                        + "&socketFactoryArg=%2Frun%2Fpg%2F.s.PGSQL.54321",
                "postgres", null);

        assertThat(database.driverProperties())
                .containsOnly(
                        entry("socketFactory", "org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg"),
                        entry("socketFactoryArg", "/run/pg/.s.PGSQL.54321"));
    }

    @Test
    void refusesADataSourceThatIsNotPostgres() {
        assertThatThrownBy(() -> new RelayDatabase("jdbc:h2:mem:orders", "sa", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a PostgreSQL data source");
    }
}
