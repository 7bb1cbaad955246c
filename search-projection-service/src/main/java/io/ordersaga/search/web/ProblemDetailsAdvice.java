package io.ordersaga.search.web;

import io.ordersaga.search.query.InvalidQueryException;
import io.ordersaga.web.ProblemDetailsHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error of the web layer as an RFC 9457 problem detail, with an {@code errors} array of
 * {@code {field, message}} naming each invalid parameter: Spring's from {@link
 * ProblemDetailsHandler}, the query's own from {@link InvalidQueryException}.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ProblemDetailsHandler {

    @ExceptionHandler
    ProblemDetail invalidQuery(InvalidQueryException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The query has invalid parameters.");
        problem.setTitle("Invalid request");
        problem.setProperty(ERRORS, e.errors());
        return problem;
    }
}
