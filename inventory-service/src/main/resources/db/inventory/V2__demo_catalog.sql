-- The demo catalog (docs/services/inventory-service.md). Stock is large enough for the load test
-- (10,000 orders/min for 10 minutes) never to run out; OUT-OF-STOCK-001 has none, for the
-- out-of-stock path of the saga.
insert into products (sku, name, unit_price, currency, on_hand) values
    ('BOOK-001',         'Domain-Driven Design',              49.90, 'EUR', 1000000),
    ('BOOK-002',         'Designing Data-Intensive Apps',     44.90, 'EUR', 1000000),
    ('BOOK-003',         'Enterprise Integration Patterns',   54.90, 'EUR', 1000000),
    ('MUG-001',          'Saga coffee mug',                   12.50, 'EUR', 1000000),
    ('SHIRT-001',        'Outbox t-shirt',                    19.99, 'EUR', 1000000),
    ('STICKER-001',      'Kafka sticker pack',                 4.99, 'EUR', 1000000),
    ('POSTER-001',       'Event storming poster',             14.90, 'EUR', 1000000),
    ('KEYBOARD-001',     'Mechanical keyboard',               89.00, 'EUR', 1000000),
    ('HEADSET-001',      'Noise-cancelling headset',         129.00, 'EUR', 1000000),
    ('LAPTOP-STAND-001', 'Aluminium laptop stand',            39.00, 'EUR', 1000000),
    ('OUT-OF-STOCK-001', 'Sold-out limited edition',          99.00, 'EUR', 0);
