#!/usr/bin/env bash
# Add-ons from an update site, end to end, on a copy of the materialized product as a user unpacks it: the command
# line uninstalls a feature (its commands are gone after a restart), installs it again from the update site this
# build made (its commands are back after a restart), and refuses a feature the site lacks and one that is part of
# another feature, naming them. No display, no database needed.
# Usage: addons-test.sh PRODUCT-DIR UPDATE-SITE-DIR WORK-DIR
set -uo pipefail
product=$1
site=$2
work=$3
rm -rf "$work" && mkdir -p "$work"
. "$(dirname "$0")/../../.mvn/find-jdk.sh"
java_home=$(salesbench_find_jdk)
cp -a "$product" "$work/salesbench"
home="$work/salesbench"
feature=org.salesbench.performance.feature
failures=0
fail() { echo "addons test: $1" >&2; failures=$((failures + 1)); }

# one run of the installed command line, as ./salesbench cli starts it (its own configuration area: the one p2 changes),
# with a class data archive of its own, made as the first run ends and used by the eleven after it (the classes of a
# bundle p2 replaced are checked against the archive's and loaded afresh when they differ)
cli() {
  local launcher
  launcher=$(ls "$home"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
  env -u DISPLAY -u WAYLAND_DISPLAY timeout 300 "$java_home/bin/java" -Xmx512m -Djava.awt.headless=true \
    -XX:SharedArchiveFile="$work/cli.jsa" -XX:+AutoCreateSharedArchive '-Xlog:cds*=off' \
    -Dsalesbench.db.url="jdbc:derby:$work/db;create=true" -Dderby.stream.error.file="$work/derby.log" \
    -Dlog4j2.statusLoggerLevel=OFF -jar "$launcher" -nosplash -data "$work/workspace" -nl en \
    -application org.salesbench.cli.application "$@"
}
run() { # name, then the command line's arguments: stdout to $work/name.out, stderr to $work/name.err, exit code printed
  local name=$1; shift
  cli "$@" > "$work/$name.out" 2> "$work/$name.err"
  echo $?
}

code=$(run list-before addons list)
[ "$code" = 0 ] || fail "addons list exited $code: $(head -c 600 "$work/list-before.err")"
grep -qP "^$feature\t\S+\tadd-on\t" "$work/list-before.out" || fail "addons list does not show $feature as an add-on: $(head -c 600 "$work/list-before.out")"
grep -qP "^org.salesbench.addons.feature\t" "$work/list-before.out" || fail "addons list does not show org.salesbench.addons.feature"
code=$(run help-before --help)
grep -q '^  commissions ' "$work/help-before.out" || fail "before: cli --help does not list the commissions command of $feature (exit $code)"

code=$(run uninstall addons uninstall "$feature")
[ "$code" = 0 ] || fail "addons uninstall exited $code: $(head -c 1500 "$work/uninstall.err")"
code=$(run help-gone --help)
grep -q '^  commissions ' "$work/help-gone.out" && fail "after uninstalling $feature and a restart, cli --help still lists commissions"
grep -q '^  import ' "$work/help-gone.out" || fail "after uninstalling $feature, cli --help lost the other commands (exit $code): $(head -c 600 "$work/help-gone.err")"
code=$(run list-gone addons list)
grep -qP "^$feature\t" "$work/list-gone.out" && fail "after uninstalling, addons list still shows $feature"

code=$(run install addons install "$site" "$feature")
[ "$code" = 0 ] || fail "addons install exited $code: $(head -c 1500 "$work/install.err")"
grep -q "installed $feature" "$work/install.out" || fail "addons install did not say what it installed: $(head -c 300 "$work/install.out")"
code=$(run help-back --help)
grep -q '^  commissions ' "$work/help-back.out" || fail "after installing $feature from $site and a restart, cli --help does not list commissions (exit $code)"
code=$(run list-back addons list)
grep -qP "^$feature\t\S+\tadd-on\t" "$work/list-back.out" || fail "after installing, addons list does not show $feature as an add-on"

code=$(run missing addons install "$site" com.example.nothing.feature)
{ [ "$code" = 3 ] && grep -q 'com.example.nothing.feature' "$work/missing.err"; } \
  || fail "installing a feature the site lacks: exit $code (3 expected) and $(head -c 300 "$work/missing.err")"
code=$(run not-root addons uninstall org.salesbench.p2.libraries.feature)
{ [ "$code" = 3 ] && grep -q 'org.salesbench.p2.libraries.feature' "$work/not-root.err"; } \
  || fail "uninstalling a feature that is part of another: exit $code (3 expected) and $(head -c 300 "$work/not-root.err")"
code=$(run no-site addons install "$work/no-such-folder" "$feature")
[ "$code" = 2 ] || fail "installing from a folder that does not exist: exit $code (2 expected)"

if [ "$failures" -ne 0 ]; then
  echo "addons test FAILED: $failures problem(s); outputs in $work" >&2
  exit 1
fi
echo "addons test passed: uninstalled $feature, restarted without it, installed it from the update site, restarted with it"
