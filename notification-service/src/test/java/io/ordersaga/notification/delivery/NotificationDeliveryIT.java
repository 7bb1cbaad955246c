package io.ordersaga.notification.delivery;

import static io.ordersaga.notification.support.SagaEvents.ORDERS_EVENTS;
import static io.ordersaga.notification.support.SagaEvents.SHIPMENTS_EVENTS;
import static io.ordersaga.notification.support.SagaEvents.orderConfirmed;
import static io.ordersaga.notification.support.SagaEvents.shipmentScheduled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordersaga.notification.notifications.Notification;
import io.ordersaga.notification.notifications.NotificationKind;
import io.ordersaga.notification.notifications.NotificationLog;
import io.ordersaga.notification.notifications.NotificationStatus;
import io.ordersaga.notification.notifications.OrderConfirmation;
import io.ordersaga.notification.support.Mailbox;
import io.ordersaga.notification.support.Mailbox.ReceivedMail;
import io.ordersaga.notification.support.SagaEvents;
import io.ordersaga.notification.support.ServiceIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dispatcher against the real SMTP server: an outage is retried and survived, a bad address
 * fails at once, attempts run out in a long outage, and several dispatchers never send twice.
 */
@ServiceIntegrationTest
class NotificationDeliveryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    SagaEvents saga;

    @Autowired
    Mailbox mailbox;

    @Autowired
    NotificationLog log;

    @Autowired
    NotificationDispatcher dispatcher;

    @Autowired
    DeliverySettings settings;

    @AfterEach
    void smtpServerIsUpAgain() {
        mailbox.server().restart();
    }

    @Test
    void deliversWhatArrivedDuringAnSmtpOutageOnceTheServerIsBack() {
        UUID orderId = UUID.randomUUID();
        String customer = Mailbox.newRecipient("outage");

        mailbox.server().stop();
        saga.publish(SHIPMENTS_EVENTS, shipmentScheduled(orderId, customer, LocalDate.of(2026, 12, 4)));
        saga.publish(ORDERS_EVENTS, orderConfirmed(orderId, customer, "TRK00000000000000GH"));

        // Both owed, each tried and refused at least twice while the server is down.
        await().atMost(PATIENCE).until(() -> {
            List<Notification> owed = log.ofOrder(orderId);
            return owed.size() == 2 && owed.stream().allMatch(n -> n.attempts() >= 2);
        });
        assertThat(log.ofOrder(orderId)).allSatisfy(notification -> {
            assertThat(notification.status()).isEqualTo(NotificationStatus.PENDING);
            assertThat(notification.lastError())
                    .hasValueSatisfying(error -> assertThat(error).contains("ConnectException"));
            assertThat(notification.nextAttemptAt()).isPresent();
        });
        assertThat(mailbox.mailFor(customer)).isEmpty();

        mailbox.server().restart();

        await().atMost(PATIENCE)
                .until(() -> log.ofOrder(orderId).stream().allMatch(n -> n.status() == NotificationStatus.SENT));
        assertThat(log.ofOrder(orderId)).allSatisfy(notification -> assertThat(notification.attempts())
                .isBetween(3, ServiceIntegrationTest.MAX_ATTEMPTS));
        assertThat(mailbox.mailFor(customer))
                .extracting(ReceivedMail::subject)
                .containsExactlyInAnyOrder(
                        "Your order " + orderId.toString().substring(0, 8) + " ships with Royal Mail",
                        "Your order " + orderId.toString().substring(0, 8) + " is confirmed");
    }

    @Test
    void failsARecipientThatIsNotAnAddressAtOnceWithoutRetrying() {
        UUID orderId = UUID.randomUUID();
        String notAnAddress = "no-at-sign-" + UUID.randomUUID();

        saga.publish(ORDERS_EVENTS, orderConfirmed(orderId, notAnAddress, null));

        await().atMost(PATIENCE)
                .until(() -> log.ofOrder(orderId).stream().anyMatch(n -> n.status() == NotificationStatus.FAILED));
        Notification failed = log.ofOrder(orderId).getFirst();
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.nextAttemptAt()).isEmpty();
        assertThat(failed.lastError())
                .hasValueSatisfying(
                        error -> assertThat(error).contains("AddressException").contains(notAnAddress));
        assertThat(mailbox.server().receivedMessages())
                .noneMatch(message -> headerContains(message, "To", notAnAddress));
    }

    @Test
    void failsANotificationWhoseAttemptsRunOutInALongOutageAndNeverSendsItLater() {
        UUID orderId = UUID.randomUUID();
        String customer = Mailbox.newRecipient("long-outage");

        mailbox.server().stop();
        saga.publish(ORDERS_EVENTS, orderConfirmed(orderId, customer, null));
        await().atMost(PATIENCE)
                .until(() -> log.ofOrder(orderId).stream().anyMatch(n -> n.status() == NotificationStatus.FAILED));
        mailbox.server().restart();

        // Proof the dispatcher has run since the server came back: a later notification was sent.
        UUID laterOrder = UUID.randomUUID();
        String laterCustomer = Mailbox.newRecipient("after-long-outage");
        saga.publish(ORDERS_EVENTS, orderConfirmed(laterOrder, laterCustomer, null));
        mailbox.awaitMailFor(laterCustomer, PATIENCE);

        Notification failed = log.ofOrder(orderId).getFirst();
        assertThat(failed.status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(ServiceIntegrationTest.MAX_ATTEMPTS);
        assertThat(failed.lastError())
                .hasValueSatisfying(error -> assertThat(error).contains("ConnectException"));
        assertThat(mailbox.mailFor(customer)).isEmpty();
    }

    @Test
    void recordsTheSentAndTheFailedNotificationsOfOneBatch() {
        UUID sentOrder = UUID.randomUUID();
        String customer = Mailbox.newRecipient("batch");
        UUID failedOrder = UUID.randomUUID();
        String notAnAddress = "no-at-sign-" + UUID.randomUUID();
        dispatcher.stop();
        try {
            log.record(new OrderConfirmation(
                    sentOrder, UUID.randomUUID(), customer, new BigDecimal("9.99"), "EUR", Optional.empty()));
            log.record(new OrderConfirmation(
                    failedOrder, UUID.randomUUID(), notAnAddress, new BigDecimal("9.99"), "EUR", Optional.empty()));

            assertThat(dispatcher.dispatchDue()).isGreaterThanOrEqualTo(2);
        } finally {
            dispatcher.start();
        }

        Notification sent = log.ofOrder(sentOrder).getFirst();
        assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.nextAttemptAt()).isEmpty();
        assertThat(sent.sentAt()).hasValueSatisfying(at -> assertThat(at).isAfterOrEqualTo(sent.createdAt()));
        assertThat(sent.updatedAt()).isEqualTo(sent.sentAt().orElseThrow());
        assertThat(mailbox.mailFor(customer)).hasSize(1);
        Notification failed = log.ofOrder(failedOrder).getFirst();
        assertThat(failed.status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.sentAt()).isEmpty();
    }

    @Test
    void sendsEachNotificationOnceWhenSeveralDispatchersRunAtOnce() throws Exception {
        int dispatchers = 3;
        var customers = new ArrayList<String>();
        var orders = new ArrayList<UUID>();
        dispatcher.stop();
        try {
            for (int i = 0; i < 50; i++) {
                UUID orderId = UUID.randomUUID();
                String customer = Mailbox.newRecipient("concurrent-" + i);
                log.record(new OrderConfirmation(
                        orderId, UUID.randomUUID(), customer, new BigDecimal("9.99"), "EUR", Optional.empty()));
                orders.add(orderId);
                customers.add(customer);
            }

            // Three dispatchers at once, as three instances of the service would run them.
            var start = new CyclicBarrier(dispatchers);
            try (var pool = Executors.newFixedThreadPool(dispatchers)) {
                var runs = new ArrayList<Future<Integer>>();
                for (int i = 0; i < dispatchers; i++) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        int attempted = 0;
                        int batch;
                        while ((batch = dispatcher.dispatchDue()) > 0) {
                            attempted += batch;
                        }
                        return attempted;
                    }));
                }
                int attempted = 0;
                for (var run : runs) {
                    attempted += run.get();
                }
                assertThat(attempted).isGreaterThanOrEqualTo(orders.size());
            }
        } finally {
            dispatcher.start();
        }

        for (int i = 0; i < orders.size(); i++) {
            Notification notification = log.ofOrder(orders.get(i)).getFirst();
            assertThat(notification.kind()).isEqualTo(NotificationKind.ORDER_CONFIRMED);
            assertThat(notification.status()).isEqualTo(NotificationStatus.SENT);
            assertThat(notification.attempts()).isEqualTo(1);
            assertThat(mailbox.mailFor(customers.get(i))).hasSize(1);
        }
    }

    @Test
    void runsOneSenderThreadPerConfiguredSenderAndStopsThemAll() {
        assertThat(settings.senders()).as("the service's configured senders").isGreaterThan(1);
        await().atMost(PATIENCE).until(() -> senderThreads().size() == settings.senders());

        dispatcher.stop();
        try {
            assertThat(dispatcher.isRunning()).isFalse();
            await().atMost(PATIENCE).until(() -> senderThreads().isEmpty());
        } finally {
            dispatcher.start();
        }
        await().atMost(PATIENCE).until(() -> senderThreads().size() == settings.senders());

        // Sent by them: a notification recorded now goes out once, as before.
        UUID orderId = UUID.randomUUID();
        String customer = Mailbox.newRecipient("senders");
        log.record(new OrderConfirmation(
                orderId, UUID.randomUUID(), customer, new BigDecimal("4.20"), "EUR", Optional.empty()));
        await().atMost(PATIENCE).until(() -> mailbox.mailFor(customer).size() == 1);
        await().atMost(PATIENCE).until(() -> log.ofOrder(orderId).getFirst().status() == NotificationStatus.SENT);
    }

    private static List<Thread> senderThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(thread -> thread.getName().startsWith(NotificationDispatcher.THREAD_NAME_PREFIX))
                .toList();
    }

    private static boolean headerContains(jakarta.mail.internet.MimeMessage message, String header, String value) {
        try {
            String[] values = message.getHeader(header);
            return values != null && String.join(",", values).contains(value);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
