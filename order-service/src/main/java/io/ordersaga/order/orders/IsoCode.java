package io.ordersaga.order.orders;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The value is null or a code of the given ISO standard (null is for {@code @NotNull} to judge). */
@Documented
@Constraint(validatedBy = IsoCode.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoCode {

    Standard value();

    String message() default "must be a valid ISO code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    enum Standard {
        /** Alphabetic currency code, e.g. EUR. */
        ISO_4217(Currency.getAvailableCurrencies().stream()
                .map(Currency::getCurrencyCode)
                .collect(Collectors.toUnmodifiableSet())),
        /** Country code, alpha-2, e.g. DE. */
        ISO_3166_ALPHA_2(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

        private final Set<String> codes;

        Standard(Set<String> codes) {
            this.codes = codes;
        }
    }

    class Validator implements ConstraintValidator<IsoCode, String> {

        private Standard standard;

        @Override
        public void initialize(IsoCode annotation) {
            standard = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || standard.codes.contains(value);
        }
    }
}
