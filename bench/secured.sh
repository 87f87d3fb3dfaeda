#!/usr/bin/env bash
# Measures the owner read with and without JWT validation in alternation, for BENCHMARKS.md:
#
#   ./bench/secured.sh
#
# bench/run.sh measures the open and the secured service once each, a minute apart; on a machine
# shared with other work that minute can change the figures more than security does. This starts the
# packaged jar that bench/run.sh built, on the data set it loaded, in three variants, one after the
# other, and does that BENCH_ROUNDS times: the secured service (an RS256 JWT in every request, the
# token cache on, as configured by default), the secured service validating every request's token
# (petclinic.auth.token-cache.size=0), and the open service (petclinic.auth=none; the same request,
# token and all), each round starting with the next variant. Each is warmed up with wrk, then
# measured with wrk (64 connections), and its CPU time read from /proc. It prints a Markdown
# table, also kept in target/bench/secured.md.
#
# Settings (environment variables, defaults in brackets):
#   BENCH_ROUNDS [3], BENCH_CONNECTIONS [64], BENCH_WRK_THREADS [2], BENCH_WARMUP [30], BENCH_DURATION [20]
#   BENCH_OWNERS [10000] (the data set bench/run.sh loaded), BENCH_PGHOST [127.0.0.1], BENCH_PGPORT [5432],
#   BENCH_PGUSER [postgres]
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
ROUNDS=${BENCH_ROUNDS:-3}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
WRK_THREADS=${BENCH_WRK_THREADS:-2}
WARMUP=${BENCH_WARMUP:-30}
DURATION=${BENCH_DURATION:-20}
OWNERS=${BENCH_OWNERS:-10000}
PGHOST=${BENCH_PGHOST:-127.0.0.1}
PGPORT=${BENCH_PGPORT:-5432}
PGUSER=${BENCH_PGUSER:-postgres}
BENCH=target/bench
OUT=$BENCH/secured
JAR=$BENCH/extracted/$(basename "$(ls target/dsql-petclinic-*.jar)")
PORT=18199
PID=

log() { printf '[secured %s] %s\n' "$(date +%T)" "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }
stop() { if [[ -n $PID ]]; then kill -TERM "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; fi; }
trap stop EXIT

case $PGHOST in 127.* | localhost | ::1) ;; *) fail "BENCH_PGHOST must be a loopback address, not $PGHOST" ;; esac
[[ -f $JAR ]] || fail "no extracted jar at $JAR: run ./bench/run.sh once first"
for file in token.txt issuer-public.pem owner-ids.txt; do
	[[ -f $BENCH/$file ]] || fail "no $BENCH/$file: run ./bench/run.sh (with the owner-secured scenario) once first"
done
command -v wrk >/dev/null || fail "wrk is missing: run ./bench/run.sh once first"
rm -rf "$OUT"
mkdir -p "$OUT"
[[ -z $(find "$BENCH/token.txt" -mmin +230) ]] || fail "the token of the last ./bench/run.sh (4 hours) expires: run it again"
TOKEN=$(cat "$BENCH/token.txt")
OWNER=$(head -1 "$BENCH/owner-ids.txt")
URL="http://127.0.0.1:$PORT/api/owners/$OWNER"
printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$TOKEN" >"$OUT/token.lua"
TICKS=$(getconf CLK_TCK)
log "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) CPUs)"

# The process's CPU time so far, in clock ticks (user and system).
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# measure VARIANT: starts the variant, warms it up, measures it; sets RATE (requests/s) and CPU (µs per request).
measure() {
	local variant=$1 settings=()
	case $variant in
		cached) settings=(--petclinic.auth.audiences=petclinic-bench) ;;
		uncached) settings=(--petclinic.auth.audiences=petclinic-bench --petclinic.auth.token-cache.size=0) ;;
		open) settings=(--petclinic.auth=none) ;;
	esac
	[[ $variant == open ]] ||
		settings+=("--spring.security.oauth2.resourceserver.jwt.public-key-location=file:$BENCH/issuer-public.pem")
	"$JAVA" -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
		--spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/petclinic_bench_$OWNERS" \
		--spring.datasource.username="$PGUSER" "${settings[@]}" >"$OUT/service-$variant.log" 2>&1 &
	PID=$!
	local ready=
	for _ in $(seq 1200); do
		curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" "$URL" 2>/dev/null && ready=1 && break
		kill -0 "$PID" 2>/dev/null || fail "the $variant service stopped; see $OUT/service-$variant.log"
		sleep 0.1
	done
	[[ -n $ready ]] || fail "the $variant service did not serve the owner read within 120 s; see $OUT/service-$variant.log"
	wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$WARMUP"s -s "$OUT/token.lua" "$URL" >/dev/null
	local before requests errors after
	before=$(cpu_ticks "$PID")
	wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION"s -s "$OUT/token.lua" "$URL" >"$OUT/wrk-$variant.txt"
	after=$(cpu_ticks "$PID")
	stop
	requests=$(awk '/requests in/ { print $1 }' "$OUT/wrk-$variant.txt")
	errors=$(awk '/Non-2xx/ { print $NF }' "$OUT/wrk-$variant.txt")
	[[ -z $errors ]] || fail "$variant answered $errors requests with a non-2xx status"
	! grep -q 'Socket errors' "$OUT/wrk-$variant.txt" || fail "$variant: $(grep 'Socket errors' "$OUT/wrk-$variant.txt")"
	RATE=$(awk '/^Requests\/sec/ { printf "%d", $2 }' "$OUT/wrk-$variant.txt")
	CPU=$(((after - before) * 1000000 / TICKS / requests))
}

{
	echo "| Round | secured, token cache on: req/s | CPU µs/req | secured, every token validated: req/s | CPU µs/req | open: req/s | CPU µs/req | cached / open | uncached / open |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$OUT/secured.md"
VARIANTS=(cached uncached open)
for round in $(seq "$ROUNDS"); do
	# Each round starts with another variant, so that none is always the first after a pause.
	for v in 0 1 2; do
		variant=${VARIANTS[$(((round - 1 + v) % 3))]}
		measure "$variant"
		declare "${variant}_rate=$RATE" "${variant}_cpu=$CPU"
	done
	log "round $round: cached $cached_rate req/s ($cached_cpu µs), uncached $uncached_rate ($uncached_cpu µs), open $open_rate ($open_cpu µs)"
	awk -v r="$round" -v a="$cached_rate" -v ac="$cached_cpu" -v b="$uncached_rate" -v bc="$uncached_cpu" \
		-v o="$open_rate" -v oc="$open_cpu" 'BEGIN {
		printf "| %d | %d | %d | %d | %d | %d | %d | %.0f%% | %.0f%% |\n", r, a, ac, b, bc, o, oc, 100 * a / o, 100 * b / o
	}' >>"$OUT/secured.md"
done
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$OUT/secured.md"
