-- The saga's replies append to an order's timeline without reading it (docs/performance.md): the
-- number of the order's next timeline entry is kept on the order, whose row a reply locks anyway.

alter table orders add column timeline_entries integer not null default 0 check (timeline_entries >= 0);

update orders o
set timeline_entries = (select count(*) from order_timeline t where t.order_id = o.id);
