package io.ordersaga.search.query;

import io.ordersaga.web.ProblemDetailsHandler.InvalidField;
import java.util.List;

/** Query parameters the API cannot run: answered 400 with every invalid parameter named. */
public class InvalidQueryException extends RuntimeException {

    private final List<InvalidField> errors;

    InvalidQueryException(List<InvalidField> errors) {
        super("invalid query parameters: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<InvalidField> errors() {
        return errors;
    }
}
