#!/usr/bin/env bash
# A real Spark standalone cluster on this machine, from Maven Central's jars: a master and two workers, each a JVM of
# its own, each worker launching one 1-core executor JVM; the README's spark-submit command runs the quick-start
# experiment on it with --@executor spark; one executor JVM is killed while it trains; the same experiment then runs
# in-process, and the two runs' per-fold scores are put side by side. Writes spark-npt/target/cluster-check/report.md.
#
#   spark-npt/cluster-check.sh [extra Compare arguments, e.g. --@npt.steps 300]
#
# Needs Java 17 and Maven, nothing else; takes about as long as the experiment twice (minutes on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/spark-npt/target/cluster-check
DIST=$ROOT/spark-npt/target/spark-dist
rm -rf "$OUT"; mkdir -p "$OUT"
if pgrep -f 'org.apache.spark.deploy.(master.Master|worker.Worker)' > /dev/null; then
  echo "a Spark master or worker is already running here (pgrep -f org.apache.spark.deploy); stop it first"; exit 1
fi

echo "building the cluster jar and a Spark installation from Maven Central"
mvn -B -q -DskipTests -pl spark-npt -am package
mvn -B -q -f spark-npt/spark-dist dependency:copy-dependencies -DoutputDirectory="$DIST/jars"
echo "Spark $(ls "$DIST"/jars | sed -n 's/^spark-core_2.13-\(.*\)\.jar$/\1/p') from Maven Central" > "$DIST/RELEASE"
JAR=$(ls "$ROOT"/spark-npt/target/spark-npt-*-cluster.jar)
export SPARK_HOME=$DIST SPARK_SCALA_VERSION=2.13 DJL_OFFLINE=true
# What Spark's own launch scripts pass on Java 17.
OPENS="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
 --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
 --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
 --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
 --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
 --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
 --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
 -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true"
spark() { java $OPENS -Xmx1g -cp "$DIST/jars/*" "$@"; }

PIDS=()
# The JVMs run under subshells, so they are found by their main classes rather than by the subshells' pids.
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  pkill -f 'org.apache.spark.deploy.(master.Master|worker.Worker)' 2>/dev/null || true
  pkill -f CoarseGrainedExecutorBackend 2>/dev/null || true
}
trap cleanup EXIT

spark org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 7077 --webui-port 18080 > "$OUT/master.log" 2>&1 &
PIDS+=($!)
for w in 1 2; do
  spark org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 2g --webui-port $((18080 + w)) \
    --work-dir "$OUT/worker-$w" spark://127.0.0.1:7077 > "$OUT/worker-$w.log" 2>&1 &
  PIDS+=($!)
done
for i in $(seq 1 60); do
  [ "$(grep -c 'Registering worker' "$OUT/master.log" || true)" -ge 2 ] && break
  sleep 1
done
grep -c 'Registering worker' "$OUT/master.log" | grep -q 2 || { echo "the workers did not register"; exit 1; }
echo "master and two workers are up: $(pgrep -f 'org.apache.spark.deploy.(master.Master|worker.Worker)' | tr '\n' ' ')"

# The README's command, with this machine's master; the driver runs in this spark-submit JVM.
(
  set +e
  spark org.apache.spark.deploy.SparkSubmit --master spark://127.0.0.1:7077 --conf spark.driver.host=127.0.0.1 \
    --conf spark.executor.cores=1 --class org.npt4j.experiments.Compare "$JAR" \
    -c configs/quick-start.xml --@executor spark --@threads 1 --progress LOG "$@" > "$OUT/spark-run.txt" 2> "$OUT/spark-run.log"
  echo $? > "$OUT/spark-run.status"
) &
SUBMIT=$!
# Kill one executor JVM once its tasks have trained for a while.
for i in $(seq 1 600); do
  EXECUTORS=$(pgrep -f CoarseGrainedExecutorBackend || true)
  [ "$(echo "$EXECUTORS" | grep -c . || true)" -ge 2 ] && break
  sleep 1
done
sleep 45
VICTIM=$(pgrep -f CoarseGrainedExecutorBackend | head -1 || true)
if [ -n "$VICTIM" ]; then
  kill -9 "$VICTIM"
  echo "killed executor JVM $VICTIM at $(date +%T)" | tee "$OUT/killed.txt"
fi
wait $SUBMIT
STATUS=$(cat "$OUT/spark-run.status")
echo "spark-submit exited with $STATUS"

echo "the same experiment in-process"
set +e
java -Dai.djl.offline=true -cp "$JAR" org.npt4j.experiments.Compare -c configs/quick-start.xml --@threads 1 --progress NONE "$@" \
  > "$OUT/in-process.txt" 2> "$OUT/in-process.log"
LOCAL_STATUS=$?
set -e

folder() { sed -n 's/^Results written to //p' "$1"; }
{
  echo "# Spark standalone cluster check ($(date -u +%F))"
  echo
  echo "Master and two workers as JVMs of their own (one 1-core executor each), Spark from Maven Central; quick-start.xml,"
  echo "\`--@executor spark --@threads 1 $*\` through spark-submit; in-process with \`--@threads 1 $*\`."
  echo
  echo "- $(cat "$OUT/killed.txt" 2>/dev/null || echo 'no executor was killed')"
  echo "- Spark saw: $(grep -m1 'ExecutorLostFailure' "$OUT/spark-run.log" | cut -c1-220 || echo nothing)"
  echo "- spark-submit exit status $STATUS, in-process exit status $LOCAL_STATUS"
  echo
  echo "| trainer,fold | in-process | on Spark |"
  echo "|---|---|---|"
  paste -d'|' <(tail -n +2 "$(folder "$OUT/in-process.txt")/folds.csv") <(tail -n +2 "$(folder "$OUT/spark-run.txt")/folds.csv") \
    | awk -F'|' '{ split($1, a, ","); split($2, b, ","); printf "| %s,%s | %s %s %s | %s %s %s |\n", a[1], a[2], a[3], a[4], a[5], b[3], b[4], b[5] }'
  echo
  echo "Quality columns (accuracy, AUROC, log-loss); the runs' folders: $(folder "$OUT/in-process.txt"), $(folder "$OUT/spark-run.txt")"
} > "$OUT/report.md"
cat "$OUT/report.md"
cmp <(cut -d, -f1-5 "$(folder "$OUT/in-process.txt")/folds.csv") <(cut -d, -f1-5 "$(folder "$OUT/spark-run.txt")/folds.csv") \
  && echo "per-fold scores identical" || { echo "per-fold scores differ"; exit 1; }
[ "$STATUS" = 0 ] && [ "$LOCAL_STATUS" = 0 ]
