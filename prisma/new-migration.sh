#!/usr/bin/env bash
# Writes a new migration from the difference between the committed migrations and prisma/schema.prisma.
# `prisma migrate dev` would download an engine; `migrate diff` runs offline. Needs a scratch PostgreSQL
# (SHADOW_DATABASE_URL, default: a throwaway database on the local server).
set -euo pipefail
name="${1:?usage: npm run db:migration -- <name>}"
cd "$(dirname "$0")/.."
shadow="${SHADOW_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/sentinel_shadow}"
psql "${shadow%/*}/postgres" -qc "DROP DATABASE IF EXISTS sentinel_shadow" -c "CREATE DATABASE sentinel_shadow" >/dev/null
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
mkdir -p "$dir"
DATABASE_URL="$shadow" npx prisma migrate diff \
  --from-migrations prisma/migrations --shadow-database-url "$shadow" \
  --to-schema-datamodel prisma/schema.prisma --script > "$dir/migration.sql"
echo "wrote $dir/migration.sql"
