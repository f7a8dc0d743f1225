#!/usr/bin/env bash
# Every benchmark of issue 10 in one run, printed as one table with each figure beside its ceiling or goal.
#
#   src/test/bench/bench.sh              # builds (mvn clean package -DskipTests), then measures
#   src/test/bench/bench.sh --no-build   # measures what target/ holds
#
# 1. the engine (EngineBenchmark, its own JVM): face swap against bare decode+encode, moving and close-up clips;
# 2. tasks (TaskBenchmark): a 10 s 720p task end to end against the engine alone, and a server's peak memory while
#    it runs two such tasks (the server is started and stopped by the benchmark, by its own process);
# 3. the API (api-bench.sh): wrk on loopback against a server of its own.
# Run it on a quiet machine: the figures are throughput. Raw outputs are kept in target/bench/.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
OUT="$ROOT/target/bench"

if [ "${1:-}" != "--no-build" ]; then
  echo "bench: building (mvn clean package -DskipTests)" >&2
  (cd "$ROOT" && mvn -B -q clean package -DskipTests)
fi
mkdir -p "$OUT"
started="$(date -u +%Y-%m-%dT%H:%MZ)"

echo "bench: engine" >&2
(cd "$ROOT" && mvn -B -q -Pbench exec:exec) | tee "$OUT/engine.txt" >&2
echo "bench: tasks" >&2
(cd "$ROOT" && mvn -B -q -Pbench exec:exec -Dbench.main=io.faceswap.it.bench.TaskBenchmark) | tee "$OUT/task.txt" >&2
echo "bench: API" >&2
"$ROOT/src/test/bench/api-bench.sh" --no-build | tee "$OUT/api.txt" >&2

echo
echo "Benchmarks, $started: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)," \
  "$(java -version 2>&1 | head -1), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| figure | value | ceiling | goal | ratio | result |"
echo "|---|---|---|---|---|---|"
grep -h '^FIGURE|' "$OUT/engine.txt" "$OUT/task.txt" | cut -d'|' -f2- | sed 's/^/| /; s/$/ |/'
# api-bench.sh's rows: | request | req/s | p99 ms | server CPU µs/req | vs refused | goal |
awk -F'|' '/^\| (listbyids|`GET)/ {
  gsub(/^ +| +$/, "", $2); gsub(/^ +| +$/, "", $3); gsub(/^ +| +$/, "", $4); gsub(/^ +| +$/, "", $6); gsub(/^ +| +$/, "", $7)
  if (ceiling == "") ceiling = $3
  split($7, g, ": "); print "| API: " $2 " | " $3 " req/s, p99 " $4 " ms | " ceiling " req/s | " g[1] " | " $6 " | " g[2] " |"
}' "$OUT/api.txt"
