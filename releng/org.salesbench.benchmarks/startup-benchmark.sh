#!/usr/bin/env bash
# Start-up benchmark: launches the built product as ./salesbench does, on an embedded Derby database with N demo
# customers (500 unless -n says otherwise), and measures the time to the Customers view's first paint with rows:
#   - the first start, which makes the demo data (reported, not a goal: it shows progress meanwhile);
#   - the first start of this build on that database (Liquibase compares the changelogs only after an upgrade);
#   - cold starts: a new OSGi configuration area and workspace (as after an install or upgrade), the database kept;
#   - warm starts: the same configuration again, as every later start.
# The product prints, with -Dsalesbench.startup.times=true, when each phase ended (ms since the JVM started):
# application (OSGi up, bundles resolved, the application started), display, database (migrations checked, JPA
# ready), window (workbench window open) and first-paint, with the process's CPU time (all threads) and the user
# interface thread's at each (cpu.…, ui-cpu.…): on a shared machine the CPU time says more than the wall time.
# -Dsalesbench.startup.exit=true closes it after that. The database opening's own parts (connect, schema check,
# Liquibase or not, JPA) go to WORK_DIR/database.txt; the Declarative Services components active when the first view
# painted (what the start brought up before the user saw the list) to WORK_DIR/components.txt.
# The wall-clock time from the launch to that line is what the user waits for. Each line ends with jpa-deployed-at=: when
# (ms since the JVM started) and for which thread the persistence unit was deployed in that run (before first-paint
# means the start paid for EclipseLink), or none.
#
# Each line also goes to WORK_DIR/results.txt, with the load average at the time (figures on a loaded machine mean little).
# Usage: startup-benchmark.sh [-n CUSTOMERS] [-r WARM_RUNS] [-p PRODUCT_DIR] [-w WORK_DIR] [-W] [-t TAG] [-j JAVA_OPTIONS]
#        [-f WORDS] [-F [-l FLOOR_DIR]]
#   -W: warm starts only (one to settle the caches of a new configuration, then WARM_RUNS), for A/B comparisons in one
#      session;
#   -t TAG: a configuration area and workspace of that name (the database is shared), so variants keep their caches
#      (the class data sharing archive among them) apart; the lines are named TAG-warm-1 …;
#   -j JAVA_OPTIONS: added after the product's own (.mvn/jvm-options.sh), e.g. to try a JIT or collector setting;
#   -f WORDS: after the first paint, the Customers view types each comma-separated word into its search box, a
#      character at a time, 2 s after the last answer painted (-Dsalesbench.startup.filter): the line then ends with
#      filter-1=MS,CPU_MS,ROWS filter-2=… for each word, from its last keystroke to the paint of its rows, with the
#      process's CPU time meanwhile (the first filter after a start against the later ones).
#   -F: the floor against the product, in turns, in one session: the start-up floor (the smallest workbench on our target
#      platform, releng/org.salesbench.startup.floor: one view with an SWT table of 500 rows made in memory, no
#      database; materialized with -Pbenchmark, or -l FLOOR_DIR) and this product (its N demo customers), each started
#      alike (java -jar the Equinox launcher, .mvn/jvm-options.sh's options and class data sharing archive), then the
#      floor with the plain launcher and no archive of ours (floor-nocds: the JDK's default CDS only; floor-noshare:
#      -Xshare:off), and, on Java 25 or newer, floor and product with the JDK's AOT cache instead of the archive
#      (floor-aot, product-aot: JEP 483/514, made by the first start with -XX:AOTCacheOutput, used with -XX:AOTCache).
#      A new variant settles its caches with a start first; then WARM_RUNS rounds of every variant in turn, and a
#      summary: the median of each (wall to first painted rows, process CPU and user interface thread CPU to it) and
#      the ratios product/floor, product-aot/product, floor-aot/floor, floor-nocds/floor and floor-noshare/floor.
# Needs a display (DISPLAY, e.g. Xvfb). Never part of the build.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
customers=500; runs=5; warm_only=false; tag=""; extra=""; filters=""; floor_mode=false
product="$root/releng/org.salesbench.product/target/products/org.salesbench.ui.product/linux/gtk/x86_64/salesbench"
floor="$root/releng/org.salesbench.startup.floor.product/target/products/org.salesbench.startup.floor.product/linux/gtk/x86_64/floor"
work="$here/target/startup-bench"
while getopts "n:r:p:w:Wt:j:f:Fl:" o; do
  case $o in n) customers=$OPTARG ;; r) runs=$OPTARG ;; p) product=$OPTARG ;; w) work=$OPTARG ;; W) warm_only=true ;;
    t) tag=$OPTARG ;; j) extra=$OPTARG ;; f) filters=$OPTARG ;; F) floor_mode=true ;; l) floor=$OPTARG ;; *) exit 2 ;; esac
