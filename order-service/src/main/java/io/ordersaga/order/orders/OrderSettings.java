package io.ordersaga.order.orders;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code orders.*}: the currency of an order whose request names none. */
@ConfigurationProperties("orders")
record OrderSettings(@DefaultValue("EUR") String defaultCurrency) {}
