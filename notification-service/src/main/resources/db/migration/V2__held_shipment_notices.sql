-- A shipment notice waits (HELD) until its order is confirmed, and is WITHDRAWN if the order is
-- cancelled instead: shipping can book a shipment for an order that is being cancelled, and then
-- cancels that shipment; its customer must not be told it ships.
alter table notifications drop constraint notifications_status_check;
alter table notifications add constraint notifications_status_check
    check (status in ('HELD', 'PENDING', 'SENT', 'FAILED', 'WITHDRAWN'));
