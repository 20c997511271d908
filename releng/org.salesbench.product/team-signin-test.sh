#!/usr/bin/env bash
# The packaged product signed in to a team server (PostgreSQL) as a sales rep, through ./salesbench, the ways the
# product takes a password: the command line with SALESBENCH_DB_PASSWORD, the command line with a password file
# (PGPASSFILE), the workbench with SALESBENCH_DB_PASSWORD and the workbench's sign-in dialog (typed through the X
# server). While each runs, the command line of the process and of every process under it
# is read from /proc/PID/cmdline (what ps shows) a few times a second; afterwards every file the runs left in their
# Salesbench folders (preferences, logs, derby.log, the secure storage) and their output are searched. The rep's
# password must be in none of them. A User preference naming the administrator, and --db-user naming the
# administrator with the rep's password, must not make the rep anyone else: what the rep imports is theirs and
# recorded as theirs by the server, and granting themselves the administrator's role is refused.
# Needs SALESBENCH_TEST_PG_URL (skipped without it, failing where SALESBENCH_TEST_PG_REQUIRED or CI is true), a display
# (./mvnw starts Xvfb), psql and xdotool.
set -euo pipefail
product=$1
work=$2
repo=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "team sign-in test FAILED: $*" >&2; exit 1; }

url=${SALESBENCH_TEST_PG_URL:-}
if [ -z "$url" ]; then
  if [ "${SALESBENCH_TEST_PG_REQUIRED:-}" = true ] || [ "${CI:-}" = true ]; then
    fail "SALESBENCH_TEST_PG_URL is not set, but this run requires PostgreSQL (SALESBENCH_TEST_PG_REQUIRED or CI is true)"
  fi
  echo "team sign-in test: skipped (SALESBENCH_TEST_PG_URL is not set)"
  exit 0
fi
[ -n "${DISPLAY:-}" ] || fail "no display; run the build through ./mvnw, which starts Xvfb"
command -v psql >/dev/null || fail "psql is not installed"
command -v xdotool >/dev/null || fail "xdotool is not installed (it types into the sign-in dialog)"
[ -d "$product" ] || fail "no product at $product"

