#!/usr/bin/env bash
# 10-fold cross-validation through Weka's own command line (weka.Run, seed 1, Weka's stratified
# folds) on the small ARFF files a Weka user tries first: NonParametricTransformer with the package's
# defaults, and J48 (M5P for cpu.arff's numeric class),
# Logistic or LinearRegression and ZeroR beside it. One Markdown row per
# (file, classifier); wall time is the whole Weka process (a fit on all rows, then ten fold fits).
#
#   benchmarks/weka-cv.sh                                 # defaults
#   NPT_OPTIONS="-preset CPU_FAST -steps 300" NPT_NAME=old benchmarks/weka-cv.sh   # other NPT options
#   WEKA_FILES="iris cpu" WEKA_BASELINES=no benchmarks/weka-cv.sh
#
# Run from anywhere after `mvn -q install -DskipTests`; the classpath is the package's own
# (weka-stable and DJL from the local Maven repository).
set -euo pipefail
cd "$(dirname "$0")/.."
files=${WEKA_FILES:-"iris breast-cancer cpu"}
npt_options=${NPT_OPTIONS:-}
npt_name=${NPT_NAME:-"NPT (defaults${npt_options:+ $npt_options})"}
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -q -pl weka-npt-package dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
cp="weka-npt-package/target/classes:$(cat "$cp_file")"

# Prints "| file | name | metric | metric | seconds |" from one cross-validation run.
cv() {
  local file=$1 name=$2; shift 2
  local start end out
  start=$(date +%s.%N)
  out=$(java -Dai.djl.offline=true -cp "$cp" weka.Run "$@" -t "data/weka_example_arff/$file.arff" -x 10 -s 1 -o -v 2>/dev/null)
  end=$(date +%s.%N)
  local cv=${out#*=== Stratified cross-validation ===}
  cv=${cv#*=== Cross-validation ===}
  local secs
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", b - a }')
  if grep -q "Correctly Classified" <<<"$cv"; then
    local acc kappa
    acc=$(awk '/^Correctly Classified Instances/ { print $(NF-1) }' <<<"$cv")
    kappa=$(awk '/^Kappa statistic/ { print $NF }' <<<"$cv")
    echo "| $file | $name | accuracy $acc % | kappa $kappa | $secs |"
  else
    local rmse corr
    rmse=$(awk '/^Root mean squared error/ { print $NF }' <<<"$cv")
    corr=$(awk '/^Correlation coefficient/ { print $NF }' <<<"$cv")
    echo "| $file | $name | RMSE $rmse | correlation $corr | $secs |"
  fi
}

echo "| file | classifier | 10-fold CV | | seconds |"
echo "|---|---|---|---|---|"
for f in $files; do
  # shellcheck disable=SC2086
  cv "$f" "$npt_name" .NonParametricTransformer $npt_options
  if [ "${WEKA_BASELINES:-yes}" = yes ]; then
    # cpu.arff has a numeric class: Weka's model tree M5P stands in for J48 there.
    if [ "$f" = cpu ]; then cv "$f" M5P .M5P; cv "$f" LinearRegression .LinearRegression
    else cv "$f" J48 .J48; cv "$f" Logistic .Logistic; fi
    cv "$f" ZeroR .ZeroR
  fi
done
