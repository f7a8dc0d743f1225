#!/usr/bin/env bash
# Every benchmark of issue 10 in one run, printed as one table with each figure beside its ceiling or goal.
#
#   src/test/bench/bench.sh              # builds (mvn clean package -DskipTests), then measures
#   src/test/bench/bench.sh --no-build   # measures what target/ holds
#   src/test/bench/bench.sh --table-only # prints the table again from target/bench/
#
# 1. the engine (EngineBenchmark, its own JVM): face swap against bare decode+encode, moving and close-up clips;
#    then face mappings and the identity sample's cost (MappingBenchmark, two people at 720p);
# 2. tasks (TaskBenchmark): a 10 s 720p task end to end against the engine alone, and a server's peak memory while
#    it runs two such tasks (the server is started and stopped by the benchmark, by its own process);
# 3. the API (api-bench.sh): wrk on loopback against a server of its own.
# Run it on a quiet machine: the figures are throughput. Raw outputs are kept in target/bench/.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
OUT="$ROOT/target/bench"

if [ "${1:-}" = "--table-only" ]; then # print the table again from the last run's outputs
  TABLE_ONLY=1
elif [ "${1:-}" != "--no-build" ]; then
  echo "bench: building (mvn clean package -DskipTests)" >&2
  build_log="$(mktemp -t bench-build.XXXXXX.log)" # outside target/, which `clean` deletes
  (cd "$ROOT" && mvn -B -q clean package -DskipTests) >"$build_log" 2>&1 ||
    { echo "bench: build failed, see $build_log" >&2; exit 1; }
  rm -f "$build_log"
fi
mkdir -p "$OUT"
started="$(date -u +%Y-%m-%dT%H:%MZ)"
[ -n "${TABLE_ONLY:-}" ] && started="$(date -u -r "$OUT/engine.txt" +%Y-%m-%dT%H:%MZ)"

if [ -z "${TABLE_ONLY:-}" ]; then
echo "bench: engine" >&2
(cd "$ROOT" && mvn -B -q -Pbench exec:exec) | tee "$OUT/engine.txt" >&2
echo "bench: face mappings" >&2
(cd "$ROOT" && mvn -B -q -Pbench exec:exec -Dbench.main=io.faceswap.swap.bench.MappingBenchmark) |
  tee "$OUT/mapping.txt" >&2
echo "bench: tasks" >&2
(cd "$ROOT" && mvn -B -q -Pbench exec:exec -Dbench.main=io.faceswap.it.bench.TaskBenchmark) | tee "$OUT/task.txt" >&2
echo "bench: API" >&2
"$ROOT/src/test/bench/api-bench.sh" --no-build | tee "$OUT/api.txt" >&2
fi

echo
echo "Benchmarks, $started: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)," \
  "$(java -version 2>&1 | head -1), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| figure | value | ceiling | goal | ratio | result |"
echo "|---|---|---|---|---|---|"
figures=()
for part in engine mapping task; do [ -f "$OUT/$part.txt" ] && figures+=("$OUT/$part.txt"); done
grep -ho 'FIGURE|.*' "${figures[@]}" | cut -d'|' -f2- | sed 's/|/ | /g; s/^/| /; s/$/ |/'
# api-bench.sh's rows: | request | req/s | p99 ms | server CPU µs/req | vs refused | goal | result |
awk -F'|' '/^\| (listbyids|`GET)/ {
  for (i = 2; i <= 8; i++) gsub(/^ +| +$/, "", $i)
  if (ceiling == "") ceiling = $3
  print "| API: " $2 " | " $3 " req/s, p99 " $4 " ms, " $5 " µs CPU | " ceiling " req/s | " $7 " | " $6 " | " $8 " |"
}' "$OUT/api.txt"
# api-bench.sh's metrics row (issue 28): | on, before and after off | a, b (mean m) | p99s | CPUs | cost% | goal | result |
awk -F'|' '/^\| off \(/ {gsub(/^ +| +$/, "", $3); off = $3}
  /^\| on, before and after off/ {
  for (i = 2; i <= 8; i++) gsub(/^ +| +$/, "", $i)
  print "| API: listbyids with sk, metrics on (" $3 " req/s) against off | cost " $6 " of the req/s (below 0: more with metrics on) | off " off " req/s | " $7 " | | " $8 " |"
}' "$OUT/api.txt"
