#!/usr/bin/env bash
# Starts the materialized product once, as a user would, with demo data in a throw-away database,
# and checks that it opens the Sales perspective with the Customers view filled, then exits cleanly.
set -euo pipefail
product=$1
work=$2
rm -rf "$work" && mkdir -p "$work"
. "$(dirname "$0")/../../.mvn/find-jdk.sh"
java_home=$(salesbench_find_jdk)
if [ -z "${DISPLAY:-}" ]; then
  echo "smoke test: no display; run the build through ./mvnw, which starts Xvfb" >&2
  exit 1
fi
launcher=$(ls "$product"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
set +e
timeout 300 "$java_home/bin/java" -Xmx1g \
  -Dsalesbench.smoketest=true \
  -Dsalesbench.db.url="jdbc:derby:$work/db;create=true" \
  -Dsalesbench.demo.size=40 \
  -Dderby.stream.error.file="$work/derby.log" \
  -jar "$launcher" -consoleLog -nosplash -data "$work/workspace" -configuration "$work/configuration" \
  > "$work/out.log" 2>&1
code=$?
set -e
line=$(grep 'SALESBENCH-SMOKE:' "$work/out.log" || true)
echo "smoke test: exit code $code; ${line:-no SALESBENCH-SMOKE line}"
if [ "$code" -ne 0 ] || [ -z "$line" ] || ! grep -q 'perspective=org.salesbench.ui.perspectives.sales' <<<"$line" \
   || ! grep -Eq 'org.salesbench.customers.ui.views.customers "[1-9][0-9,]* ' <<<"$line"; then
  echo "smoke test FAILED; the product's output:" >&2
  tail -n 60 "$work/out.log" >&2
  exit 1
fi
if grep -E '^!ENTRY .* (4|2) ' "$work/out.log" >/dev/null; then
  echo "smoke test: the log has errors or warnings:" >&2
  grep -A3 '^!ENTRY' "$work/out.log" | head -40 >&2
fi
echo "smoke test passed"
