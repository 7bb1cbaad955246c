package io.ordersaga.loadtest.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine the figures were measured on. */
public record Machine(String cpu, int cores, long memoryMb, String os, String java) {

    public static Machine current() {
        return new Machine(
                procField("/proc/cpuinfo", "model name"),
                Runtime.getRuntime().availableProcessors(),
                totalMemoryMb(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    private static long totalMemoryMb() {
        String total = procField("/proc/meminfo", "MemTotal");
        try {
            return Long.parseLong(total.replaceAll("[^0-9]", "")) / 1024;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String procField(String file, String field) {
        try (var lines = Files.lines(Path.of(file))) {
            return lines.filter(line -> line.startsWith(field))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
