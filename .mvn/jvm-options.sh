# Shared by salesbench and the start-up benchmark: sets jvm_options, the Java options a start of the product takes.
# Usage: salesbench_jvm_options CONFIGURATION_AREA [workbench|cli]
salesbench_jvm_options() {
  local configuration=$1 kind=${2:-workbench}
  jvm_options=(-Xmx1g)
  # Class data sharing: the classes a start loads, the OSGi bundles' too (about 8,300 of a workbench start's), are kept
  # parsed and verified in an archive in the configuration area, one for the workbench and one for the command line
  # (each loads its own classes). Java makes it as the first start ends, and again when Java or the launcher changed;
  # a new configuration (an install, an upgrade) starts without one. Its messages would go to standard output, which
  # the command line keeps for its data: they are off.
  mkdir -p "$configuration"
  jvm_options+=(-XX:SharedArchiveFile="$configuration/salesbench-$kind.jsa" -XX:+AutoCreateSharedArchive '-Xlog:cds*=off')
}
