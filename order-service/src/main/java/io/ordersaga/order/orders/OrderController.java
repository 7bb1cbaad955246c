package io.ordersaga.order.orders;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/orders")
@Tag(name = "orders", description = "Place orders, follow their saga, cancel them")
class OrderController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

    record Accepted(UUID orderId, OrderStatus status) {}

    private final OrderManagement management;
    private final OrderSettings settings;

    OrderController(OrderManagement management, OrderSettings settings) {
        this.management = management;
        this.settings = settings;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Place an order",
            description = "Starts the saga and answers at once; follow the order at the Location. "
                    + "Retrying with the same Idempotency-Key and body returns the same order.")
    ResponseEntity<Accepted> place(
            @Parameter(description = "Makes retries safe; at most 255 characters")
                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    Optional<String> idempotencyKey,
            @Valid @RequestBody PlaceOrderRequest request) {
        idempotencyKey.ifPresent(OrderController::checkIdempotencyKey);
        var order = management.place(request.toCommand(settings.defaultCurrency()), idempotencyKey);
        return ResponseEntity.accepted()
                .location(URI.create("/orders/" + order.id()))
                .body(new Accepted(order.id(), order.status()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "An order: status, lines, total, cancellation reason and the saga's timeline")
    OrderView get(@PathVariable UUID id) {
        return management.find(id).map(OrderView::of).orElseThrow(() -> new OrderNotFoundException(id));
    }

    @PostMapping("/{id}/cancel")
    @Operation(
            summary = "Cancel an order before its shipment is scheduled",
            description = "409 once the order is confirmed (shipment scheduled) or already cancelled.")
    OrderView cancel(@PathVariable UUID id) {
        return management.cancel(id);
    }

    @ExceptionHandler
    ProblemDetail notFound(OrderNotFoundException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Order not found");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notCancellable(OrderNotCancellableException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Order can no longer be cancelled");
        problem.setProperty("orderStatus", e.status());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail keyReused(IdempotencyKeyReusedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Idempotency-Key reused with a different request");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidKey(InvalidIdempotencyKeyException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", IDEMPOTENCY_KEY, "message", e.getMessage())));
        return problem;
    }

    private static void checkIdempotencyKey(String key) {
        if (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
            throw new InvalidIdempotencyKeyException(
                    "must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters, not blank");
        }
    }

    static class InvalidIdempotencyKeyException extends RuntimeException {
        InvalidIdempotencyKeyException(String message) {
            super(message);
        }
    }
}
