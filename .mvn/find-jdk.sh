# Shared by mvnw and salesbench: prints the home of a JDK 21 or newer, or explains which to install.
salesbench_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1
}
salesbench_find_jdk() {
  for candidate in "${JAVA_HOME:-}" \
      "$(command -v java >/dev/null 2>&1 && dirname "$(dirname "$(readlink -f "$(command -v java)")")")" \
      /usr/lib/jvm/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(salesbench_java_major "$candidate")
    case "$major" in ''|1.*) continue ;; esac
    if [ "$major" -ge 21 ] 2>/dev/null; then echo "$candidate"; return 0; fi
  done
  echo "Salesbench needs a JDK 21 or newer and found none (looked at JAVA_HOME, the java on the PATH and the installed JVMs)." >&2
  echo "Install one, for example: apt-get install openjdk-21-jdk (or Temurin 21/25), or set JAVA_HOME to it." >&2
  return 1
}
