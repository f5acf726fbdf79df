#!/usr/bin/env bash
# One command that checks a machine with an NVIDIA GPU (issue 19), in under 10 minutes there:
#   1. the device, driver and CUDA versions (nvidia-smi) and what DJL sees;
#   2. the Breast Cancer and Boston paper-size step benchmarks on the GPU and on the CPU;
#   3. whether one model's GPU and CPU predictions agree (GpuCheck, tolerance 1e-3 on probabilities);
#   4. the quick-start experiment (configs/quick-start.xml) trained on the GPU;
# and writes benchmarks/target/gpu-check.md. Without a GPU it says so and exits 0 after the CPU part.
#
#   benchmarks/gpu-check.sh
#
# Builds with the cuda profile (DJL 0.33.0, libtorch 2.5.1 for CUDA 12.4; the first build downloads
# the 2.46 GB native jar) and never installs into ~/.m2, so the default build's jars stay as they were.
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/target/gpu-check.md
mkdir -p benchmarks/target
started=$(date +%s)

mvn -B -q -Pcuda -DskipTests package
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
# With -am, so that the modules' own POMs (with the cuda profile's native jar) are resolved in the
# reactor, not the default build's from ~/.m2; benchmarks comes last and writes the file last.
mvn -B -q -Pcuda -pl benchmarks -am dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
# The reactor's own jars (npt-core, npt-demo) rather than ~/.m2's, which may hold a CPU build.
cp="benchmarks/target/classes:npt-core/target/classes:npt-demo/target/classes:$(tr ':' '\n' < "$cp_file" | grep -v '/org/npt4j/' | paste -sd:)"
java_run() { DJL_OFFLINE=true java -Dai.djl.offline=true -Dnpt4j.data="$PWD/data" -cp "$cp" "$@"; }

{
  echo "# GPU check ($(date -u +%Y-%m-%dT%H:%MZ), $(hostname))"
  echo
  echo "## Device"
  echo
  if command -v nvidia-smi >/dev/null && nvidia-smi >/dev/null 2>&1; then
    echo '```'
    nvidia-smi --query-gpu=index,name,driver_version,memory.total --format=csv
    nvidia-smi | grep -m1 "CUDA Version" || true
    echo '```'
    gpu=yes
  else
    echo "- nvidia-smi finds no NVIDIA GPU or driver on this machine."
    gpu=no
  fi
} > "$out"

echo >> "$out"; echo "## What DJL sees, and GPU against CPU predictions" >> "$out"; echo >> "$out"
status=0
java_run org.npt4j.benchmarks.GpuCheck benchmarks/target/gpu-check-java.md >/dev/null || status=$?
cat benchmarks/target/gpu-check-java.md >> "$out"
if grep -q "GPUs visible to DJL: 0" benchmarks/target/gpu-check-java.md; then gpu=no; fi

# Paper-size steps: few of them, so that the CPU side stays within minutes. StepBenchmark writes its
# table to target/step-benchmark.md: lines 3-4 are the header, line 5 the shape's row.
echo >> "$out"; echo "## Step benchmarks (median of 5 steps after 2 warm-up steps)" >> "$out"; echo >> "$out"
first=yes
for shape in bc-paper boston-paper; do
  for device in cpu gpu; do
    if [ "$device" = gpu ] && [ "$gpu" = no ]; then continue; fi
    java_run -Dbench.steps=2,5 -Dbench.set="device=$device" org.npt4j.benchmarks.StepBenchmark "$shape" >/dev/null
    if [ $first = yes ]; then sed -n '3,4p' target/step-benchmark.md >> "$out"; first=no; fi
    sed -n '5p' target/step-benchmark.md >> "$out"
  done
done

if [ "$gpu" = yes ]; then
  echo >> "$out"; echo "## The quick-start experiment on the GPU" >> "$out"; echo >> "$out"
  echo '```' >> "$out"
  mvn -B -q -Pcuda -DskipTests -pl experiments -am package exec:java \
    -Dcompare.args="-c configs/quick-start.xml --@npt.device gpu --progress NONE" 2>&1 | tail -25 >> "$out"
  echo '```' >> "$out"
else
  echo >> "$out"; echo "No GPU: the GPU step benchmarks and the quick-start experiment on the GPU were skipped." >> "$out"
fi
echo >> "$out"; echo "Total $(( $(date +%s) - started )) s." >> "$out"
cat "$out"
exit $status
