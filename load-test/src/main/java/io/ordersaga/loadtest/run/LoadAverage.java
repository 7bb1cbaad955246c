package io.ordersaga.loadtest.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average (1, 5 and 15 minutes): on a shared machine, the context every figure needs. */
public record LoadAverage(double one, double five, double fifteen) {

    public static LoadAverage now() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new LoadAverage(
                    Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2]));
        } catch (IOException | RuntimeException e) {
            double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return new LoadAverage(one, -1, -1);
        }
    }

    @Override
    public String toString() {
        return "%.2f, %.2f, %.2f".formatted(one, five, fifteen);
    }
}
