#!/usr/bin/env bash
# How npt4j trains on a machine that is also busy with something else: the Weka package's defaults
# on iris (one fit, whole Weka process), and the median training step of the bc-cpu and bc-paper
# benchmark shapes, each alone and beside two busy shell loops (one per core of a 2-core machine),
# for each configuration in CONFIGS (JVM options, ';'-separated; "default" for none), interleaved.
# Then two 200-step bc-cpu trainings in one JVM and in two JVMs, against one alone.
#
#   benchmarks/busy-machine.sh
#   CONFIGS="-Dnpt4j.threadWait=system;default" REPEATS=2 benchmarks/busy-machine.sh
#
# Run after `mvn -q install -DskipTests`. Prints Markdown rows; nothing else may run meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."
IFS=';' read -r -a configs <<<"${CONFIGS:-"-Dnpt4j.threadWait=system;default"}"
repeats=${REPEATS:-1}
busy_loops=${BUSY:-2}
cp_file=$(mktemp)
loops=()
cleanup() { for p in "${loops[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; rm -f "$cp_file"; }
trap cleanup EXIT
mvn -q -pl weka-npt-package dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
weka_cp="weka-npt-package/target/classes:$(cat "$cp_file")"

start_busy() { for _ in $(seq "$busy_loops"); do (while :; do :; done) & loops+=($!); done; }
stop_busy() { for p in "${loops[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; loops=(); }
opts_of() { [ "$1" = default ] && echo "" || echo "$1"; }

iris() {
  local s e
  s=$(date +%s.%N)
  # shellcheck disable=SC2046
  java -Dai.djl.offline=true $(opts_of "$1") -cp "$weka_cp" weka.Run .NonParametricTransformer \
      -t data/weka_example_arff/iris.arff -no-cv -o >/dev/null 2>&1
  e=$(date +%s.%N)
  awk -v a="$s" -v b="$e" 'BEGIN { printf "%.1f s", b - a }'
}

step() {
  # shellcheck disable=SC2046
  JAVA_TOOL_OPTIONS="$(opts_of "$1") -Dbench.steps=$3" mvn -q -pl benchmarks exec:exec -Dbench.shapes="$2" 2>/dev/null \
      | awk -F'|' -v s="$2" '$2 ~ " "s" " { gsub(/ /, "", $5); print $5 " ms" }'
}

echo "| workload | configuration | load | repeat | result |"
echo "|---|---|---|---|---|"
for r in $(seq "$repeats"); do
  for load in alone busy; do
    for c in "${configs[@]}"; do
      [ "$load" = busy ] && start_busy
      echo "| iris (Weka defaults, one fit, whole process) | $c | $load | $r | $(iris "$c") |"
      echo "| bc-cpu median step | $c | $load | $r | $(step "$c" bc-cpu 20,60) |"
      echo "| bc-paper median step | $c | $load | $r | $(step "$c" bc-paper 3,5) |"
      [ "$load" = busy ] && stop_busy
    done
  done
done

concurrent() {
  JAVA_TOOL_OPTIONS="$(opts_of "$1")" mvn -q -pl benchmarks exec:exec -Dbench.main=org.npt4j.benchmarks.ConcurrentTrainings \
      -Dbench.shapes="bc-cpu $2 200" 2>/dev/null | sed -n 's/^RESULT //p'
}
for c in "${configs[@]}"; do
  echo "| bc-cpu 200 steps, one training alone | $c | alone | 1 | $(concurrent "$c" 1) |"
  echo "| bc-cpu 200 steps, two trainings in one JVM | $c | alone | 1 | $(concurrent "$c" 2) |"
  a=$(mktemp); b=$(mktemp)
  concurrent "$c" 1 >"$a" & pa=$!
  concurrent "$c" 1 >"$b" & pb=$!
  wait "$pa" "$pb"
  echo "| bc-cpu 200 steps, two JVMs at once | $c | alone | 1 | $(cat "$a") / $(cat "$b") |"
  rm -f "$a" "$b"
done
