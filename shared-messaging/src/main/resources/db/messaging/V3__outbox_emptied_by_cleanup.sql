-- The outbox's rows are no longer deleted by the transaction that inserts them (V1's comment) but by
-- a cleanup every messaging.outbox.cleanup-interval, one statement for all committed rows instead of
-- one per event (docs/outbox.md#retention). The relay still reads the inserts from the write-ahead
-- log only, and the publication still carries inserts only.
comment on table outbox is
    'Transactional outbox: events inserted with the state change they announce, relayed from the WAL by the service''s Debezium relay, deleted by the outbox cleanup (docs/outbox.md)';