done
! $floor_mode || [ -d "$floor/plugins" ] || { echo "startup-benchmark: no floor in $floor: build it with -Pbenchmark (releng/org.salesbench.startup.floor.product)" >&2; exit 2; }
[ -n "${DISPLAY:-}" ] || { echo "startup-benchmark: needs a display (DISPLAY)" >&2; exit 2; }
[ -d "$product/plugins" ] || { echo "startup-benchmark: no product in $product: build releng/org.salesbench.product first" >&2; exit 2; }
. "$root/.mvn/find-jdk.sh"
java_home=$(salesbench_find_jdk)
launcher=$(ls "$product"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
data="$work/data-$customers"
configuration="$data/configuration${tag:+-$tag}"; workspace="$data/workspace${tag:+-$tag}"
mkdir -p "$data"
# a configuration area not there yet is a new one (salesbench_jvm_options makes the folder)
new_configuration=false
[ -d "$configuration" ] || new_configuration=true
. "$root/.mvn/jvm-options.sh"
salesbench_jvm_options "$configuration"
# shellcheck disable=SC2206 # -j's options are words
[ -n "$extra" ] && jvm_options+=($extra)

# run NAME [extra java options…]: one start; prints "NAME wall=… first-paint=… application=… …" (ms)
run() {
  local name=${tag:+$tag-}$1; shift
  local start end line before deployed timed
  [ -z "$filters" ] || set -- "$@" -Dsalesbench.startup.filter="$filters"
  : >"$data/filters.txt"
  before=$( [ -f "$work/database.txt" ] && wc -l <"$work/database.txt" || echo 0 )
  start=$(date +%s%N)
  line=$(cd "$data" && timeout 600 "$java_home/bin/java" "${jvm_options[@]}" "$@" \
      -Dsalesbench.db.url="jdbc:derby:$data/db;create=true" -Dderby.system.home="$data" -Dderby.stream.error.file="$data/derby.log" \
      -Dsalesbench.demo.size="$customers" -Dsalesbench.demo.reset=false \
      -jar "$launcher" -nosplash -data "$workspace" -configuration "$configuration" -nl en 2>>"$data/err.log" \
    | while IFS= read -r l; do
        case "$l" in
          SALESBENCH-STARTUP:*|SALESBENCH-SMOKE:*) echo "$(date +%s%N) $l" ;;
          SALESBENCH-DATABASE:*) echo "$name $l" >>"$work/database.txt" ;;
          SALESBENCH-FILTER:*) echo "$l" >>"$data/filters.txt" ;;
          SALESBENCH-COMPONENTS:*) echo "$name $l" >>"$work/components.txt" ;;
        esac
      done | head -n 1 || true)
  if [ -z "$line" ]; then
    echo "$name: no start-up line (see $data/err.log)" >&2
    return 1
  fi
  end=${line%% *}
  # when (ms since the JVM started) and for which thread the persistence unit was deployed in this run, if it was
  deployed=$(tail -n +"$((before + 1))" "$work/database.txt" 2>/dev/null | grep -F "$name SALESBENCH-DATABASE:" | sed -n 's/.* jpa=[0-9]* at=\([0-9]*\) thread=\(.*\)/\1,\2/p' \
    | head -n 1 | tr ' ' '_' || true) # the floor has no database: no line
  # the filters typed after the paint (-f): filter-N=MS,CPU_MS,ROWS
  timed=$(sed -n 's/^SALESBENCH-FILTER: n=\([0-9]*\) text=.* ms=\([0-9]*\) cpu=\([0-9-]*\) rows=\([0-9]*\)$/filter-\1=\2,\3,\4/p' "$data/filters.txt" | tr '\n' ' ')
  echo "$name wall=$(( (end - start) / 1000000 )) load=$(cut -d' ' -f1 /proc/loadavg) ${line#* SALESBENCH-STARTUP: } jpa-deployed-at=${deployed:-none}${timed:+ ${timed% }}" \
    | tee -a "$work/results.txt"
}

