-- One row per order: the primary key is what makes "shipped at most once" hold under redelivery and
-- races. A failed shipment and the cancellation marker (CANCELLED_BEFORE_SCHEDULING) have no
-- carrier booking.
create table shipments (
    order_id           uuid         primary key,
    shipment_id        varchar(64)  unique,
    carrier            varchar(100),
    tracking_number    varchar(64)  unique,
    estimated_delivery date,
    country            varchar(2),
    status             varchar(40)  not null
        check (status in ('SCHEDULED', 'FAILED', 'CANCELLED', 'CANCELLED_BEFORE_SCHEDULING')),
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    check ((status in ('SCHEDULED', 'CANCELLED')) = (tracking_number is not null))
);
