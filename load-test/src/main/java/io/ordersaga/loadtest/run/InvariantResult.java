package io.ordersaga.loadtest.run;

import java.util.List;

/**
 * One of SPEC.md's five saga invariants after the load.
 *
 * @param number 1 to 5, as in SPEC.md
 * @param statement what the invariant says
 * @param status whether it held, was violated, or could not be checked on this stack
 * @param detail the counts looked at, or why it was not checked
 * @param violations the first violations found, each naming the order or product
 */
public record InvariantResult(int number, String statement, Status status, String detail, List<String> violations) {

    public enum Status {
        HOLDS,
        VIOLATED,
        NOT_CHECKED
    }

    public InvariantResult {
        violations = List.copyOf(violations);
    }
}
