package io.ordersaga.loadtest.run;

import io.gatling.app.Gatling$;
import io.ordersaga.loadtest.simulation.OrderSagaSimulation;
import io.ordersaga.loadtest.simulation.SimulationSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * One Gatling run of {@link OrderSagaSimulation} in this JVM: its HTML report under
 * {@code resultsDirectory/<simulation>-<timestamp>/index.html}. The summary's figures come from
 * {@link io.ordersaga.loadtest.simulation.PlacedOrders} instead: Gatling 3.15 keeps its statistics
 * only inside the HTML and its binary log.
 */
public final class GatlingRun {

    private GatlingRun() {}

    /** Runs the simulation with {@code settings}; answers the directory of its HTML report. */
    public static Path run(SimulationSettings settings, Path resultsDirectory, String description) {
        settings.asSystemProperties().forEach(System::setProperty);
        try {
            Files.createDirectories(resultsDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + resultsDirectory, e);
        }
        int status = Gatling$.MODULE$.fromArgs(new String[] {
            "--simulation",
            OrderSagaSimulation.class.getName(),
            "--results-folder",
            resultsDirectory.toAbsolutePath().toString(),
            "--run-description",
            description,
            "--launcher",
            "order-saga load-test"
        });
        if (status != 0) {
            throw new IllegalStateException("Gatling ended with status " + status);
        }
        return latestReport(resultsDirectory);
    }

    private static Path latestReport(Path resultsDirectory) {
        try (var reports = Files.list(resultsDirectory)) {
            return reports.filter(Files::isDirectory)
                    .filter(directory -> Files.isRegularFile(directory.resolve("index.html")))
                    .max(Comparator.comparing(GatlingRun::modified))
                    .orElseThrow(() -> new IllegalStateException("Gatling wrote no report to " + resultsDirectory));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + resultsDirectory, e);
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
