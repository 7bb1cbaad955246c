-- Stock is kept as two counters per product: on_hand (physically in the warehouse) and reserved
-- (promised to orders whose saga is still running). available = on_hand - reserved. The checks
-- make overselling impossible even for a buggy writer: reserved can never exceed on_hand.
create table products (
    sku        varchar(64)    primary key,
    name       varchar(200)   not null,
    unit_price numeric(15, 2) not null check (unit_price >= 0),
    currency   varchar(3)     not null check (currency ~ '^[A-Z]{3}$'),
    on_hand    integer        not null check (on_hand >= 0),
    reserved   integer        not null default 0 check (reserved >= 0),
    constraint products_reserved_within_on_hand check (reserved <= on_hand)
);

-- One row per order that inventory has decided about. The row is the state guard of every
-- handler: an order is reserved at most once, released or committed at most once, and a
-- cancellation that arrives first leaves a CANCELLED_BEFORE_RESERVE marker.
create table reservations (
    order_id       uuid        primary key,
    reservation_id varchar(64) not null unique,
    status         varchar(32) not null check (status in
        ('RESERVED', 'REJECTED', 'RELEASED', 'COMMITTED', 'CANCELLED_BEFORE_RESERVE')),
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);

create index reservations_status on reservations (status);

create table reservation_lines (
    order_id uuid        not null references reservations (order_id),
    sku      varchar(64) not null,
    quantity integer     not null check (quantity > 0),
    primary key (order_id, sku)
);