rm -rf "$work" && mkdir -p "$work"
# the product as built: ./salesbench would otherwise build it again when a source is newer
export SALESBENCH_NO_BUILD=1
# the test server's administrator (.ci/start-postgres.sh); psql gets its password through the environment too
admin=salesbench_test
server=${url#jdbc:}
server=${server%%\?*}
host_port_db=${server#postgresql://}
pg_host=${host_port_db%%[:/]*}
pg_port=5432
case "$host_port_db" in "$pg_host":*) pg_port=${host_port_db#"$pg_host":}; pg_port=${pg_port%%/*} ;; esac
pg_db=${host_port_db#*/}
psql_admin() { PGPASSWORD=$admin psql -X -q -t -A -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" -U "$admin" -d "$pg_db" -c "$1"; }

suffix=$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')
schema="signin_$suffix"
rep="signin.rep.$suffix"
password="Rep-Pass-$suffix-$RANDOM"
db="jdbc:postgresql://$pg_host:$pg_port/$pg_db?currentSchema=$schema"
team=$(psql_admin "SELECT SUBSTR('sb_' || CURRENT_DATABASE() || '_$schema', 1, 63)")
cleanup() {
  set +e
  # the workbenches and watchers this test started (a workbench runs in a subshell: not among this shell's jobs)
  for pid in $(jobs -p) $(cat "$work"/*.pids 2>/dev/null); do kill "$pid" 2>/dev/null; done
  psql_admin "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1
  for role in "${team:0:57}_admin" "${team:0:56}_fields" "$team" "$rep"; do
    psql_admin "DO \$\$ BEGIN IF EXISTS (SELECT 1 FROM PG_ROLES WHERE ROLNAME = '$role') THEN
                  EXECUTE 'REVOKE ALL ON DATABASE ' || QUOTE_IDENT(CURRENT_DATABASE()) || ' FROM \"$role\"'; END IF; END \$\$" >/dev/null 2>&1
    psql_admin "DROP ROLE IF EXISTS \"$role\"" >/dev/null 2>&1
  done
}
trap cleanup EXIT
psql_admin "CREATE SCHEMA $schema"
# the customers' search extension in schema public, as the test schemas have it (PostgresSchema): where the database
# lacks it, the migration makes it in the schema it migrates, and dropping this schema afterwards would take every other
# schema's trigram indexes with it
psql_admin "SET client_min_messages = error; DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM PG_EXTENSION WHERE EXTNAME = 'pg_trgm') THEN CREATE EXTENSION pg_trgm SCHEMA public;
  ELSIF (SELECT N.NSPNAME FROM PG_EXTENSION E JOIN PG_NAMESPACE N ON N.OID = E.EXTNAMESPACE WHERE E.EXTNAME = 'pg_trgm') <> 'public'
  THEN ALTER EXTENSION pg_trgm SET SCHEMA public; END IF;
  EXCEPTION WHEN insufficient_privilege OR feature_not_supported OR undefined_file OR undefined_object THEN NULL; END \$\$"

# The command lines of a process and of every process under it, while the process runs, a few times a second: each
# one's /proc/PID/cmdline (what ps shows), the tree walked through /proc/PID/task/*/children. Nothing is started per
# look (ps and awk ten times a second took a fifth of a core, on two, from the product under test).
watch_commands() {
  local root=$1 out=$2 p f
  local -a queue args kids
  while kill -0 "$root" 2>/dev/null; do
    queue=("$root")
    while [ ${#queue[@]} -gt 0 ]; do
      p=${queue[0]}
      queue=("${queue[@]:1}")
      args=()
      mapfile -d '' args 2>/dev/null < "/proc/$p/cmdline" || true
      [ ${#args[@]} -eq 0 ] || echo "${args[*]}"
      for f in /proc/"$p"/task/*/children; do
        kids=()
        [ -r "$f" ] && { read -r -a kids 2>/dev/null < "$f" || true; }
        queue+=(${kids[@]+"${kids[@]}"})
      done
    done
    sleep 0.1
  done >> "$out"
}

# The configuration a start builds in its Salesbench folder (the framework's bundle cache and the class data archive,
# both of this product and Java) made once and copied into the next folder, as the same installation would reuse it:
# each run then starts as a second start does, not paying the first start's resolving and archive writing again.
# Preferences and the secure storage are not copied: each folder keeps its own.
share_configuration() {
  local from=$1/configuration to=$2/configuration item
  mkdir -p "$to"
  for item in "$from"/org.eclipse.osgi "$from"/*.jsa; do
    [ -e "$item" ] && cp -a "$item" "$to/"
  done
  return 0
}

# ./salesbench in the background with its command lines watched; waits for it and returns its exit code
run_watched() {
  local name=$1; shift
  "$@" > "$work/$name.out" 2> "$work/$name.err" &
  local pid=$!
  watch_commands "$pid" "$work/$name.commands" &
  local watcher=$!
  local code=0
  wait "$pid" || code=$?
  wait "$watcher" || true
  return $code
}

# The administrator (the schema's owner) signs in first: the schema is migrated and the rep made, with their own login
echo "team sign-in test: the administrator makes the schema and the rep $rep (schema $schema)"
( export SALESBENCH_DB_PASSWORD=$admin SALESBENCH_NEW_USER_PASSWORD=$password
  run_watched owner "$repo/salesbench" --data "$work/owner" --db "$db" --db-user "$admin" cli users add "$rep" "签到代表" --role sales_rep --sign-in ) \
  || fail "users add as the administrator: $(tail -n 20 "$work/owner.err")"

# 1. the command line, password from the environment
share_configuration "$work/owner" "$work/rep"
printf 'Name,Notes\n环境变量签到有限公司,signed in with SALESBENCH_DB_PASSWORD\n' > "$work/env.csv"
( export SALESBENCH_DB_PASSWORD=$password
  run_watched cli-env "$repo/salesbench" --data "$work/rep" --db "$db" --db-user "$rep" cli import customers "$work/env.csv" ) \
  || fail "the rep's import with SALESBENCH_DB_PASSWORD: $(tail -n 20 "$work/cli-env.err")"

# 2. the command line, password from a password file; the User preference names the administrator (./salesbench turns it
#    into -Dsalesbench.user), and so does the display name
mkdir -p "$work/home" "$work/rep/configuration/.settings"
printf '%s:%s:%s:%s:%s\n' "$pg_host" "$pg_port" "$pg_db" "$rep" "$password" > "$work/home/.pgpass"
chmod 600 "$work/home/.pgpass"
printf 'eclipse.preferences.version=1\nuser.login=%s\nuser.displayName=Administrator\n' "$admin" >> "$work/rep/configuration/.settings/org.salesbench.ui.prefs"
printf 'Name,Notes\n密码文件签到有限公司,signed in with a password file and a User preference naming the administrator\n' > "$work/pgpass.csv"
( unset SALESBENCH_DB_PASSWORD; export PGPASSFILE="$work/home/.pgpass"
  run_watched cli-pgpass "$repo/salesbench" --data "$work/rep" --db "$db" --db-user "$rep" cli import customers "$work/pgpass.csv" ) \
  || fail "the rep's import with a password file: $(tail -n 20 "$work/cli-pgpass.err")"
grep -q -- "-Dsalesbench.user=$admin" "$work/cli-pgpass.commands" \
  || fail "the User preference did not reach the command line as -Dsalesbench.user (the test would prove nothing)"
# the rep, under that preference, grants themselves the administrator's role: refused
code=0
( unset SALESBENCH_DB_PASSWORD; export PGPASSFILE="$work/home/.pgpass"
  run_watched cli-grant "$repo/salesbench" --data "$work/rep" --db "$db" --db-user "$rep" cli users roles "$rep" administrator ) || code=$?
[ "$code" -ne 0 ] || fail "the rep granted themselves the administrator's role under a preference naming the administrator"

# 3. an argument naming the administrator with the rep's password: refused by the server, saying why
code=0
( export SALESBENCH_DB_PASSWORD=$password
  run_watched cli-other "$repo/salesbench" --data "$work/rep" --db "$db" --db-user "$admin" cli export customers "$work/other.csv" ) || code=$?
[ "$code" -ne 0 ] || fail "--db-user $admin with the rep's password was let in"
grep -qi "password" "$work/cli-other.err" || fail "--db-user $admin with the rep's password: no clear message: $(cat "$work/cli-other.err")"

# The workbench: started, signed in (the rep's session on the server), then ended
signed_in() { [ "$(psql_admin "SELECT COUNT(*) FROM PG_STAT_ACTIVITY WHERE USENAME = '$rep'")" -gt 0 ]; }
workbench() {
  local name=$1 typed=$2 pid watcher ticks=0 code=0 window="" up=false
  shift 2
  "$@" > "$work/$name.out" 2> "$work/$name.err" &
  pid=$!
  watch_commands "$pid" "$work/$name.commands" &
  watcher=$!
  echo "$pid $watcher" > "$work/$name.pids"
  if [ "$typed" = dialog ]; then
    # looked for four times a second, up to 240 s
    while [ -z "$window" ] && [ $ticks -lt 960 ]; do
      window=$(xdotool search --onlyvisible --name "Sign in to the team server" 2>/dev/null | head -n 1 || true)
      [ -n "$window" ] || { sleep 0.25; ticks=$((ticks + 1)); }
    done
    [ -n "$window" ] || fail "$name: no sign-in dialog within 240 s: $(tail -n 20 "$work/$name.err")"
    ticks=0
    sleep 1
    xdotool windowfocus --sync "$window" 2>/dev/null || xdotool windowfocus "$window"
    # the password through xdotool's standard input, never its arguments (which ps would show), then Return: Sign in
    # ("Remember password" and the secure storage: PostgresRememberedPasswordTest)
    printf '%s' "$password" | xdotool type --delay 20 --file -
    xdotool key Return
  fi
  # signed in (the rep's session on the server) and the workbench window up (its views read as the rep), looked for
  # twice a second up to 300 s (the application's hidden leader windows carry its name from the start: only a mapped
  # one is the workbench)
  until $up || ! kill -0 "$pid" 2>/dev/null || [ $ticks -ge 600 ]; do
    if signed_in && xdotool search --onlyvisible --name '^Salesbench' >/dev/null 2>&1; then
      up=true
    else
      sleep 0.5; ticks=$((ticks + 1))
    fi
  done
  $up || fail "$name: the workbench did not sign in as $rep with its window up within 300 s: $(tail -n 20 "$work/$name.err")"
  sleep 5
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 240); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || code=$?
  wait "$watcher" || true
  echo "team sign-in test: $name signed in as $rep and ended (exit $code)"
}
share_configuration "$work/rep" "$work/rep-ui"
( export SALESBENCH_DB_PASSWORD=$password; workbench ui-env none "$repo/salesbench" --data "$work/rep-ui" --db "$db" --db-user "$rep" ) || exit 1
share_configuration "$work/rep-ui" "$work/rep-dialog"
( unset SALESBENCH_DB_PASSWORD; workbench ui-dialog dialog "$repo/salesbench" --data "$work/rep-dialog" --db "$db" --db-user "$rep" ) || exit 1

# What the rep did is theirs, recorded as theirs by the server
for name in 环境变量签到有限公司 密码文件签到有限公司; do
  [ "$(psql_admin "SELECT COUNT(*) FROM $schema.SB_CUSTOMER WHERE NAME = '$name' AND OWNER = '$rep' AND CREATED_BY = '$rep'")" = 1 ] \
    || fail "$name is not the rep's: $(psql_admin "SELECT OWNER, CREATED_BY FROM $schema.SB_CUSTOMER WHERE NAME = '$name'")"
  [ "$(psql_admin "SELECT COUNT(*) FROM $schema.SB_AUDIT_EVENT e JOIN $schema.SB_CUSTOMER c ON c.ID = e.RECORD_ID
                   WHERE e.ENTITY = 'customer' AND c.NAME = '$name' AND e.USER_NAME = '$rep'")" -gt 0 ] \
    || fail "no history row of $name names $rep"
  [ "$(psql_admin "SELECT COUNT(*) FROM $schema.SB_AUDIT_EVENT e JOIN $schema.SB_CUSTOMER c ON c.ID = e.RECORD_ID
                   WHERE e.ENTITY = 'customer' AND c.NAME = '$name' AND e.USER_NAME <> '$rep'")" = 0 ] \
    || fail "a history row of $name names someone else than $rep"
done
[ "$(psql_admin "SELECT COUNT(*) FROM $schema.SB_USER_ROLE WHERE LOGIN = '$rep' AND ROLE_ID = (SELECT ID FROM $schema.SB_ROLE WHERE NAME = 'administrator')")" = 0 ] \
  || fail "the rep holds the administrator's role"

# The password: nowhere in a command line, a preference, a log, an output or any other file the runs left
for name in owner cli-env cli-pgpass cli-grant cli-other ui-env ui-dialog; do
  [ -s "$work/$name.commands" ] || fail "$name: no command line was read (the test would prove nothing)"
  grep -q -- "-Dsalesbench.db.url=" "$work/$name.commands" || fail "$name: the Java command line was not read: $(sort -u "$work/$name.commands")"
done
grep -q -- "-Dsalesbench.db.user=$rep" "$work/ui-dialog.commands" || fail "the workbench's command line was not read"
prefs=$(find "$work/rep-dialog" -name '*.prefs')
grep -q "^db.user=$rep" "$work/rep-dialog/configuration/.settings/org.salesbench.ui.prefs" \
  || fail "the sign-in dialog did not remember the user name (did it sign in?): $(cat "$work/rep-dialog/configuration/.settings/org.salesbench.ui.prefs" 2>/dev/null)"
leaks=$(grep -rlF --exclude=.pgpass -- "$password" "$work" || true)
[ -z "$leaks" ] || fail "the rep's password is in: $leaks"
searched=$(find "$work" -type f ! -name .pgpass | wc -l)
echo "team sign-in test: the password is in no command line ($(cat "$work"/*.commands | sort -u | wc -l) distinct, of $(ls "$work"/*.commands | wc -l) runs and their child processes)," \
  "preference ($(echo "$prefs" | wc -w) files), log or other file ($searched files searched)"
echo "team sign-in test: a User preference and --db-user naming $admin did not make $rep anyone else"
echo "team sign-in test passed"
