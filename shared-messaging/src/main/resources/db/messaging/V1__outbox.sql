-- Transactional outbox (docs/outbox.md). An event row is inserted in the same transaction as the
-- state change it announces, and deleted again before that transaction commits: the relay reads
-- the INSERT from the write-ahead log, so the table itself never grows.
create table outbox (
    id            uuid        primary key,  -- the event id (envelope.eventId)
    aggregatetype text        not null,     -- routes the event: topic <aggregatetype>.events
    aggregateid   text        not null,     -- the orderId: the Kafka key, so one order's events stay ordered
    type          text        not null,     -- the event type, e.g. OrderPlaced
    payload       bytea       not null,     -- Avro binary in the Confluent wire format
    traceparent   text,                     -- W3C trace context, relayed as a Kafka header
    causation_id  uuid,                     -- the event this one reacts to, relayed as a header
    occurred_at   timestamptz not null
);

-- Only inserts are published to logical decoding: the deletes that keep the table empty are not.
create publication outbox_publication for table outbox with (publish = 'insert');
