package io.ordersaga.stack.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ordersaga.infra.harness.ReceivedEmail;
import io.ordersaga.infra.harness.SmtpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's mailbox viewer: what the harness's SMTP server received, as a web page ({@code /}) and
 * as JSON ({@code /api/messages}). compose runs Mailpit for the same purpose on the same port.
 */
final class MailboxViewer implements AutoCloseable {

    private final SmtpServer smtp;
    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();

    private MailboxViewer(SmtpServer smtp, HttpServer server) {
        this.smtp = smtp;
        this.server = server;
    }

    /** Serves on loopback at {@code port} (0 for a free one). */
    static MailboxViewer start(SmtpServer smtp, int port) {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            var viewer = new MailboxViewer(smtp, server);
            server.createContext("/api/messages", viewer::messagesAsJson);
            server.createContext("/", viewer::messagesAsPage);
            server.start();
            return viewer;
        } catch (IOException e) {
            throw new UncheckedIOException("the mailbox viewer cannot listen on port " + port, e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /**
     * The last {@value SmtpServer#RETAINED_MESSAGES} messages with their text; {@code ?text=false}
     * lists every message the server accepted, without the bodies: what a check over a load test's
     * hundreds of thousands of e-mails needs.
     */
    private void messagesAsJson(HttpExchange exchange) throws IOException {
        boolean withText = !"text=false".equals(exchange.getRequestURI().getQuery());
        var messages = withText
                ? messages()
                : smtp.receivedEmails().stream().map(MailboxViewer::describe).toList();
        respond(exchange, "application/json", json.writeValueAsString(messages));
    }

    private void messagesAsPage(HttpExchange exchange) throws IOException {
        var page = new StringBuilder(
                "<!doctype html><meta charset=utf-8><title>Mailbox</title><h1>Mailbox</h1>"
                        + "<p>The last " + SmtpServer.RETAINED_MESSAGES
                        + " e-mails the stack's SMTP server received, newest first (JSON: <a href=api/messages>api/messages</a>).</p>");
        var messages = messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            var message = messages.get(i);
            page.append("<hr><p><b>")
                    .append(escape(String.valueOf(message.get("subject"))))
                    .append("</b><br>to ")
                    .append(escape(String.valueOf(message.get("to"))))
                    .append("</p><pre>")
                    .append(escape(String.valueOf(message.get("text"))))
                    .append("</pre>");
        }
        respond(exchange, "text/html; charset=utf-8", page.toString());
    }

    private List<Map<String, Object>> messages() {
        return smtp.receivedMessages().stream().map(MailboxViewer::describe).toList();
    }

    private static Map<String, Object> describe(MimeMessage message) {
        try {
            var description = describe(ReceivedEmail.of(message));
            description.put("text", plainText(message.getContent()));
            return description;
        } catch (MessagingException | IOException e) {
            return Map.of("error", "cannot read this message: " + e.getMessage());
        }
    }

    private static Map<String, Object> describe(ReceivedEmail email) {
        var description = new LinkedHashMap<String, Object>();
        description.put("messageId", email.messageId());
        description.put("from", email.from());
        description.put("to", email.to());
        description.put("subject", email.subject());
        // Set by notification-service: which order and which kind of e-mail.
        description.put("orderId", email.header("X-Order-Id"));
        description.put("kind", email.header("X-Notification-Kind"));
        return description;
    }

    /** The text/plain part of a message (multipart/alternative has one), or the whole body. */
    private static String plainText(Object content) throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return String.valueOf(part.getContent());
                }
                if (part.getContent() instanceof Multipart nested) {
                    return plainText(nested);
                }
            }
            return "";
        }
        return String.valueOf(content);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void respond(HttpExchange exchange, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
