#!/usr/bin/env bash
# Run by the postgres image once, on an empty data volume: one database per service, each owned by
# its own role (names and passwords as the defaults in the services' application.yml), plus the
# schema registry's. The owners may open replication connections: each service's outbox relay
# (Debezium) streams its database's outbox table through a logical replication slot.
set -euo pipefail

while read -r database owner; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE $owner LOGIN REPLICATION PASSWORD '$owner';
CREATE DATABASE $database OWNER $owner;
SQL
done <<'DATABASES'
orders orders
inventory inventory
payments payments
shipments shipments
notifications notifications
schema_registry registry
DATABASES

# The image lets every host connect to any database with a password, but a replication connection
# matches only lines naming "replication".
echo "host replication all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
