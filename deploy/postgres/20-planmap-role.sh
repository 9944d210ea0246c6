#!/bin/sh
# Runs once, when the PostGIS container initialises an empty data directory (docker-entrypoint-initdb.d).
# The image's own 10_postgis.sh has already created the postgis extension in $POSTGRES_DB as the superuser.
# planmap itself connects as the unprivileged role below, which owns the database but is no superuser.
set -eu
: "${PLANMAP_DB_PASSWORD:?PLANMAP_DB_PASSWORD is empty: set it in .env}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v pw="$PLANMAP_DB_PASSWORD" <<'SQL'
CREATE ROLE planmap LOGIN PASSWORD :'pw' NOSUPERUSER NOCREATEDB NOCREATEROLE;
ALTER DATABASE planmap OWNER TO planmap;
GRANT ALL ON SCHEMA public TO planmap;
SQL
