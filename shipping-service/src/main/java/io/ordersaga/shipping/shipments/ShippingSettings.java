package io.ordersaga.shipping.shipments;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shipping.*}: the deterministic outcome rule of SPEC.md (a destination outside the served
 * countries fails), and how a shipment is booked.
 *
 * @param carriers the served countries (ISO 3166-1 alpha-2) and the carrier that delivers to each:
 *     one table, so a served country without a carrier cannot be configured
 * @param deliveryDays days from booking to the estimated delivery
 */
@ConfigurationProperties("shipping")
public record ShippingSettings(
        Map<String, String> carriers, @DefaultValue("3") int deliveryDays) {

    public ShippingSettings {
        if (carriers == null || carriers.isEmpty()) {
            throw new IllegalArgumentException("shipping.carriers must name at least one served country");
        }
        // Environment variables and some property sources lower-case map keys: country codes are upper case.
        carriers = carriers.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        entry -> entry.getKey().toUpperCase(Locale.ROOT), Map.Entry::getValue));
        if (deliveryDays < 0) {
            throw new IllegalArgumentException("shipping.delivery-days must not be negative, was " + deliveryDays);
        }
    }

    /** The carrier delivering to {@code country}, or empty when the country is not served. */
    Optional<String> carrierFor(String country) {
        return Optional.ofNullable(carriers.get(country.toUpperCase(Locale.ROOT)));
    }
}
