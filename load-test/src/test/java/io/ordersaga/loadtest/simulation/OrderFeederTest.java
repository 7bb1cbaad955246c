package io.ordersaga.loadtest.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OrderFeederTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void buildsEachOrderSoTheSagaTakesItsOutcomesPath() {
        var feeder = new OrderFeeder(OutcomeMix.DEFAULT, 7);
        for (int i = 0; i < 500; i++) {
            Map<String, Object> order = feeder.next();
            var outcome = Outcome.valueOf((String) order.get(OrderFeeder.OUTCOME));
            JsonNode body = JSON.readTree((String) order.get(OrderFeeder.BODY));
            List<String> skus = new ArrayList<>();
            body.get("lines").forEach(line -> skus.add(line.get("sku").asString()));
            String country = body.get("shippingAddress").get("country").asString();
            String token = body.get("paymentToken").asString();

            assertThat(skus.contains("OUT-OF-STOCK-001")).isEqualTo(outcome == Outcome.OUT_OF_STOCK);
            assertThat(token.startsWith("tok_decline")).isEqualTo(outcome == Outcome.PAYMENT_DECLINED);
            assertThat(country.equals("JP")).isEqualTo(outcome == Outcome.SHIPPING_UNAVAILABLE);
            assertThat(skus).doesNotHaveDuplicates();
        }
    }

    @Test
    void keepsEveryOrderWithinTheApisLimitsAndFarBelowThePaymentLimit() {
        var feeder = new OrderFeeder(OutcomeMix.DEFAULT, 7);
        for (int i = 0; i < 500; i++) {
            JsonNode body = JSON.readTree((String) feeder.next().get(OrderFeeder.BODY));
            double total = 0;
            for (JsonNode line : body.get("lines")) {
                int quantity = line.get("quantity").asInt();
                assertThat(quantity).isBetween(1, 2);
                total += quantity * line.get("unitPrice").asDouble();
            }
            assertThat(body.get("lines").size()).isBetween(1, 4);
            assertThat(total).isLessThan(5000);
            assertThat(body.get("customerEmail").asString()).contains("@");
        }
    }

    @Test
    void placesTheSameOrdersForTheSameSeed() {
        var first = new OrderFeeder(OutcomeMix.DEFAULT, 42);
        var second = new OrderFeeder(OutcomeMix.DEFAULT, 42);
        for (int i = 0; i < 50; i++) {
            assertThat(first.next()).isEqualTo(second.next());
        }
    }
}
