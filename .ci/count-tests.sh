#!/usr/bin/env bash
# After `./mvnw verify`: how many tests ran on each database, from the surefire XML reports.
# PostgreSQL tests are the classes named Postgres*Test (tagged @Tag("postgres"), on
# org.salesbench.testing.PostgresSchema); every other test runs on Derby or on no database.
# With SALESBENCH_TEST_PG_REQUIRED=true, no PostgreSQL test run (or a skipped one) fails the build.
set -euo pipefail
cd "$(dirname "$0")/.."

# a test on a PostgreSQL schema must be named so, or it would be counted as a Derby test
misnamed=$(grep -rl --include='*.java' 'PostgresSchema' tests | grep -v '/org.salesbench.testing/' | grep -v '/Postgres[A-Za-z0-9]*Test\.java$' || true)
if [ -n "$misnamed" ]; then
  echo "Tests on PostgreSQL must be named Postgres*Test: $misnamed" >&2
  exit 1
fi

# a test pom that sets its own argLine must pass the suite's VM arguments (Derby templates, the clock offset CI
# runs with, the time zone), or its tests run without them
unflagged=$(grep -l '<argLine>' tests/*/pom.xml | xargs -r grep -L 'salesbench.test.vmargs' || true)
if [ -n "$unflagged" ]; then
  echo "These test poms set an argLine without \${salesbench.test.vmargs}: $unflagged" >&2
  exit 1
fi

shopt -s nullglob
reports=(tests/*/target/surefire-reports/TEST-*.xml)
# one line per test case: "<run|skipped> <classname>"
counts=$(awk '
  /<testcase / {
    match($0, /classname="[^"]*"/); cls = substr($0, RSTART + 11, RLENGTH - 12)
    if ($0 ~ /\/>[[:space:]]*$/) { print "run " cls; cls = "" } else { skipped = 0 }
    next
  }
  /<skipped/ { if (cls != "") skipped = 1 }
  /<\/testcase>/ { if (cls != "") print (skipped ? "skipped " : "run ") cls; cls = "" }
' ${reports[@]+"${reports[@]}"} | awk '
  { pg = ($2 ~ /(^|\.)Postgres[A-Za-z0-9]*Test$/) }
  $1 == "run" && pg { pgRun++ } $1 == "run" && !pg { otherRun++ }
  $1 == "skipped" && pg { pgSkipped++ } $1 == "skipped" && !pg { otherSkipped++ }
  END { printf "%d %d %d %d\n", pgRun, pgSkipped, otherRun, otherSkipped }')
read -r pg_run pg_skipped other_run other_skipped <<<"$counts"
echo "PostgreSQL tests run: $pg_run (skipped: $pg_skipped), Derby tests run: $other_run (skipped: $other_skipped; including tests that need no database)"
if [ "${SALESBENCH_TEST_PG_REQUIRED:-}" = true ] && { [ "$pg_run" -eq 0 ] || [ "$pg_skipped" -gt 0 ]; }; then
  echo "PostgreSQL is required in this run, but $pg_run PostgreSQL tests ran and $pg_skipped were skipped" >&2
  exit 1
fi
