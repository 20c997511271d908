# Shared by salesbench and the start-up benchmark: sets jvm_options, the Java options a start of the product takes.
# Usage: salesbench_jvm_options CONFIGURATION_AREA [workbench|cli]
salesbench_jvm_options() {
  local configuration=$1 kind=${2:-workbench}
  jvm_options=(-Xmx1g)
}