# fill_by_command_line: a database of more customers than the demo data makes in reasonable time (above
# DEMO_LIMIT) is filled by the product's command line, as a user moving in would: a generated CSV (kept as
# WORK/customers-N.csv) through `cli import customers`, which also leaves the search index current. It is made
# once and kept in DATA (the database and its index), so later runs reuse it; its time goes to results.txt.
DEMO_LIMIT=10000
fill_by_command_line() {
  local csv="$work/customers-$customers.csv" start end
  if [ ! -s "$csv" ]; then
    # names of two to three words from small lists (so a word filters a share of them, as real names do) and a
    # serial; an external id, a grade
    awk -v n="$customers" 'BEGIN {
      split("Machinery Energy Textiles Pharma Logistics Retail Foods Software Mining Chemicals Finance Media", a, " ");
      split("Holdings Trading Works Systems Partners Group Industries Services", b, " ");
      split("A B C", g, " ");
      print "Name,External Id,Grade";
      for (i = 0; i < n; i++) printf "%s %s Co %d,bench-%d,%s\n", a[i % 12 + 1], b[int(i / 12) % 8 + 1], i, i, g[i % 3 + 1];
    }' >"$csv.part" && mv "$csv.part" "$csv"
  fi
  start=$(date +%s%N)
  # the command line's own configuration area, apart from the workbench's (their class data sharing archives differ)
  local cli_configuration="$data/configuration-cli" cli_options
  salesbench_jvm_options "$cli_configuration" cli
  cli_options=("${jvm_options[@]}")
  salesbench_jvm_options "$configuration" # back to the workbench's
  [ -n "$extra" ] && jvm_options+=($extra)
  (cd "$data" && /usr/bin/time -o "$data/fill.cpu" -f "%U %S" "$java_home/bin/java" "${cli_options[@]}" -Djava.awt.headless=true -Dlog4j2.statusLoggerLevel=OFF \
      -Dsalesbench.db.url="jdbc:derby:$data/db;create=true" -Dderby.system.home="$data" -Dderby.stream.error.file="$data/derby-cli.log" \
      -jar "$launcher" -nosplash -data "$data/workspace-cli" -configuration "$cli_configuration" \
      -application org.salesbench.cli.application import customers "$csv" --summary json) >"$data/fill.json" 2>>"$data/err.log" \
    || { echo "startup-benchmark: the command line's import failed (see $data/err.log)" >&2; rm -rf "$data/db"; exit 1; }
  end=$(date +%s%N)
  echo "fill-by-command-line customers=$customers wall=$(( (end - start) / 1000000 )) cpu=$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$data/fill.cpu") load=$(cut -d' ' -f1 /proc/loadavg) $(cat "$data/fill.json")" \
    | tee -a "$work/results.txt"
}

if [ ! -d "$data/db" ] && [ "$customers" -gt "$DEMO_LIMIT" ]; then
  fill_by_command_line
fi
# variant NAME: the floor's or the product's start, with its own configuration area and workspace (the database
# shared): NAME is floor or product, with -nocds (the plain launcher, no archive of ours: the JDK's default CDS only),
# -noshare (-Xshare:off) or -aot (the JDK's AOT cache in the configuration area instead of our archive; the start that
# finds none makes it as it ends) after it; otherwise .mvn/jvm-options.sh's options, as ./salesbench starts.
variant() {
  local dir=$product
  tag=$1
  case $tag in floor*) dir=$floor ;; esac
  launcher=$(ls "$dir"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
  configuration="$data/configuration-$tag"; workspace="$data/workspace-$tag"
  new_configuration=false
  [ -d "$configuration" ] || new_configuration=true
  case $tag in
    *-nocds) jvm_options=(-Xmx1g) ;;
    *-noshare) jvm_options=(-Xmx1g -Xshare:off) ;;
    *-aot)
      jvm_options=(-Xmx1g '-Xlog:aot*=off,cds*=off')
      if [ -s "$configuration/salesbench.aot" ]; then
        jvm_options+=(-XX:AOTCache="$configuration/salesbench.aot")
      else
        new_configuration=true
        jvm_options+=(-XX:AOTCacheOutput="$configuration/salesbench.aot")
      fi ;;
    *) salesbench_jvm_options "$configuration" ;;
  esac
  mkdir -p "$configuration"
  # shellcheck disable=SC2206 # -j's options are words
  [ -n "$extra" ] && jvm_options+=($extra)
  return 0
}

