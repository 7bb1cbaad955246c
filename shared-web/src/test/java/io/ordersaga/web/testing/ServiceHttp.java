package io.ordersaga.web.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.core.env.Environment;

/**
 * The service under test over real HTTP, as its clients call it. A bean of a
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} context ({@code @Import(ServiceHttp.class)}):
 * it reads the port the server got ({@code local.server.port}) when a test calls it.
 */
public class ServiceHttp {

    private final HttpClient http = HttpClient.newHttpClient();
    private final Environment environment;

    public ServiceHttp(Environment environment) {
        this.environment = environment;
    }

    /** {@code GET path} (with its query), the body as text. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
