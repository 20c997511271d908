#!/usr/bin/env bash
# Checks every platform's product archive, as a user would unpack it: it holds that platform's SWT fragment and
# no other platform's, the Equinox launcher jar, that platform's launch script (salesbench.cmd on Windows; a
# script with -XstartOnFirstThread on macOS; executable where the platform has the bit) and a configuration that
# starts the Salesbench product through the simple configurator with the fragment listed.
# The bundles and features (nearly all of an archive's bytes) are checked from the archive's listing; only the rest
# (launch scripts, configuration) is unpacked, as a user's unpacking would lay it out: unpacking every archive whole
# wrote some 400 MB and took most of this check's time.
# Usage: check-archives.sh PRODUCTS-DIR ARCHIVE-BASENAME
set -uo pipefail
dir=$1
base=$2
failures=0
fail() { echo "check-archives: $1" >&2; failures=$((failures + 1)); }
# whether an entry of the archive's listing ($listing) starts with $1 (and ends with $2, when given)
listed() {
  awk -v p="$1" -v s="${2:-}" 'index($0, p) == 1 && substr($0, length($0) - length(s) + 1) == s { found = 1; exit } END { exit !found }' "$listing"
}

# platform (os.ws.arch), SWT fragment, launch script
platforms=(
  "linux.gtk.x86_64 org.eclipse.swt.gtk.linux.x86_64 salesbench"
  "win32.win32.x86_64 org.eclipse.swt.win32.win32.x86_64 salesbench.cmd"
  "macosx.cocoa.aarch64 org.eclipse.swt.cocoa.macosx.aarch64 salesbench"
)
all_fragments="org.eclipse.swt.gtk.linux.x86_64 org.eclipse.swt.win32.win32.x86_64 org.eclipse.swt.cocoa.macosx.aarch64 org.eclipse.swt.cocoa.macosx.x86_64"
for p in "${platforms[@]}"; do
  read -r platform fragment script <<<"$p"
  archive=$(ls "$dir/$base-$platform".zip "$dir/$base-$platform".tar.gz 2>/dev/null | head -n 1)
  if [ -z "$archive" ]; then fail "$platform: no archive $dir/$base-$platform.zip"; continue; fi
  tmp=$(mktemp -d)
  listing="$tmp.list"
  case "$archive" in
    *.zip) unzip -Z1 "$archive" >"$listing" && unzip -q "$archive" -x '*/plugins/*' '*/features/*' -d "$tmp" ;;
    *) tar -tzf "$archive" >"$listing" && tar -xzf "$archive" -C "$tmp" --exclude='*/plugins/*' --exclude='*/features/*' ;;
  esac
  # the installation's top folder: where plugins/ is (salesbench/, or salesbench.app/Contents/Eclipse/ on macOS), the
  # shallowest such folder
  top=$(awk -F/ '{ for (i = 1; i < NF; i++) if ($i == "plugins") { p = ""; for (j = 1; j < i; j++) p = p $j "/"; print length(p) " " p; break } }' \
    "$listing" | sort -n | head -n 1 | cut -d' ' -f2-)
  if ! listed "${top}plugins/"; then
    fail "$platform: $(basename "$archive") has no plugins folder"; rm -rf "$tmp" "$listing"; continue
  fi
  plugins="${top}plugins"
  home="$tmp/${top%/}"
  where="$(basename "$archive"):${top%/}"
  listed "$plugins/${fragment}_" || fail "$platform: $where has no $fragment"
  for other in $all_fragments; do
    [ "$other" = "$fragment" ] && continue
    if listed "$plugins/${other}_"; then fail "$platform: $where holds $other, another platform's SWT"; fi
  done
  listed "$plugins/org.eclipse.swt_" .jar || fail "$platform: $where has no org.eclipse.swt host bundle"
  listed "$plugins/org.eclipse.equinox.launcher_" .jar || fail "$platform: $where has no org.eclipse.equinox.launcher jar"
  launcher_script=$(find "$tmp" -maxdepth 4 -type f -name "$script" | head -n 1)
  if [ -z "$launcher_script" ]; then
    fail "$platform: $where has no launch script $script"
  else
    grep -q 'org.eclipse.equinox.launcher_' "$launcher_script" || fail "$platform: $script does not start the Equinox launcher"
    case "$platform" in
      win32.*)
        grep -q $'\r$' "$launcher_script" || fail "$platform: $script has no Windows (CRLF) line ends"
        grep -qxF "${top}salesbench" "$listing" && fail "$platform: $where holds the Unix script too" ;;
      macosx.*)
        grep -q -- '-XstartOnFirstThread' "$launcher_script" || fail "$platform: $script does not pass -XstartOnFirstThread"
        [ -x "$launcher_script" ] || fail "$platform: $script is not executable" ;;
      linux.*)
        grep -q -- '-XstartOnFirstThread' "$launcher_script" && fail "$platform: $script passes the macOS-only -XstartOnFirstThread"
        [ -x "$launcher_script" ] || fail "$platform: $script is not executable" ;;
    esac
  fi
  ini="$home/configuration/config.ini"
  if [ ! -f "$ini" ]; then
    fail "$platform: $where has no configuration/config.ini"
  else
    grep -q '^eclipse.product=org.salesbench.ui.product' "$ini" || fail "$platform: config.ini does not name the product org.salesbench.ui.product"
    grep -q '^eclipse.application=org.salesbench.ui.application' "$ini" || fail "$platform: config.ini does not name the application org.salesbench.ui.application"
    grep -q '^osgi.bundles=.*org.eclipse.equinox.simpleconfigurator' "$ini" || fail "$platform: config.ini does not start the simple configurator"
  fi
  info="$home/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
  if [ ! -f "$info" ]; then
    fail "$platform: $where has no bundles.info"
  else
    grep -q "^$fragment," "$info" || fail "$platform: bundles.info does not list $fragment"
    grep -q '^org.salesbench.ui,' "$info" || fail "$platform: bundles.info does not list org.salesbench.ui"
  fi
  echo "check-archives: $platform: $(basename "$archive") ($(du -k "$archive" | cut -f1) KB) checked"
  rm -rf "$tmp" "$listing"
done
if [ "$failures" -ne 0 ]; then
  echo "check-archives FAILED: $failures problem(s)" >&2
  exit 1
fi
echo "check-archives: every platform's archive passed"
