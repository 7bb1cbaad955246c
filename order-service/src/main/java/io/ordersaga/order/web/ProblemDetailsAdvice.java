package io.ordersaga.order.web;

import io.ordersaga.web.ProblemDetailsHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error of the web layer as an RFC 9457 problem detail, with an {@code errors} array of
 * {@code {field, message}} naming each invalid field: all of it from {@link ProblemDetailsHandler}.
 * The order's own errors (unknown order 404, not cancellable 409, Idempotency-Key reused 422 or
 * invalid 400) are {@code OrderController}'s handlers; a body over the limit gets its 413 from
 * {@link RequestBodyLimitFilter}, before Spring MVC.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ProblemDetailsHandler {}
