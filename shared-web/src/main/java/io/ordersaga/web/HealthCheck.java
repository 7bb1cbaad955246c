package io.ordersaga.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container health check of a service image: {@code java -cp @/app/jib-classpath-file
 * io.ordersaga.web.HealthCheck http://localhost:8081/actuator/health/readiness} exits 0 when the
 * service answers 200, 1 otherwise. The images have no shell, curl or wget (infra/base-image), so
 * docker compose asks the JVM; nothing here loads Spring.
 */
public final class HealthCheck {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private HealthCheck() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: HealthCheck <url>, e.g. http://localhost:8081/actuator/health/readiness");
            System.exit(2);
        }
        System.exit(isHealthy(URI.create(args[0])) ? 0 : 1);
    }

    /** Whether {@code url} answers 200 within {@link #TIMEOUT}; a refused connection is unhealthy. */
    static boolean isHealthy(URI url) {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            var response = client.send(
                    HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                System.err.println(url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.statusCode() == 200;
        } catch (IOException e) {
            System.err.println(url + " did not answer: " + e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
