#!/usr/bin/env bash
# PostgreSQL init script (runs once, on an empty data directory): a database per bounded context,
# named in BRIGADE_DATABASES. Each app creates its own tables by running its migrations at start.
set -euo pipefail
for database in ${BRIGADE_DATABASES:?lists the databases to create}; do
  echo "creating database ${database}"
  psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
    --command "CREATE DATABASE \"${database}\""
done
