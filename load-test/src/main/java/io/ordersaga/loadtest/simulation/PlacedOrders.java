package io.ordersaga.loadtest.simulation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Every order the simulation tried to place, one CSV line per virtual user: what the checks after the
 * load need (every accepted id, to prove none was lost) and the HTTP figures of the summary, measured
 * exactly as Gatling measures them ({@code responseTimeInMillis}).
 */
public final class PlacedOrders implements AutoCloseable {

    private static final String HEADER =
            "orderId,intended,startedAtMillis,placeStatus,placeMillis,cancelStatus,cancelMillis";

    /**
     * One customer's attempt.
     *
     * @param orderId the accepted order's id; empty when POST /orders did not answer 202
     * @param intended the outcome the order was built for
     * @param startedAtMillis when the customer arrived (epoch millis): the request was sent then
     * @param placeStatus POST /orders' status; empty when no answer came (timeout, connection error)
     * @param placeMillis its response time, when it answered
     * @param cancelStatus POST /orders/{id}/cancel's status, for a customer cancel that got an answer
     * @param cancelMillis its response time
     */
    public record Attempt(
            Optional<UUID> orderId,
            Outcome intended,
            long startedAtMillis,
            OptionalInt placeStatus,
            OptionalLong placeMillis,
            OptionalInt cancelStatus,
            OptionalLong cancelMillis) {

        public boolean accepted() {
            return orderId.isPresent() && placeStatus.orElse(0) == 202;
        }

        /** The customer cancel was sent but got no 200 (cancelled) or 409 (too late) answer. */
        public boolean cancelFailed() {
            return intended == Outcome.CUSTOMER_CANCEL
                    && accepted()
                    && !(cancelStatus.orElse(0) == 200 || cancelStatus.orElse(0) == 409);
        }
    }

    private final BufferedWriter out;

    private PlacedOrders(BufferedWriter out) {
        this.out = out;
    }

    /** Starts the file at {@code file}, replacing an earlier one. */
    public static PlacedOrders create(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            var out = Files.newBufferedWriter(file);
            out.write(HEADER);
            out.newLine();
            return new PlacedOrders(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    public synchronized void record(Attempt attempt) {
        try {
            out.write(String.join(
                    ",",
                    attempt.orderId().map(UUID::toString).orElse(""),
                    attempt.intended().name(),
                    Long.toString(attempt.startedAtMillis()),
                    text(attempt.placeStatus()),
                    text(attempt.placeMillis()),
                    text(attempt.cancelStatus()),
                    text(attempt.cancelMillis())));
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record an order", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the placed orders file", e);
        }
    }

    /** The attempts recorded in {@code file}. */
    public static List<Attempt> read(Path file) {
        try (var lines = Files.lines(file)) {
            var attempts = new ArrayList<Attempt>();
            lines.skip(1).filter(line -> !line.isBlank()).forEach(line -> {
                String[] fields = line.split(",", -1);
                attempts.add(new Attempt(
                        fields[0].isEmpty() ? Optional.empty() : Optional.of(UUID.fromString(fields[0])),
                        Outcome.valueOf(fields[1]),
                        Long.parseLong(fields[2]),
                        fields[3].isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(fields[3])),
                        fields[4].isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(fields[4])),
                        fields[5].isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(fields[5])),
                        fields[6].isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(fields[6]))));
            });
            return attempts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String text(OptionalInt value) {
        return value.isPresent() ? Integer.toString(value.getAsInt()) : "";
    }

    private static String text(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "";
    }
}
