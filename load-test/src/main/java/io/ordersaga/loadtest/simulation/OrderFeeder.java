package io.ordersaga.loadtest.simulation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The orders of the load, endlessly: each a POST /orders body whose content makes the saga take its
 * {@link Outcome} (SPEC.md's deterministic rules), with the outcome beside it. Lines are spread over
 * the demo catalog's ten stocked SKUs (1,000,000 units each) so a long run never runs out of stock by
 * accident; prices are the catalog's, totals stay far below the payment limit (5,000).
 *
 * <p>Seeded, so the same settings place the same orders. Gatling's virtual users share one feeder;
 * {@link #next()} is synchronized.
 */
final class OrderFeeder implements Iterator<Map<String, Object>> {

    /** Gatling session keys. */
    static final String OUTCOME = "outcome";

    static final String BODY = "body";

    private record Product(String sku, BigDecimal price) {}

    private static final List<Product> STOCKED = List.of(
            new Product("BOOK-001", new BigDecimal("49.90")),
            new Product("BOOK-002", new BigDecimal("44.90")),
            new Product("BOOK-003", new BigDecimal("54.90")),
            new Product("MUG-001", new BigDecimal("12.50")),
            new Product("SHIRT-001", new BigDecimal("19.99")),
            new Product("STICKER-001", new BigDecimal("4.99")),
            new Product("POSTER-001", new BigDecimal("14.90")),
            new Product("KEYBOARD-001", new BigDecimal("89.00")),
            new Product("HEADSET-001", new BigDecimal("129.00")),
            new Product("LAPTOP-STAND-001", new BigDecimal("39.00")));

    private static final Product SOLD_OUT = new Product("OUT-OF-STOCK-001", new BigDecimal("99.00"));

    /** shipping-service's default {@code shipping.carriers}. */
    private static final List<String> SERVED_COUNTRIES = List.of("DE", "AT", "FR", "NL", "BE", "ES", "IT", "GB", "US");

    /** A valid ISO 3166 code (the order API checks it) that shipping does not serve. */
    private static final String UNSERVED_COUNTRY = "JP";

    private static final String ACCEPTED_TOKEN = "tok_visa";
    private static final String DECLINED_TOKEN = "tok_decline_load_test";
    private static final int CUSTOMERS = 1000;
    private static final int MAX_LINES = 3;
    private static final int MAX_QUANTITY = 2;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Supplier<Outcome> outcomes;
    private final Random random;
    private long placed;

    OrderFeeder(OutcomeMix mix, long seed) {
        this.outcomes = mix.sequence();
        this.random = new Random(seed);
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public synchronized Map<String, Object> next() {
        Outcome outcome = outcomes.get();
        placed++;
        return Map.of(OUTCOME, outcome.name(), BODY, JSON.writeValueAsString(body(outcome)));
    }

    private Map<String, Object> body(Outcome outcome) {
        var lines = new ArrayList<Map<String, Object>>();
        int count = 1 + random.nextInt(MAX_LINES);
        int first = random.nextInt(STOCKED.size());
        for (int i = 0; i < count; i++) {
            lines.add(line(STOCKED.get((first + i) % STOCKED.size())));
        }
        if (outcome == Outcome.OUT_OF_STOCK) {
            lines.add(line(SOLD_OUT));
        }
        long customer = placed % CUSTOMERS;
        var body = new LinkedHashMap<String, Object>();
        body.put("customerId", "load-customer-" + customer);
        body.put("customerEmail", "load-customer-" + customer + "@example.org");
        body.put("lines", lines);
        body.put("currency", "EUR");
        body.put(
                "shippingAddress",
                Map.of(
                        "recipientName",
                        "Load Tester " + customer,
                        "street",
                        "Saga Street " + (1 + customer % 200),
                        "city",
                        "Berlin",
                        "postalCode",
                        "10115",
                        "country",
                        outcome == Outcome.SHIPPING_UNAVAILABLE
                                ? UNSERVED_COUNTRY
                                : SERVED_COUNTRIES.get(random.nextInt(SERVED_COUNTRIES.size()))));
        body.put("paymentToken", outcome == Outcome.PAYMENT_DECLINED ? DECLINED_TOKEN : ACCEPTED_TOKEN);
        return body;
    }

    private Map<String, Object> line(Product product) {
        return Map.of("sku", product.sku(), "quantity", 1 + random.nextInt(MAX_QUANTITY), "unitPrice", product.price());
    }
}
