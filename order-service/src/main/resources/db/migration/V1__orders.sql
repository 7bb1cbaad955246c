-- The order service's own database: orders, their lines, the saga's timeline and the
-- Idempotency-Key records of POST /orders.

create table orders (
    id                   uuid           primary key,
    version              bigint         not null,
    customer_id          varchar(64)    not null,
    customer_email       varchar(254)   not null,
    currency             varchar(3)     not null,
    total                numeric(15, 2) not null check (total >= 0),
    recipient_name       varchar(200)   not null,
    street               varchar(200)   not null,
    city                 varchar(100)   not null,
    postal_code          varchar(20)    not null,
    country              varchar(2)     not null,
    payment_token        varchar(128)   not null,
    status               varchar(32)    not null,
    cancellation_reason  varchar(32),
    tracking_number      varchar(100),
    placed_at            timestamptz    not null,
    completed_at         timestamptz,
    constraint orders_cancelled_has_reason
        check ((status = 'CANCELLED') = (cancellation_reason is not null))
);

-- The deadline job's query: in-flight orders, oldest first.
create index orders_in_flight_by_placed_at on orders (placed_at)
    where status in ('PENDING', 'INVENTORY_RESERVED', 'PAYMENT_AUTHORIZED');

create table order_lines (
    order_id    uuid           not null references orders (id) on delete cascade,
    line_no     integer        not null,
    sku         varchar(64)    not null,
    quantity    integer        not null check (quantity > 0),
    unit_price  numeric(15, 2) not null check (unit_price >= 0),
    primary key (order_id, line_no)
);

create table order_timeline (
    order_id     uuid         not null references orders (id) on delete cascade,
    entry_no     integer      not null,
    step         varchar(32)  not null,
    occurred_at  timestamptz  not null,
    detail       varchar(200),
    primary key (order_id, entry_no)
);

-- The key is claimed before the order row is written (see IdempotencyKeys.claim), so the
-- reference is checked at commit.
create table idempotency_keys (
    idempotency_key  varchar(255) primary key,
    request_hash     varchar(64)  not null,
    order_id         uuid         not null references orders (id) on delete cascade
                                  deferrable initially deferred,
    created_at       timestamptz  not null
);
