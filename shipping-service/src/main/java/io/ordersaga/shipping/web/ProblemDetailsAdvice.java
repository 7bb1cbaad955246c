package io.ordersaga.shipping.web;

import java.util.List;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the web layer as an RFC 9457 problem detail, with an {@code errors} array of
 * {@code {field, message}} naming the parameter at fault (a missing or malformed {@code orderId}).
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    static final String ERRORS = "errors";

    record InvalidField(String field, String message) {}

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        var problem = ex.getBody();
        problem.setTitle("Invalid request");
        problem.setDetail("Required parameter '" + ex.getParameterName() + "' is missing.");
        problem.setProperty(ERRORS, List.of(new InvalidField(ex.getParameterName(), "is required")));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = ProblemDetail.forStatus(status);
        problem.setTitle("Invalid request");
        String field = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        String expected = ex.getRequiredType() == null
                ? "has the wrong type"
                : "must be a " + ex.getRequiredType().getSimpleName();
        problem.setDetail("Parameter '" + field + "' " + expected + ".");
        problem.setProperty(ERRORS, List.of(new InvalidField(field, expected)));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }
}
