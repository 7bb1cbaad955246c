package io.ordersaga.messaging.relay;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.postgresql.Driver;

/**
 * The service's own PostgreSQL database, as the relay reaches it outside the connection pool: for
 * the replication stream, the offset store and the leadership lock.
 */
record RelayDatabase(String jdbcUrl, String username, String password) {

    private static final int CONNECT_TIMEOUT_SECONDS = 5;
    private static final int SOCKET_TIMEOUT_SECONDS = 10;
    private static final Set<String> LOCATION_PROPERTIES = Set.of("PGHOST", "PGPORT", "PGDBNAME");

    RelayDatabase {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the outbox relay needs a PostgreSQL data source, was " + jdbcUrl);
        }
    }

    String host() {
        return url().getProperty("PGHOST").split(",")[0];
    }

    int port() {
        return Integer.parseInt(url().getProperty("PGPORT").split(",")[0]);
    }

    String database() {
        return url().getProperty("PGDBNAME");
    }

    /**
     * The driver properties the URL sets besides where the server is (e.g. {@code socketFactory} for
     * its Unix-domain socket): the relay's connector takes them as {@code database.*} settings.
     */
    Map<String, String> driverProperties() {
        Properties url = url();
        var properties = new TreeMap<String, String>();
        url.stringPropertyNames().stream()
                .filter(name -> !LOCATION_PROPERTIES.contains(name))
                .forEach(name -> properties.put(name, url.getProperty(name)));
        return properties;
    }

    /** A connection of its own, named in pg_stat_activity, that fails fast when the server is gone. */
    Connection connect(String applicationName) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", username);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = new Driver().connect(jdbcUrl, properties);
        if (connection == null) {
            throw new SQLException("the PostgreSQL driver does not accept " + jdbcUrl);
        }
        return connection;
    }

    private Properties url() {
        Properties parsed = Driver.parseURL(jdbcUrl, null);
        if (parsed == null) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        return parsed;
    }
}