# summary FIRST_LINE: the medians of each variant's warm starts in results.txt from that line on, and the ratios
summary() {
  tail -n +"$1" "$work/results.txt" | grep -E '^[a-z-]+-warm-[1-9]' | awk '
    function median(list,   n, a, i, j, t) {
      n = split(list, a, " ");
      for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2;
    }
    {
      v = $1; sub(/-warm-[0-9]+$/, "", v);
      if (!(v in count)) order[++variants] = v;
      count[v]++;
      for (i = 2; i <= NF; i++) {
        split($i, kv, "=");
        if (kv[1] == "wall") wall[v] = wall[v] " " kv[2];
        if (kv[1] == "first-paint") paint[v] = paint[v] " " kv[2];
        if (kv[1] == "cpu.first-paint") cpu[v] = cpu[v] " " kv[2];
        if (kv[1] == "ui-cpu.first-paint") ui[v] = ui[v] " " kv[2];
        if (kv[1] == "load") { load[v] = load[v] " " kv[2]; loads = loads " " kv[2] }
      }
    }
    END {
      printf "%-14s %4s %10s %16s %12s %12s %10s\n", "variant", "runs", "wall ms", "first-paint ms", "CPU ms", "UI CPU ms", "load";
      for (k = 1; k <= variants; k++) {
        v = order[k];
        W[v] = median(wall[v]); P[v] = median(paint[v]); C[v] = median(cpu[v]); U[v] = median(ui[v]);
        printf "%-14s %4d %10d %16d %12d %12d %10.2f\n", v, count[v], W[v], P[v], C[v], U[v], median(load[v]);
      }
      split("product/floor product-aot/product floor-aot/floor floor-nocds/floor floor-noshare/floor", pairs, " ");
      for (k in pairs) n_pairs++;
      for (k = 1; k <= n_pairs; k++) {
        split(pairs[k], ab, "/");
        if ((ab[1] in W) && (ab[2] in W) && W[ab[2]] > 0 && C[ab[2]] > 0 && U[ab[2]] > 0)
          printf "ratio %-22s wall %.2f  first-paint %.2f  CPU %.2f  UI CPU %.2f\n", pairs[k], W[ab[1]] / W[ab[2]], P[ab[1]] / P[ab[2]], C[ab[1]] / C[ab[2]], U[ab[1]] / U[ab[2]];
      }
    }' | tee -a "$work/results.txt"
}

if $floor_mode; then
  [ -d "$data/db" ] || { echo "startup-benchmark: no database of $customers customers in $data yet: run startup-benchmark.sh -n $customers -r 1 once" >&2; exit 2; }
  variants=(floor product floor-nocds floor-noshare)
  if [ "$(salesbench_java_major "$java_home")" -ge 25 ]; then
    variants+=(floor-aot product-aot)
  fi
  first=$(( $( [ -f "$work/results.txt" ] && wc -l <"$work/results.txt" || echo 0 ) + 1 ))
  echo "floor-session java=$(salesbench_java_major "$java_home") runs=$runs variants=${variants[*]} load=$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$work/results.txt"
  for v in "${variants[@]}"; do
    variant "$v"
    ! $new_configuration || run warm-0 -Dsalesbench.startup.times=true -Dsalesbench.startup.exit=true >/dev/null
  done
  for i in $(seq 1 "$runs"); do
    for v in "${variants[@]}"; do
      variant "$v"
      run "warm-$i" -Dsalesbench.startup.times=true -Dsalesbench.startup.exit=true
    done
  done
  summary "$first"
  exit 0
fi
if $warm_only; then
  # a new configuration settles its caches first (the variants' runs may then alternate: -r 1 a variant in turn)
  ! $new_configuration || run warm-0 -Dsalesbench.startup.times=true -Dsalesbench.startup.exit=true >/dev/null
  for i in $(seq 1 "$runs"); do
    run "warm-$i" -Dsalesbench.startup.times=true -Dsalesbench.startup.exit=true
  done
  exit 0
fi
if [ ! -d "$data/db" ]; then
  # the first start makes the demo data: its first paint with rows is when the demo customers show; the smoke test
  # mode then waits until its jobs are done and closes
  run first-start-with-demo-data -Dsalesbench.startup.times=true -Dsalesbench.smoketest=true
fi
# the first start of a new build on an existing database: reported apart, not a cold start (Liquibase compares the
# changelogs there only when they, or the release, changed: the schema's fingerprint holds no build qualifier)
run first-start-of-this-build -Dsalesbench.startup.times=true -Dsalesbench.startup.exit=true
rm -rf "$configuration" "$workspace"
run cold -Dsalesbench.startup.times=true -Dsalesbench.startup.exit=true
run warm-0 -Dsalesbench.startup.times=true -Dsalesbench.startup.exit=true >/dev/null # settles the caches
for i in $(seq 1 "$runs"); do
  run "warm-$i" -Dsalesbench.startup.times=true -Dsalesbench.startup.exit=true
done
