-- No query reads reservations by status (each is found by its order id), so the index on status
-- only cost a write: an entry for every reservation, and another whenever a reservation was
-- committed or released, since an update that changes an indexed column cannot be heap-only (HOT).
-- Without it, and with room on each page for the new version, committing or releasing a
-- reservation rewrites the row without touching an index (docs/performance.md, the eighth round).
drop index reservations_status;
alter table reservations set (fillfactor = 80);
