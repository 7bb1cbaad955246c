package io.ordersaga.stack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordersaga.stack.StackDefinition;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's quick start, end to end, as a user does it: start the stack with its one command, run
 * the printed curl commands, see the orders end CONFIRMED and CANCELLED (PAYMENT_DECLINED), the
 * e-mail in the mailbox and the order in the search API, then stop it and find nothing left running.
 * It starts after a killed launcher, too. Ports are random so it can run beside a demo stack.
 */
class LocalStackIT {

    private static final Duration STARTUP = Duration.ofMinutes(6);
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private StackProcess stack;
    private StackProcess crashed;

    @TempDir
    Path state;

    @AfterEach
    void stopWhatIsLeft() {
        for (var launcher : new StackProcess[] {stack, crashed}) {
            if (launcher != null && launcher.process().isAlive()) {
                launcher.process().destroy();
            }
        }
    }

    @Test
    void theQuickStartWorksEvenAfterAKilledLauncher() throws Exception {
        // A launcher killed with SIGKILL can run no shutdown hook: its servers are the next start's to reap.
        crashed = StackProcess.launch(state, state.resolve("crashed.log"), "start", "--random-ports")
                .awaitReady(STARTUP);
        String crashedRun = crashed.runDirectory();
        crashed.killHard();
        crashed.process().waitFor(30, TimeUnit.SECONDS);

        stack = StackProcess.launch(state, state.resolve("console.log"), "start", "--random-ports")
                .awaitReady(STARTUP);
        assertThat(processesNaming(crashedRun))
                .as("what the killed launcher left behind is reaped by the next start")
                .isZero();
        var connections = new java.util.Properties();
        try (var in = Files.newBufferedReader(state.resolve(StackState.CONNECTIONS))) {
            connections.load(in);
        }
        var databases = List.of("orders", "inventory", "payments", "shipments", "notifications");
        assertThat(databases.stream()
                        .map(database -> URI.create(connections
                                        .getProperty("postgres.jdbc-url." + database)
                                        .substring("jdbc:".length()))
                                .getPort())
                        .distinct())
                .as("each service database on a PostgreSQL server of its own")
                .hasSize(databases.size());
        assertThat(connections.getProperty("postgres.ports").split(","))
                .as("the registry's server and one per service database")
                .hasSize(databases.size() + 1);

        String confirmed = shell(stack.demoCommand(1)).strip();
        assertThat(confirmed).matches(UUID);
        JsonNode declined = json.readTree(shell(stack.demoCommand(2)));
        String declinedId = declined.get("orderId").asString();

        try {
            await("the first order is confirmed, as printed command 3 shows")
                    .atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> {
                        JsonNode order = json.readTree(shell("ORDER_ID=" + confirmed + "\n" + stack.demoCommand(3)));
                        assertThat(order.get("status").asString())
                                .as(order.toString())
                                .isEqualTo("CONFIRMED");
                        assertThat(order.get("trackingNumber").asString()).isNotBlank();
                    });
            await("the second order is cancelled because its payment was declined")
                    .atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> {
                        JsonNode order = getJson(stack.urlOf("order-service") + "/orders/" + declinedId);
                        assertThat(order.get("status").asString())
                                .as(order.toString())
                                .isEqualTo("CANCELLED");
                        assertThat(order.get("cancellationReason").asString()).isEqualTo("PAYMENT_DECLINED");
                    });
        } catch (AssertionError | ConditionTimeoutException e) {
            try {
                printServiceWarnings();
            } catch (IOException unreadable) {
                e.addSuppressed(unreadable);
            }
            throw e;
        }
        await("the confirmation e-mail is in the mailbox")
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(getJson(stack.urlOf("mailbox viewer") + "/api/messages"))
                        .anySatisfy(message -> {
                            assertThat(message.get("to").toString()).contains("ada@example.org");
                            assertThat(message.get("orderId").asString()).isEqualTo(confirmed);
                            assertThat(message.get("kind").asString()).isEqualTo("ORDER_CONFIRMED");
                            assertThat(message.get("text").asString()).contains(confirmed);
                        }));
        await("the order is found through the search API")
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                getJson(stack.urlOf("search-projection-service") + "/search/orders?q=ada@example.org")
                                        .toString())
                        .contains(confirmed));

        var ports = stack.servicePorts(StackDefinition.serviceNames());
        String run = stack.runDirectory();
        var stop = StackProcess.launch(state, state.resolve("stop.log"), "stop");
        assertThat(stop.process().waitFor(4, TimeUnit.MINUTES)).isTrue();
        assertThat(stop.process().exitValue()).as(stop.console()).isZero();
        assertThat(stack.process().waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(processesNaming(run)).as("processes of the stopped stack").isZero();
        ports.forEach((service, port) ->
                assertThat(isListening(port)).as(service + "'s port " + port).isFalse());
    }

    /** What went wrong in the services, for a saga that did not end as expected: their logs go with the temp dir. */
    private void printServiceWarnings() throws IOException {
        try (var logs = Files.list(state.resolve("logs"))) {
            for (Path log : logs.sorted().toList()) {
                var warnings = Files.readAllLines(log).stream()
                        .filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))
                        .toList();
                System.out.println("--- " + log.getFileName() + ": the last of its " + warnings.size() + " warnings");
                warnings.stream().skip(Math.max(0, warnings.size() - 20)).forEach(System.out::println);
            }
        }
    }

    private String shell(String script) throws IOException, InterruptedException {
        var process = new ProcessBuilder("bash", "-c", script)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    private JsonNode getJson(String url) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static long processesNaming(String runDirectory) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().orElse("").contains(runDirectory))
                .count();
    }

    private static boolean isListening(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
