package io.ordersaga.notification.notifications;

import static io.ordersaga.notification.support.SagaEvents.ORDERS_EVENTS;
import static io.ordersaga.notification.support.SagaEvents.SHIPMENTS_EVENTS;
import static io.ordersaga.notification.support.SagaEvents.orderCancelled;
import static io.ordersaga.notification.support.SagaEvents.orderConfirmed;
import static io.ordersaga.notification.support.SagaEvents.shipmentScheduled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.ordersaga.events.order.CancellationReason;
import io.ordersaga.messaging.testapp.Events;
import io.ordersaga.notification.support.Mailbox;
import io.ordersaga.notification.support.Mailbox.ReceivedMail;
import io.ordersaga.notification.support.SagaEvents;
import io.ordersaga.notification.support.ServiceIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Events in through Kafka and the inbox, e-mails out through the real SMTP server: what each kind
 * says, and that redelivery sends nothing twice.
 */
@ServiceIntegrationTest
class NotificationMailIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    SagaEvents saga;

    @Autowired
    Mailbox mailbox;

    @Autowired
    NotificationLog log;

    @Autowired
    MeterRegistry meters;

    @Test
    void emailsTheConfirmationWithTheTrackingNumberAsPlainTextAndHtml() {
        UUID orderId = UUID.randomUUID();
        String customer = Mailbox.newRecipient("confirmed");

        saga.publish(ORDERS_EVENTS, orderConfirmed(orderId, customer, "TRK00000000000000AB"));

        ReceivedMail mail = mailbox.awaitMailFor(customer, PATIENCE);
        assertThat(mail.subject()).isEqualTo("Your order " + orderId.toString().substring(0, 8) + " is confirmed");
        assertThat(mail.from()).isEqualTo("orders@ordersaga.example");
        assertThat(mail.to()).containsExactly(customer);
        assertThat(mail.contentType()).startsWith("multipart/alternative");
        assertThat(List.of(mail.text(), mail.html())).allSatisfy(part -> assertThat(part)
                .contains(orderId.toString())
                .contains("EUR 120.50")
                .contains("TRK00000000000000AB"));
        assertThat(mail.html()).contains("<strong>TRK00000000000000AB</strong>");
        Notification notification = awaitSent(orderId, NotificationKind.ORDER_CONFIRMED);
        assertThat(notification.recipient()).isEqualTo(customer);
        assertThat(notification.attempts()).isEqualTo(1);
        // The same Message-ID on every attempt: a copy sent twice is recognisably the same e-mail.
        assertThat(mail.messageId()).isEqualTo("<" + notification.id() + "@ordersaga.example>");
        // For machines: which order and which kind, without parsing the subject.
        assertThat(mail.orderIdHeader()).isEqualTo(orderId.toString());
        assertThat(mail.kindHeader()).isEqualTo("ORDER_CONFIRMED");
    }

    @Test
    void leavesTheTrackingNumberOutOfAConfirmationWhenItIsUnknown() {
        UUID orderId = UUID.randomUUID();
        String customer = Mailbox.newRecipient("untracked");

        saga.publish(ORDERS_EVENTS, orderConfirmed(orderId, customer, null));

        ReceivedMail mail = mailbox.awaitMailFor(customer, PATIENCE);
        assertThat(mail.text())
                .contains(orderId.toString())
                .doesNotContain("tracking")
                .doesNotContain("null");
        assertThat(mail.html())
                .contains(orderId.toString())
                .doesNotContain("tracking")
                .doesNotContain("null");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "OUT_OF_STOCK         | An item in your order is out of stock.",
                "PAYMENT_DECLINED     | Your payment was declined.",
                "SHIPPING_UNAVAILABLE | We cannot deliver to your shipping address.",
                "CUSTOMER_REQUEST     | You asked us to cancel it.",
                "TIMEOUT              | We could not complete it in time.",
                "UNKNOWN              | We could not complete it."
            })
    void emailsTheCancellationWithItsReasonInWords(CancellationReason reason, String inWords) {
        UUID orderId = UUID.randomUUID();
        String customer = Mailbox.newRecipient("cancelled");

        saga.publish(ORDERS_EVENTS, orderCancelled(orderId, customer, reason));

        ReceivedMail mail = mailbox.awaitMailFor(customer, PATIENCE);
        assertThat(mail.subject()).isEqualTo("Your order " + orderId.toString().substring(0, 8) + " was cancelled");
        assertThat(List.of(mail.text(), mail.html())).allSatisfy(part -> assertThat(part)
                .contains(orderId.toString())
                .contains(inWords)
                .contains("EUR 120.50")
                .doesNotContain(reason.name()));
    }

    @Test
    void emailsTheScheduledShipmentWithCarrierTrackingNumberAndDeliveryDay() {
        UUID orderId = UUID.randomUUID();
        String customer = Mailbox.newRecipient("shipped");

        saga.publish(ORDERS_EVENTS, orderConfirmed(orderId, customer, "TRK0123456789ABCDEF"));
        saga.publish(SHIPMENTS_EVENTS, shipmentScheduled(orderId, customer, LocalDate.of(2026, 12, 4)));

        awaitSent(orderId, NotificationKind.SHIPMENT_SCHEDULED);
        ReceivedMail mail = mailbox.mailFor(customer).stream()
                .filter(received -> "SHIPMENT_SCHEDULED".equals(received.kindHeader()))
                .findFirst()
                .orElseThrow();
        assertThat(mail.subject())
                .isEqualTo("Your order " + orderId.toString().substring(0, 8) + " ships with Royal Mail");
        assertThat(List.of(mail.text(), mail.html())).allSatisfy(part -> assertThat(part)
                .contains(orderId.toString())
                .contains("Royal Mail")
                .contains("TRK0123456789ABCDEF")
                .contains("Friday 4 December 2026"));
        assertThat(awaitSent(orderId, NotificationKind.SHIPMENT_SCHEDULED).attempts())
                .isEqualTo(1);
    }

    @Test
    void holdsTheShipmentNoticeUntilTheOrderIsConfirmed() {
        UUID orderId = UUID.randomUUID();
        String customer = Mailbox.newRecipient("held");
        var scheduled = shipmentScheduled(orderId, customer, LocalDate.of(2026, 12, 4));

        saga.publish(SHIPMENTS_EVENTS, scheduled);

        await().atMost(PATIENCE).until(() -> saga.processed(scheduled));
        assertThat(log.ofOrder(orderId)).singleElement().satisfies(notice -> {
            assertThat(notice.kind()).isEqualTo(NotificationKind.SHIPMENT_SCHEDULED);
            assertThat(notice.status()).isEqualTo(NotificationStatus.HELD);
            assertThat(notice.nextAttemptAt()).isEmpty();
        });

        saga.publish(ORDERS_EVENTS, orderConfirmed(orderId, customer, "TRK0123456789ABCDEF"));

        awaitSent(orderId, NotificationKind.SHIPMENT_SCHEDULED);
        awaitSent(orderId, NotificationKind.ORDER_CONFIRMED);
        assertThat(mailbox.mailFor(customer))
                .extracting(ReceivedMail::kindHeader)
                .containsExactlyInAnyOrder("ORDER_CONFIRMED", "SHIPMENT_SCHEDULED");
    }

    @Test
    void withdrawsTheHeldShipmentNoticeOfAnOrderThatIsCancelledInstead() {
        UUID orderId = UUID.randomUUID();
        String customer = Mailbox.newRecipient("shipped-then-cancelled");
        var scheduled = shipmentScheduled(orderId, customer, LocalDate.of(2026, 12, 4));
        saga.publish(SHIPMENTS_EVENTS, scheduled);
        await().atMost(PATIENCE).until(() -> saga.processed(scheduled));

        saga.publish(ORDERS_EVENTS, orderCancelled(orderId, customer, CancellationReason.CUSTOMER_REQUEST));

        awaitSent(orderId, NotificationKind.ORDER_CANCELLED);
        assertThat(log.ofOrder(orderId))
                .filteredOn(notification -> notification.kind() == NotificationKind.SHIPMENT_SCHEDULED)
                .singleElement()
                .satisfies(notice -> assertThat(notice.status()).isEqualTo(NotificationStatus.WITHDRAWN));
        assertThat(mailbox.mailFor(customer))
                .extracting(ReceivedMail::kindHeader)
                .containsExactly("ORDER_CANCELLED");
    }

    @Test
    void neverAnnouncesAShipmentScheduledAfterItsOrderWasCancelled() {
        UUID orderId = UUID.randomUUID();
        String customer = Mailbox.newRecipient("cancelled-then-shipped");
        saga.publish(ORDERS_EVENTS, orderCancelled(orderId, customer, CancellationReason.TIMEOUT));
        awaitSent(orderId, NotificationKind.ORDER_CANCELLED);

        var scheduled = shipmentScheduled(orderId, customer, LocalDate.of(2026, 12, 4));
        saga.publish(SHIPMENTS_EVENTS, scheduled);

        await().atMost(PATIENCE).until(() -> saga.processed(scheduled));
        assertThat(log.ofOrder(orderId))
                .extracting(Notification::kind, Notification::status)
                .containsExactlyInAnyOrder(
                        tuple(NotificationKind.ORDER_CANCELLED, NotificationStatus.SENT),
                        tuple(NotificationKind.SHIPMENT_SCHEDULED, NotificationStatus.WITHDRAWN));
        assertThat(mailbox.mailFor(customer))
                .extracting(ReceivedMail::kindHeader)
                .containsExactly("ORDER_CANCELLED");
    }

    @Test
    void sendsOneEmailPerKindWhenEventsAreDeliveredAgain() {
        UUID orderId = UUID.randomUUID();
        String customer = Mailbox.newRecipient("redelivered");
        var confirmed = orderConfirmed(orderId, customer, "TRK00000000000000CD");
        double duplicatesBefore = duplicates();

        // The same event twice (the inbox stops it), then the same confirmation under a new event id
        // (the notification's unique key stops it). Same key, same partition: handled in this order.
        saga.publishTwice(ORDERS_EVENTS, confirmed);
        var confirmedAgain = orderConfirmed(orderId, customer, "TRK00000000000000CD");
        saga.publish(ORDERS_EVENTS, confirmedAgain);

        await().atMost(PATIENCE).until(() -> saga.processed(confirmed) && saga.processed(confirmedAgain));
        Notification notification = awaitSent(orderId, NotificationKind.ORDER_CONFIRMED);
        assertThat(notification.causationId()).isEqualTo(confirmed.getEnvelope().getEventId());
        assertThat(log.ofOrder(orderId)).singleElement();
        // SENT is final and the only row of the order: no second e-mail can follow.
        assertThat(mailbox.mailFor(customer)).hasSize(1);
        assertThat(duplicates() - duplicatesBefore).isEqualTo(1.0);
    }

    @Test
    void skipsOrderEventsItSendsNothingForWithoutDeadLetteringThem() {
        UUID orderId = UUID.randomUUID();
        String customer = Mailbox.newRecipient("placed");
        var placed = Events.orderPlaced(orderId);

        saga.publish(ORDERS_EVENTS, placed);
        saga.publish(ORDERS_EVENTS, orderConfirmed(orderId, customer, null));

        // Same partition: the confirmation is handled only after the OrderPlaced was dealt with.
        mailbox.awaitMailFor(customer, PATIENCE);
        assertThat(log.ofOrder(orderId))
                .extracting(Notification::kind)
                .containsExactly(NotificationKind.ORDER_CONFIRMED);
        assertThat(saga.deadLettersOf(ORDERS_EVENTS, orderId)).isEmpty();
    }

    @Test
    void deadLettersAPoisonEventAndHandlesTheNextOneOnThePartition() {
        UUID orderId = UUID.randomUUID();
        String customer = Mailbox.newRecipient("after-poison");
        byte[] garbage = "not an Avro event".getBytes(StandardCharsets.UTF_8);

        saga.publishGarbage(ORDERS_EVENTS, orderId, garbage);
        saga.publish(ORDERS_EVENTS, orderConfirmed(orderId, customer, null));

        mailbox.awaitMailFor(customer, PATIENCE);
        await().atMost(PATIENCE)
                .until(() -> !saga.deadLettersOf(ORDERS_EVENTS, orderId).isEmpty());
        var deadLetter = saga.deadLettersOf(ORDERS_EVENTS, orderId).getFirst();
        assertThat(deadLetter.value()).isEqualTo(garbage);
        assertThat(new String(
                        deadLetter
                                .headers()
                                .lastHeader("kafka_dlt-original-consumer-group")
                                .value(),
                        StandardCharsets.UTF_8))
                .isEqualTo("notification");
    }

    private Notification awaitSent(UUID orderId, NotificationKind kind) {
        await().atMost(PATIENCE).until(() -> log.ofOrder(orderId).stream()
                .anyMatch(n -> n.kind() == kind && n.status() == NotificationStatus.SENT));
        return log.ofOrder(orderId).stream()
                .filter(n -> n.kind() == kind)
                .findFirst()
                .orElseThrow();
    }

    private double duplicates() {
        var counter = meters.find("notifications.duplicates")
                .tag("kind", NotificationKind.ORDER_CONFIRMED.name())
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
