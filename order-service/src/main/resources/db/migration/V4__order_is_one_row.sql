-- An order is one row (docs/services/order-service.md#data). Its lines and its timeline are value
-- objects that belong to the order alone: written with it, read with it, never queried across
-- orders (search-projection-service's read model answers those questions). Kept as JSON arrays in
-- the order's row, a saga reply's timeline entry goes in with the update of the order the reply
-- makes anyway, instead of an insert of its own, and placing an order writes one row instead of
-- one per line and entry (docs/performance.md, the thirteenth round).
--
-- The arrays hold what the Order entity maps (OrderLine, TimelineEntry), in the names of their
-- record components: lines [{"sku", "quantity", "unitPrice"}], timeline [{"step", "occurredAt"
-- (ISO-8601, UTC), "detail"}].

alter table orders
    add column lines    jsonb,
    add column timeline jsonb;

update orders o set
    lines = (select jsonb_agg(jsonb_build_object(
                        'sku', l.sku, 'quantity', l.quantity, 'unitPrice', l.unit_price)
                    order by l.line_no)
             from order_lines l
             where l.order_id = o.id),
    timeline = coalesce(
            (select jsonb_agg(jsonb_build_object(
                        'step', t.step,
                        'occurredAt', to_char(t.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                        'detail', t.detail)
                    order by t.entry_no)
             from order_timeline t
             where t.order_id = o.id),
            '[]');

alter table orders
    alter column lines set not null,
    alter column timeline set not null,
    add constraint orders_has_lines
        check (case when jsonb_typeof(lines) = 'array' then jsonb_array_length(lines) > 0 else false end),
    add constraint orders_timeline_is_an_array check (jsonb_typeof(timeline) = 'array'),
    drop column timeline_entries;

drop table order_timeline;
drop table order_lines;
