package io.ordersaga.order.orders;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * The body of POST /orders. The limits keep every total within the events' decimal(15, 2): at most
 * {@value #MAX_LINES} lines of at most {@value #MAX_QUANTITY} units under 10^8 each.
 */
record PlaceOrderRequest(
        @NotBlank @Size(max = 64) String customerId,
        @NotBlank @Email @Size(max = 254) String customerEmail,
        @NotEmpty @Size(max = MAX_LINES) List<@NotNull @Valid Line> lines,

        @IsoCode(value = IsoCode.Standard.ISO_4217, message = "must be an ISO 4217 currency code")
        String currency,

        @NotNull @Valid Address shippingAddress,
        @NotBlank @Size(max = 128) String paymentToken) {

    static final int MAX_LINES = 100;
    static final int MAX_QUANTITY = 1000;

    record Line(
            @NotBlank @Size(max = 64) String sku,
            @NotNull @Positive @Max(MAX_QUANTITY) Integer quantity,

            @NotNull @PositiveOrZero @Digits(integer = 8, fraction = 2)
            BigDecimal unitPrice) {}

    record Address(
            @NotBlank @Size(max = 200) String recipientName,
            @NotBlank @Size(max = 200) String street,
            @NotBlank @Size(max = 100) String city,
            @NotBlank @Size(max = 20) String postalCode,

            @NotNull
            @IsoCode(value = IsoCode.Standard.ISO_3166_ALPHA_2, message = "must be an ISO 3166-1 alpha-2 country code")
            String country) {}

    PlaceOrder toCommand(String defaultCurrency) {
        return new PlaceOrder(
                customerId,
                customerEmail,
                lines.stream()
                        .map(line -> new OrderLine(line.sku(), line.quantity(), line.unitPrice()))
                        .toList(),
                currency == null ? defaultCurrency : currency,
                new ShippingAddress(
                        shippingAddress.recipientName(),
                        shippingAddress.street(),
                        shippingAddress.city(),
                        shippingAddress.postalCode(),
                        shippingAddress.country()),
                paymentToken);
    }
}
