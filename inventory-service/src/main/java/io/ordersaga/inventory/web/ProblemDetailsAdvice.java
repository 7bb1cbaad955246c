package io.ordersaga.inventory.web;

import io.ordersaga.inventory.products.ProductNotFoundException;
import io.ordersaga.inventory.products.StockBelowReservedException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of the web layer as an RFC 9457 problem detail ({@code application/problem+json}).
 * Spring MVC's own exceptions come from the base class; this adds an {@code errors} array of
 * {@code {field, message}} naming each invalid field, for Bean Validation failures, bodies Jackson
 * cannot bind, and stock below the reserved units.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    static final String ERRORS = "errors";

    record InvalidField(String field, String message) {}

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

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = ex.getBody();
        problem.setTitle("Invalid request");
        problem.setDetail("The request has invalid fields.");
        var errors = ex.getBindingResult().getAllErrors().stream()
                .map(error -> new InvalidField(
                        error instanceof FieldError field ? field.getField() : error.getObjectName(),
                        Optional.ofNullable(error.getDefaultMessage()).orElse("is invalid")))
                .sorted(Comparator.comparing(InvalidField::field).thenComparing(InvalidField::message))
                .toList();
        problem.setProperty(ERRORS, errors);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = ProblemDetail.forStatus(status);
        problem.setTitle("Unreadable request body");
        var jackson = cause(ex, JacksonException.class);
        if (jackson.isEmpty()) {
            problem.setDetail("The request body is missing or cannot be read.");
        } else if (jackson.get() instanceof UnrecognizedPropertyException unknown) {
            problem.setDetail("The request body has a property this API does not know.");
            problem.setProperty(
                    ERRORS,
                    List.of(new InvalidField(path(unknown), "unknown property '" + unknown.getPropertyName() + "'")));
        } else if (jackson.get() instanceof MismatchedInputException mismatch) {
            problem.setDetail("A property of the request body has the wrong type.");
            problem.setProperty(ERRORS, List.of(new InvalidField(path(mismatch), "has the wrong type")));
        } else {
            problem.setDetail("The request body is not valid JSON.");
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** The JSON path of the offending property, as Bean Validation names fields. */
    private static String path(JacksonException e) {
        var path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            }
        }
        return path.toString();
    }

    private static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
        for (var current = e; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return Optional.of(type.cast(current));
            }
        }
        return Optional.empty();
    }
}
