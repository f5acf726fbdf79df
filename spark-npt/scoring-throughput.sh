#!/usr/bin/env bash
# Batch-scoring throughput of spark-npt on a local test cluster: rows/s per executor.
# Usage: spark-npt/scoring-throughput.sh [--rows 100000] [--executors 2] [--cores 1] [--task-cpus 1]
#        [--target classification|regression] [--embedding 8] [--depth 2] [--context 150] [--batch 256] [--repeats 3]
# (see org.npt4j.spark.ScoringThroughput). Builds through the reactor offline (never installs), then runs the class
# with the module's test classpath and the JVM options of its surefire argLine, which Spark needs on Java 17.
set -euo pipefail
module="$(cd "$(dirname "$0")" && pwd)"
cd "$module/.."
mvn -o -B -q test-compile dependency:build-classpath -pl spark-npt -am \
    -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
cd "$module"
# The surefire argLine (heap, --add-opens, reflection settings) is the one place these options are listed.
jvm_options="$(sed -n 's:.*<argLine>\(.*\)</argLine>.*:\1:p' pom.xml)"
# Absolute classpath entries: the executors get this JVM's classpath and start in a worker directory of their own.
# shellcheck disable=SC2086 # the options are separate words
SPARK_HOME="$module/target/spark-home" exec java $jvm_options -Dai.djl.offline=true \
    -cp "$module/target/test-classes:$module/target/classes:$(cat target/test-classpath.txt)" \
    org.npt4j.spark.ScoringThroughput "$@"
