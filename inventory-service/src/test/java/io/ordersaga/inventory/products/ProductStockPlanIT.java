package io.ordersaga.inventory.products;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordersaga.inventory.support.InventoryIntegrationTest;
import io.ordersaga.inventory.support.StockFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@InventoryIntegrationTest
class ProductStockPlanIT {

    /** Past the driver's prepareThreshold (5), after which a statement is prepared on the server. */
    private static final int CALLS = 12;

    @Autowired
    ProductStock stock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void theStockStatementsAreNotPlannedAgainForEachCall() {
        var fixtures = new StockFixtures(jdbc);
        var skus = List.of(fixtures.product(1_000), fixtures.product(1_000));

        // One transaction: one connection, whose server-side prepared statements the view lists.
        List<Map<String, Object>> plans = transaction.execute(status -> {
            for (int call = 0; call < CALLS; call++) {
                var levels = stock.lock(skus);
                stock.save(levels.stream()
                        .map(level -> new StockLevel(level.sku(), level.onHand(), level.reserved() + 1))
                        .toList());
            }
            return jdbc.queryForList("""
                    select statement, generic_plans, custom_plans from pg_prepared_statements
                    where statement like 'select sku, on_hand, reserved from products%'
                       or statement like 'update products p set on_hand%'
                    """);
        });

        assertThat(plans).hasSize(2).allSatisfy(plan -> {
            assertThat(((Number) plan.get("custom_plans")).longValue())
                    .as("plans made for one call's values: %s", plan.get("statement"))
                    .isZero();
            assertThat(((Number) plan.get("generic_plans")).longValue()).isPositive();
        });
        assertThat(fixtures.stock(skus.getFirst())).isEqualTo(new StockFixtures.Stock(1_000, CALLS));
    }
}
