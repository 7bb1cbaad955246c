package io.ordersaga.web;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of a service's web layer as an RFC 9457 problem detail ({@code application/problem+json}).
 * Spring MVC's own exceptions (415, 405, 406...) come from the base class with the status Spring gives
 * them; this adds an {@code errors} array of {@code {field, message}} naming each invalid field, for
 * Bean Validation failures, bodies Jackson cannot bind (unknown property, wrong type, malformed JSON),
 * and request parameters that are missing or of the wrong type.
 *
 * <p>A service subclasses it in a {@code @RestControllerAdvice} holding only its domain-specific
 * {@code @ExceptionHandler}s, which may use {@link #ERRORS} and {@link InvalidField} for the same shape.
 */
public abstract class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

    /** The problem detail's property listing the invalid fields. */
    public static final String ERRORS = "errors";

    /** One invalid field; {@code field} is a path into the body, e.g. {@code lines[0].quantity}. */
    public record InvalidField(String field, String message) {}

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = ex.getBody();
        problem.setTitle("Invalid request");
        problem.setDetail("The request has invalid fields.");
        var errors = ex.getBindingResult().getAllErrors().stream()
                .map(error -> new InvalidField(
                        error instanceof FieldError field ? field.getField() : error.getObjectName(), message(error)))
                .sorted(Comparator.comparing(InvalidField::field).thenComparing(InvalidField::message))
                .toList();
        problem.setProperty(ERRORS, errors);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = ex.getBody();
        problem.setTitle("Invalid request");
        var errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new InvalidField(
                                error instanceof FieldError field
                                        ? field.getField()
                                        : result.getMethodParameter().getParameterName(),
                                message(error))))
                .sorted(Comparator.comparing(InvalidField::field))
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
            problem.setProperty(ERRORS, List.of(new InvalidField(path(mismatch), expected(mismatch))));
        } else {
            var location = jackson.get().getLocation();
            problem.setDetail("The request body is not valid JSON"
                    + (location == null
                            ? "."
                            : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")."));
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

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

    private static String message(MessageSourceResolvable error) {
        return Optional.ofNullable(error.getDefaultMessage()).orElse("is invalid");
    }

    private static String expected(MismatchedInputException mismatch) {
        var type = mismatch.getTargetType();
        return type == null ? "has the wrong type" : "must be " + describe(type);
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    /** The JSON path of the offending property, as Bean Validation names fields: {@code lines[0].sku}. */
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
