package io.ordersaga.search.query;

import io.ordersaga.search.projection.OrderStatus;
import io.ordersaga.web.ProblemDetailsHandler.InvalidField;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A validated query of the read model: the parameters of {@code GET /search/orders} (and the
 * filters of {@code /stats}), parsed all at once so a 400 names every bad parameter.
 *
 * @param text full text over customer id, e-mail, SKUs and tracking number
 * @param status order status
 * @param customerId exact customer id
 * @param from placed at or after (inclusive)
 * @param to placed before (exclusive)
 * @param minTotal total at least
 * @param maxTotal total at most
 * @param sort the field to sort by, as stored
 * @param descending sort direction
 * @param page zero-based page
 * @param size page size
 */
public record OrderQuery(
        String text,
        OrderStatus status,
        String customerId,
        Instant from,
        Instant to,
        BigDecimal minTotal,
        BigDecimal maxTotal,
        String sort,
        boolean descending,
        int page,
        int size) {

    /** The sortable fields: the API's name to the document field. */
    static final Map<String, String> SORT_FIELDS = Map.of(
            "placedAt", "placedAt",
            "total", "total",
            "status", "status",
            "customerId", "customerId",
            "lastEventAt", "lastEventAt");

    static final String DEFAULT_SORT = "placedAt";

    /** The raw parameters, as the request has them (null when absent). */
    record Parameters(
            String q,
            String status,
            String customerId,
            String from,
            String to,
            String minTotal,
            String maxTotal,
            String sort,
            String page,
            String size) {}

    static OrderQuery parse(Parameters raw, QuerySettings limits) {
        var errors = new ArrayList<InvalidField>();
        String text = blankToNull(raw.q());
        OrderStatus status = null;
        if (blankToNull(raw.status()) != null) {
            try {
                status = OrderStatus.valueOf(raw.status().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidField("status", "must be one of " + Arrays.toString(OrderStatus.values())));
            }
        }
        Instant from = instant("from", raw.from(), errors);
        Instant to = instant("to", raw.to(), errors);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new InvalidField("from", "must be before to"));
        }
        BigDecimal minTotal = amount("minTotal", raw.minTotal(), errors);
        BigDecimal maxTotal = amount("maxTotal", raw.maxTotal(), errors);
        if (minTotal != null && maxTotal != null && minTotal.compareTo(maxTotal) > 0) {
            errors.add(new InvalidField("minTotal", "must not exceed maxTotal"));
        }
        String sort = DEFAULT_SORT;
        boolean descending = true;
        if (blankToNull(raw.sort()) != null) {
            String[] parts = raw.sort().trim().split(",", -1);
            String field = parts[0].trim();
            String direction = parts.length > 1 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
            if (!SORT_FIELDS.containsKey(field)) {
                errors.add(new InvalidField(
                        "sort",
                        "must be one of "
                                + SORT_FIELDS.keySet().stream().sorted().collect(Collectors.joining(", "))
                                + ", optionally followed by ,asc or ,desc"));
            } else if (parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
                errors.add(new InvalidField("sort", "direction must be asc or desc"));
            } else {
                sort = SORT_FIELDS.get(field);
                descending = direction.equals("desc");
            }
        }
        int page = integer("page", raw.page(), 0, errors);
        int size = integer("size", raw.size(), limits.defaultSize(), errors);
        if (page < 0) {
            errors.add(new InvalidField("page", "must be 0 or more"));
        }
        if (size < 1 || size > limits.maxSize()) {
            errors.add(new InvalidField("size", "must be between 1 and " + limits.maxSize()));
        }
        if (page >= 0 && size >= 1 && size <= limits.maxSize() && (long) (page + 1) * size > limits.maxWindow()) {
            errors.add(new InvalidField("page", "pages beyond result " + limits.maxWindow() + " are not served"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidQueryException(errors);
        }
        return new OrderQuery(
                text,
                status,
                blankToNull(raw.customerId()),
                from,
                to,
                minTotal,
                maxTotal,
                sort,
                descending,
                page,
                size);
    }

    /** An ISO-8601 instant ({@code 2026-11-25T10:15:00Z}, or with an offset) or a date (its start, UTC). */
    private static Instant instant(String name, String value, List<InvalidField> errors) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                errors.add(new InvalidField(
                        name,
                        "must be an ISO-8601 date-time such as 2026-11-25T10:15:00Z, or a date such as 2026-11-25"));
                return null;
            }
        }
    }

    private static BigDecimal amount(String name, String value, List<InvalidField> errors) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text);
            if (amount.signum() < 0) {
                errors.add(new InvalidField(name, "must not be negative"));
            }
            return amount;
        } catch (NumberFormatException e) {
            errors.add(new InvalidField(name, "must be a number"));
            return null;
        }
    }

    private static int integer(String name, String value, int absent, List<InvalidField> errors) {
        String text = blankToNull(value);
        if (text == null) {
            return absent;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            errors.add(new InvalidField(name, "must be an integer"));
            return absent;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
