#!/usr/bin/env bash
# Writes a new migration: the SQL from the schema as it stood at the last commit that touched prisma/migrations
# to prisma/schema.prisma as it is now. Offline: `prisma migrate dev` would download an engine, and in driver-adapter
# mode `migrate diff` can compare two datamodels but not read a database. Commit the schema with its migration.
set -euo pipefail
name="${1:?usage: npm run db:migration -- <name>}"
cd "$(dirname "$0")/.."
last=$(git log -1 --format=%H -- prisma/migrations)
before=$(mktemp --suffix=.prisma)
trap 'rm -f "$before"' EXIT
git show "$last:prisma/schema.prisma" > "$before"
sql=$(npx prisma migrate diff --from-schema-datamodel "$before" --to-schema-datamodel prisma/schema.prisma --script)
if ! grep -qvE '^\s*(--.*)?$' <<<"$sql"; then
  echo "prisma/schema.prisma has no changes since the last migration"
  exit 0
fi
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
mkdir -p "$dir"
printf '%s\n' "$sql" > "$dir/migration.sql"
echo "wrote $dir/migration.sql"
