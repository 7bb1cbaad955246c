-- What the test application's handler writes: one row per application of an event. No unique key
-- on event_id on purpose: only the inbox may stop an event from being applied twice.
create table ledger (
    id         bigserial   primary key,
    event_id   uuid        not null,
    order_id   uuid        not null,
    event_type text        not null,
    trace_id   text        not null,
    applied_at timestamptz not null default now()
);
