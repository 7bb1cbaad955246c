package io.ordersaga.stack.cli;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stack launcher run the way a user runs it ({@code java -jar …-cli.jar start}), as a child of
 * the test, with its console captured to a file the test reads like a user reads the terminal.
 */
final class StackProcess {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private final Process process;
    private final Path console;

    private StackProcess(Process process, Path console) {
        this.process = process;
        this.console = console;
    }

    static Path projectRoot() {
        return Path.of(System.getProperty("stack.project-root"))
                .toAbsolutePath()
                .normalize();
    }

    static Path cliJar() {
        return Path.of(System.getProperty("stack.cli-jar"));
    }

    /** {@code java -jar cli.jar <arguments>} with its pid file and logs in {@code stateDirectory}. */
    static StackProcess launch(Path stateDirectory, Path console, String... arguments) {
        var command = new ArrayList<>(List.of(
                JAVA.toString(),
                "-Xmx256m",
                "-Dstack.project-root=" + projectRoot(),
                "-Dstack.state-dir=" + stateDirectory,
                "-jar",
                cliJar().toString()));
        command.addAll(List.of(arguments));
        try {
            Files.createDirectories(console.getParent());
            var process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(console.toFile())
                    .start();
            return new StackProcess(process, console);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the ready line; fails at once, with the console, if the launcher exits first. */
    StackProcess awaitReady(Duration timeout) {
        await("the stack's ready line")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("the launcher exited with " + process.exitValue() + ":\n" + console());
                    }
                    return console().contains(StackCli.READY);
                });
        return this;
    }

    String console() {
        try {
            return Files.readString(console);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command printed on the line after the comment starting with {@code "# <number>."}. */
    String demoCommand(int number) {
        var lines = console().lines().toList();
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).strip().startsWith("# " + number + ".")) {
                return lines.get(i + 1).strip();
            }
        }
        throw new AssertionError("no demo command " + number + " in:\n" + console());
    }

    /** The URL printed for a service or server, e.g. {@code order-service} or {@code mailbox viewer}. */
    String urlOf(String name) {
        Matcher matcher = Pattern.compile("^  " + Pattern.quote(name) + " +(http://\\S+?)/?(\\s|$)", Pattern.MULTILINE)
                .matcher(console());
        if (!matcher.find()) {
            throw new AssertionError("no URL for " + name + " in:\n" + console());
        }
        return matcher.group(1);
    }

    /** The harness's run directory the launcher printed: every server it started names it. */
    String runDirectory() {
        Matcher matcher = Pattern.compile("run directory (\\S+)\\)").matcher(console());
        if (!matcher.find()) {
            throw new AssertionError("no run directory in:\n" + console());
        }
        return matcher.group(1);
    }

    /** The ports the services listen on, by service name, from the printed URLs. */
    Map<String, Integer> servicePorts(List<String> services) {
        var ports = new java.util.LinkedHashMap<String, Integer>();
        for (String service : services) {
            String url = urlOf(service);
            ports.put(service, Integer.parseInt(url.substring(url.lastIndexOf(':') + 1)));
        }
        return ports;
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    void killHard() {
        process.destroyForcibly();
    }
}
