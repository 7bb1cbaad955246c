-- The saga's replies rewrite the order row (status, version, the timeline counter) two or three
-- times per order. PostgreSQL can do that as a heap-only tuple (HOT) update, without a new entry
-- in every index of the table, only when no column an index covers changes and the row's page has
-- room for the new version (docs/performance.md, the eighth round).
--
-- The deadline job's index had status in its predicate, so every reply's update entered the
-- primary key and this index again. An order is in flight exactly while completed_at is null, and
-- completed_at changes once, when the order ends: with the predicate on it, the replies that move
-- an order forward change no indexed column.
alter table orders add constraint orders_completed_when_terminal
    check ((status in ('CONFIRMED', 'CANCELLED')) = (completed_at is not null));

drop index orders_in_flight_by_placed_at;
create index orders_in_flight_by_placed_at on orders (placed_at) where completed_at is null;

-- Room on each page for the new versions of its rows: an order is written once and rewritten by
-- each reply within a second or so, while its page is still in memory.
alter table orders set (fillfactor = 70);
