package io.ordersaga.order.support;

/** Request bodies for POST /orders, as JSON text so tests can also send what no DTO could. */
public final class OrderRequests {

    private OrderRequests() {}

    public static String valid() {
        return valid("customer-1", 2);
    }

    public static String valid(String customerId, int quantity) {
        return """
                {
                  "customerId": "%s",
                  "customerEmail": "ada@example.com",
                  "lines": [
                    {"sku": "SKU-1", "quantity": %d, "unitPrice": 10.25},
                    {"sku": "SKU-2", "quantity": 1, "unitPrice": "5.00"}
                  ],
                  "currency": "EUR",
                  "shippingAddress": {
                    "recipientName": "Ada Lovelace",
                    "street": "1 Main St",
                    "city": "Berlin",
                    "postalCode": "10115",
                    "country": "DE"
                  },
                  "paymentToken": "tok_visa"
                }
                """.formatted(customerId, quantity);
    }
}
