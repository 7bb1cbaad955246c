-- The notification log: one row per e-mail the service owes a customer. The unique key on
-- (order_id, kind) is what makes "at most one e-mail per order and kind" hold when the same fact
-- arrives twice under different event ids (the inbox stops the same event id).
-- The message is rendered when the row is written, so the log keeps exactly what was sent.
create table notifications (
    id              uuid          primary key,
    order_id        uuid          not null,
    kind            varchar(40)   not null
        check (kind in ('ORDER_CONFIRMED', 'ORDER_CANCELLED', 'SHIPMENT_SCHEDULED')),
    recipient       varchar(320)  not null,
    subject         varchar(200)  not null,
    text_body       text          not null,
    html_body       text          not null,
    causation_id    uuid          not null,
    status          varchar(20)   not null
        check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer       not null check (attempts >= 0),
    next_attempt_at timestamptz,
    last_error      varchar(1000),
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    sent_at         timestamptz,
    unique (order_id, kind),
    check ((status = 'PENDING') = (next_attempt_at is not null)),
    check ((status = 'SENT') = (sent_at is not null))
);

-- What the dispatcher polls: only the pending rows, by when they are due.
create index notifications_due on notifications (next_attempt_at) where status = 'PENDING';
