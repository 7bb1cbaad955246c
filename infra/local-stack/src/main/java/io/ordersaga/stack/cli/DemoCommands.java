package io.ordersaga.stack.cli;

import java.util.List;

/**
 * The copy-paste commands the stack prints once it is up: an order that is confirmed, one whose
 * payment is declined (SPEC: a token starting with {@code tok_decline}), and a look-up of the first.
 * They run in bash or zsh; the first keeps the order's id in {@code ORDER_ID} for the third.
 */
record DemoCommands(String orderServiceUrl) {

    private static final String ORDER = """
            {"customerId":"ada","customerEmail":"ada@example.org",\
            "lines":[{"sku":"BOOK-001","quantity":1,"unitPrice":49.90}],"currency":"EUR",\
            "shippingAddress":{"recipientName":"Ada Lovelace","street":"12 Analytical Way","city":"Berlin",\
            "postalCode":"10115","country":"DE"},"paymentToken":"%s"}""";

    String placeConfirmedOrder() {
        return "ORDER_ID=$(" + post("tok_visa")
                + " | sed -E 's/.*\"orderId\":\"([^\"]+)\".*/\\1/'); echo \"$ORDER_ID\"";
    }

    String placeDeclinedOrder() {
        return post("tok_decline_demo") + "; echo";
    }

    String lookUpOrder() {
        return "curl -s " + orderServiceUrl + "/orders/$ORDER_ID; echo";
    }

    List<String> all() {
        return List.of(placeConfirmedOrder(), placeDeclinedOrder(), lookUpOrder());
    }

    private String post(String paymentToken) {
        return "curl -s -X POST " + orderServiceUrl + "/orders -H 'Content-Type: application/json' -d '"
                + ORDER.formatted(paymentToken) + "'";
    }
}
