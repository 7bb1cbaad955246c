-- One row per order: the primary key is what makes "charged at most once" hold under redelivery
-- and races. The cancellation marker (CANCELLED_BEFORE_AUTHORIZATION) has no payment id or amount.
create table payments (
    order_id       uuid          primary key,
    payment_id     varchar(64)   unique,
    amount         numeric(15, 2),
    currency       varchar(3),
    status         varchar(40)   not null
        check (status in ('AUTHORIZED', 'DECLINED', 'REFUNDED', 'CANCELLED_BEFORE_AUTHORIZATION')),
    failure_reason varchar(40)
        check (failure_reason in ('DECLINED', 'LIMIT_EXCEEDED')),
    created_at     timestamptz   not null,
    updated_at     timestamptz   not null,
    check ((status = 'CANCELLED_BEFORE_AUTHORIZATION') = (payment_id is null)),
    check ((status = 'DECLINED') = (failure_reason is not null))
);
