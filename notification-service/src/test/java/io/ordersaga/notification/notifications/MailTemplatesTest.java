package io.ordersaga.notification.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The real templates, rendered by the real engine: what each part says, and that HTML is escaped. */
class MailTemplatesTest {

    private static final UUID ORDER = UUID.fromString("5f0c7a1e-2b1d-4d7e-9a55-0c1f3f1e8a11");

    private final MailTemplates templates = new MailTemplates();

    @Test
    void rendersAConfirmationWithItsTrackingNumber() {
        var mail = templates.render(confirmation(Optional.of("TRK00000000000000AB")));

        assertThat(mail.subject()).isEqualTo("Your order 5f0c7a1e is confirmed");
        assertThat(mail.text())
                .contains("your order " + ORDER + " is confirmed")
                .contains("Total charged: EUR 120.50")
                .contains("tracking number: TRK00000000000000AB")
                .doesNotContain("<");
        assertThat(mail.html())
                .startsWith("<!DOCTYPE html>")
                .contains("<title>Your order 5f0c7a1e is confirmed</title>")
                .contains("<strong>TRK00000000000000AB</strong>")
                .doesNotContain("th:");
    }

    @Test
    void leavesTheTrackingLineOutWhenTheNumberIsUnknown() {
        var mail = templates.render(confirmation(Optional.empty()));

        assertThat(mail.text()).doesNotContain("tracking").doesNotContain("null");
        assertThat(mail.html()).doesNotContain("tracking").doesNotContain("null");
    }

    @Test
    void rendersACancellationWithItsReasonInWords() {
        var mail = templates.render(new OrderCancellation(
                ORDER,
                UUID.randomUUID(),
                "ada@customer.example",
                CancellationReason.OUT_OF_STOCK,
                new BigDecimal("7.00"),
                "EUR"));

        assertThat(mail.subject()).isEqualTo("Your order 5f0c7a1e was cancelled");
        assertThat(mail.text())
                .contains("An item in your order is out of stock.")
                .contains("EUR 7.00");
        assertThat(mail.html())
                .contains("An item in your order is out of stock.")
                .contains("EUR 7.00");
    }

    @Test
    void rendersAShipmentWithCarrierTrackingNumberAndDeliveryDay() {
        var mail = templates.render(new ShipmentNotice(
                ORDER,
                UUID.randomUUID(),
                "ada@customer.example",
                "Royal Mail",
                "TRK0123456789ABCDEF",
                LocalDate.of(2026, 12, 4)));

        assertThat(mail.subject()).isEqualTo("Your order 5f0c7a1e ships with Royal Mail");
        assertThat(mail.text())
                .contains("on its way to you with Royal Mail")
                .contains("Tracking number: TRK0123456789ABCDEF")
                .contains("Expected delivery: Friday 4 December 2026");
        assertThat(mail.html()).contains("<strong>Friday 4 December 2026</strong>");
    }

    @Test
    void escapesValuesInTheHtmlPart() {
        var mail = templates.render(new ShipmentNotice(
                ORDER,
                UUID.randomUUID(),
                "ada@customer.example",
                "<b>Parcels & Co</b>",
                "TRK1",
                LocalDate.of(2026, 12, 4)));

        assertThat(mail.html()).contains("&lt;b&gt;Parcels &amp; Co&lt;/b&gt;").doesNotContain("<b>Parcels");
        assertThat(mail.text()).contains("<b>Parcels & Co</b>");
    }

    private static OrderConfirmation confirmation(Optional<String> trackingNumber) {
        return new OrderConfirmation(
                ORDER, UUID.randomUUID(), "ada@customer.example", new BigDecimal("120.50"), "EUR", trackingNumber);
    }
}
