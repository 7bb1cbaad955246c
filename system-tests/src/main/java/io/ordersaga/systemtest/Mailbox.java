package io.ordersaga.systemtest;

import io.ordersaga.infra.harness.ReceivedEmail;
import io.ordersaga.infra.harness.SmtpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The e-mails the SMTP server received, as invariant 4 sees them: which order and which kind each
 * is about, from the {@code X-Order-Id} and {@code X-Notification-Kind} headers notification-service
 * sets.
 */
@FunctionalInterface
public interface Mailbox {

    List<DeliveredEmail> delivered();

    /** An e-mail about {@code orderId} of {@code kind} (ORDER_CONFIRMED, ORDER_CANCELLED, SHIPMENT_SCHEDULED). */
    record DeliveredEmail(UUID orderId, String kind) {}

    /** The mailbox of the harness's SMTP server in this JVM: every message it accepted. */
    static Mailbox of(SmtpServer smtp) {
        return () -> {
            var delivered = new ArrayList<DeliveredEmail>();
            for (ReceivedEmail email : smtp.receivedEmails()) {
                String orderId = email.header("X-Order-Id");
                String kind = email.header("X-Notification-Kind");
                if (orderId != null && kind != null) {
                    delivered.add(new DeliveredEmail(UUID.fromString(orderId), kind));
                }
            }
            return delivered;
        };
    }

    /** The mailbox behind the local stack's mailbox viewer ({@code <url>/api/messages}, without the bodies). */
    static Mailbox viewer(String url) {
        var http = HttpClient.newHttpClient();
        var json = JsonMapper.builder().build();
        return () -> {
            try {
                var response = http.send(
                        HttpRequest.newBuilder(URI.create(url.replaceAll("/$", "") + "/api/messages?text=false"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                var delivered = new ArrayList<DeliveredEmail>();
                for (JsonNode message : json.readTree(response.body())) {
                    JsonNode orderId = message.get("orderId");
                    JsonNode kind = message.get("kind");
                    if (orderId != null && !orderId.isNull() && kind != null && !kind.isNull()) {
                        delivered.add(new DeliveredEmail(UUID.fromString(orderId.asString()), kind.asString()));
                    }
                }
                return delivered;
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the mailbox at " + url, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the mailbox", e);
            }
        };
    }
}
