-- Idempotency-Keys are kept for orders.idempotency.retention (24 h by default), then deleted
-- oldest first by IdempotencyKeyExpiry: this index finds them.
create index idempotency_keys_created_at on idempotency_keys (created_at);
