package io.ordersaga.notification.web;

import io.ordersaga.web.ProblemDetailsHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error of the web layer as an RFC 9457 problem detail, with an {@code errors} array of
 * {@code {field, message}} naming each invalid field: all of it from {@link ProblemDetailsHandler}.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ProblemDetailsHandler {}
