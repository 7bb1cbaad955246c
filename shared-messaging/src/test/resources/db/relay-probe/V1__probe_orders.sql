-- The probe application's own state: one row per order it placed, committed in the same transaction
-- as the order's OrderPlaced outbox insert. The relay tests use it as the record of what committed.
create table probe_orders (
    order_id  uuid        primary key,
    event_id  uuid        not null unique,
    placed_at timestamptz not null default now()
);
