-- A reservation is one row (docs/services/inventory-service.md#data). Its lines belong to the
-- reservation alone: written with it, read with it by the release and the commit, never queried
-- across reservations. Kept as a JSON array in its row, reserving an order writes one row instead of
-- one more per SKU (docs/performance.md, the fourteenth round).
--
-- The array holds what the Reservation entity maps (ReservationLine), in the names of its record
-- components, one element per SKU in SKU order: [{"sku", "quantity"}]. Only a cancellation that
-- came before the order's OrderPlaced leaves a reservation without lines.

alter table reservations add column lines jsonb;

update reservations r set
    lines = coalesce(
            (select jsonb_agg(jsonb_build_object('sku', l.sku, 'quantity', l.quantity) order by l.sku)
             from reservation_lines l
             where l.order_id = r.order_id),
            '[]');

alter table reservations
    alter column lines set not null,
    add constraint reservations_lines_are_an_array check (jsonb_typeof(lines) = 'array'),
    -- The case keeps jsonb_array_length away from a non-array, which the check above refuses.
    add constraint reservations_have_lines check (
        case when jsonb_typeof(lines) = 'array'
            then status = 'CANCELLED_BEFORE_RESERVE' or jsonb_array_length(lines) > 0
            else true
        end);

drop table reservation_lines;
