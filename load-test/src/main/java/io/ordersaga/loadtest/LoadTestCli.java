package io.ordersaga.loadtest;

import io.ordersaga.loadtest.report.SummaryFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * {@code bin/load-test}: the load test against the local stack (started if none is running, and
 * stopped again afterwards) or any base URL; writes {@code summary.json}, {@code summary.md} and
 * Gatling's HTML report under {@code target/load-test}. Exits 0 when the run passed (no HTTP error, no
 * order lost, stuck or ending other than built for, no invariant violated), 1 when it did not, 2 on a
 * usage error. Options: {@link LoadTestOptions}.
 */
public final class LoadTestCli {

    private LoadTestCli() {}

    public static void main(String[] args) throws IOException {
        Path root = Path.of(System.getProperty("loadtest.project-root", "."))
                .toAbsolutePath()
                .normalize();
        if (List.of(args).contains("--help")) {
            System.out.println(LoadTestOptions.USAGE);
            return;
        }
        LoadTestOptions options;
        try {
            options = LoadTestOptions.parse(List.of(args), root);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LoadTestOptions.USAGE);
            System.exit(2);
            return;
        }
        var summary = new LoadTest(options, root, version()).run();
        String markdown = SummaryFiles.write(summary, options.output());
        System.out.println();
        System.out.println(markdown);
        System.out.println("Summary: " + options.output().resolve("summary.md") + " and summary.json");
        System.exit(summary.passed() ? 0 : 1);
    }

    private static String version() throws IOException {
        try (InputStream in = LoadTestCli.class.getResourceAsStream("/load-test.properties")) {
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }
}
