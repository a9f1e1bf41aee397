#!/bin/sh
# One-shot (temporalio/admin-tools): creates Temporal's two databases on first start and brings
# their schemas up to the version of the admin-tools image. Safe to run again: upgrading the
# server means upgrading admin-tools to the same version and rerunning this.
set -eu
. /scripts/retry.sh

retry "PostgreSQL at $POSTGRES_SEEDS:$DB_PORT" nc -z "$POSTGRES_SEEDS" "$DB_PORT"

# temporal-sql-tool reads the password from SQL_PASSWORD.
sql() {
  temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "$DB_PORT" -u "$POSTGRES_USER" "$@"
}

for db in temporal temporal_visibility; do
  case "$db" in
    temporal) dir=temporal ;;
    *) dir=visibility ;;
  esac
  sql --db "$db" create || echo "database $db already exists"
  sql --db "$db" setup-schema -v 0.0
  sql --db "$db" update-schema -d "/etc/temporal/schema/postgresql/v12/$dir/versioned"
done
echo "Temporal schema is up to date"
