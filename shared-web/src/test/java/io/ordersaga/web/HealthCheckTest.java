package io.ordersaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthCheckTest {

    private HttpServer server;
    private volatile int readinessStatus;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            byte[] body = (readinessStatus == 200 ? "{\"status\":\"UP\"}" : "{\"status\":\"OUT_OF_SERVICE\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(readinessStatus, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI readiness() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/actuator/health/readiness");
    }

    @Test
    void isHealthyWhenReadinessAnswers200() {
        readinessStatus = 200;

        assertThat(HealthCheck.isHealthy(readiness())).isTrue();
    }

    @Test
    void isUnhealthyWhenReadinessAnswers503() {
        readinessStatus = 503;

        assertThat(HealthCheck.isHealthy(readiness())).isFalse();
    }

    @Test
    void isUnhealthyWhenNothingListens() {
        URI url = readiness();
        server.stop(0);

        assertThat(HealthCheck.isHealthy(url)).isFalse();
    }
}
