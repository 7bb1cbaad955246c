package io.ordersaga.inventory.web;

import io.ordersaga.inventory.products.ProductNotFoundException;
import io.ordersaga.inventory.products.StockBelowReservedException;
import io.ordersaga.web.ProblemDetailsHandler;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error of the web layer as an RFC 9457 problem detail. Validation, binding and parsing errors
 * come from {@link ProblemDetailsHandler}; this adds the catalog's own: an unknown product, and stock
 * below the reserved units (named in the same {@code errors} array).
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ProblemDetailsHandler {

    @ExceptionHandler
    ProblemDetail productNotFound(ProductNotFoundException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Unknown product");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail stockBelowReserved(StockBelowReservedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty(
                ERRORS,
                List.of(new InvalidField(
                        "onHand", "must be at least " + e.reserved() + ", the units reserved for running orders")));
        return problem;
    }
}
