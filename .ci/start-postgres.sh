#!/usr/bin/env bash
# Starts the machine's PostgreSQL cluster and makes a throw-away database for the team tests.
# Prints the JDBC URL to use (user and password salesbench_test).
set -euo pipefail
# only the URL goes to standard output: pg_ctlcluster and friends chat ("Removed stale pid file.")
exec 3>&1 1>&2
version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
if ! pg_lsclusters -h 2>/dev/null | grep -q online; then
  pg_lsclusters -h | grep -q . || pg_createcluster "$version" main >/dev/null
  # the server must not inherit fd 3 or any pipe: a command substitution reading this script's
  # output would wait for the server to exit, forever; its chatter goes to a file, then to stderr
  log=$(mktemp)
  if ! pg_ctlcluster "$version" main start </dev/null >"$log" 2>&1 3>&-; then
    cat "$log"; rm -f "$log"; exit 1
  fi
  cat "$log"; rm -f "$log"
fi
port=$(pg_lsclusters -h | awk '$4=="online"{print $3; exit}')
su postgres -c "psql -q -p $port" <<SQL >/dev/null
SET client_min_messages = warning;
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'salesbench_test') THEN
    CREATE ROLE salesbench_test LOGIN CREATEROLE PASSWORD 'salesbench_test';
  END IF;
END \$\$;
-- the team tests sign in as users of their own: the test user creates their database roles, as an administrator does
ALTER ROLE salesbench_test CREATEROLE;
DROP DATABASE IF EXISTS salesbench_test;
CREATE DATABASE salesbench_test OWNER salesbench_test;
-- a throw-away database: a commit need not wait for its WAL to reach the disk (no test crashes the server, and a crash
-- would lose at most the last moments' commits, never consistency). Each test schema's migration is some hundreds of
-- commits, and on a shared 2-core machine each waited 10-25 ms for the disk.
ALTER DATABASE salesbench_test SET synchronous_commit = off;
SQL
echo "jdbc:postgresql://localhost:$port/salesbench_test" >&3
