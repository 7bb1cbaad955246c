-- Idempotent consumers (docs/idempotent-consumer.md): the ids of the events each consumer has
-- applied, written in the same transaction as the handler's effects.
create table inbox (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

create index inbox_processed_at on inbox (processed_at);
