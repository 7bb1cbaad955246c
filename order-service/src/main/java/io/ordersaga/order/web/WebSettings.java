package io.ordersaga.order.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** {@code orders.web.*}: the largest request body accepted (a larger one gets 413). */
@ConfigurationProperties("orders.web")
record WebSettings(@DefaultValue("64KB") DataSize maxRequestBody) {}
