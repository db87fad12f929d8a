#!/usr/bin/env bash
# Prove that a backup restores: back up the database DATABASE_URL names,
# restore the backup into a new database, and compare every event,
# competition, person, organization and topic as the API shows them in both
# (manage.py api_snapshot). Exit 0 when they are equal.
#
#   DATABASE_URL=postgres://user@host:5432/diplomacy scripts/backup_roundtrip.sh [scratch-name]
#   DATABASE_URL=sqlite:///db.sqlite3 scripts/backup_roundtrip.sh
#
# PostgreSQL: pg_dump --format=custom, then pg_restore into a scratch
# database on the same server (named by the argument; default: the
# database's name with _restore_check), dropped afterwards. SQLite: the
# sqlite3 shell's .backup into a temporary file. The backup file is kept when
# BACKUP_KEEP names a path for it.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?set DATABASE_URL to the database to back up}"
PYTHON=${PYTHON:-.venv/bin/python}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

snapshot() { DATABASE_URL="$1" "$PYTHON" manage.py api_snapshot >"$2"; }

case "$DATABASE_URL" in
  postgres://* | postgresql://*)
    base=${DATABASE_URL%%\?*}
    scratch=${1:-${base##*/}_restore_check}
    target="${base%/*}/$scratch"
    dump="${BACKUP_KEEP:-$work/backup.dump}"
    pg_dump --format=custom --no-owner --file="$dump" "$DATABASE_URL"
    dropdb --if-exists --maintenance-db="$DATABASE_URL" "$scratch"
    createdb --maintenance-db="$DATABASE_URL" "$scratch"
    trap 'dropdb --if-exists --maintenance-db="$DATABASE_URL" "$scratch"; rm -rf "$work"' EXIT
    pg_restore --no-owner --exit-on-error --dbname="$target" "$dump"
    ;;
  sqlite:///*)
    path=${DATABASE_URL#sqlite:///}
    dump="${BACKUP_KEEP:-$work/backup.sqlite3}"
    sqlite3 "$path" ".backup '$dump'"
    target="sqlite:///$dump"
    ;;
  *)
    echo "DATABASE_URL must be postgres://… or sqlite:///…" >&2
    exit 2
    ;;
esac

snapshot "$DATABASE_URL" "$work/original.json"
snapshot "$target" "$work/restored.json"
if cmp -s "$work/original.json" "$work/restored.json"; then
  echo "Backup restored: every record equal ($(wc -c <"$work/original.json") bytes of API JSON)."
else
  diff -u "$work/original.json" "$work/restored.json" | head -40 >&2
  echo "Backup restored with differences (above)." >&2
  exit 1
fi
