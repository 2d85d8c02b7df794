#!/usr/bin/env bash
# PostgreSQL init script (runs once, on an empty data directory): for each context named in
# BRIGADE_DATABASES, a login role brigade_<context> (password DB_PASSWORD_<CONTEXT>) and a database
# brigade_<context> it owns, closed to every other role. The apps log in as their own role, never as
# the superuser; each creates its tables by running its migrations at start-up.
set -euo pipefail
for context in ${BRIGADE_DATABASES:?lists the contexts to create a database and a role for}; do
  name="brigade_${context}"
  password_variable="DB_PASSWORD_${context^^}"
  password="${!password_variable:?must hold the password of role ${name}}"
  echo "creating role and database ${name}"
  psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
    -v name="${name}" -v password="${password}" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
done
