#!/usr/bin/env bash
# Measures the list requests at two sizes of the data set side by side, for BENCHMARKS.md:
#
#   ./bench/lists.sh
#
# On a machine shared with other work the load changes from minute to minute, so two runs of
# bench/run.sh, one per size, compare badly. This starts one service per size (the packaged jar
# that bench/run.sh built, each on the database petclinic_bench_<owners>, loaded with the service's
# load command, which only checks a data set loaded before), and measures every scenario on each in
# turn, back to back: one client alone (the median of 7 requests after 3), then 64 connections with
# wrk (warm-up, then measured). It prints a Markdown table with the ratios, also kept in
# target/bench/lists.md.
#
# Settings (environment variables, defaults in brackets):
#   BENCH_SIZES       [10000 1000000]  the two data set sizes, in owners
#   BENCH_SCENARIOS   [owner owners-first owners-next owners-city-next owners-middle owners-search pets-search
#                     pets-birthdate-next owners-page vets]; the -next ones follow next links to the 21st page
#                     and owners-totals (the first page with totals=true: what a count costs)
#   BENCH_CONNECTIONS [64], BENCH_WRK_THREADS [2], BENCH_WARMUP [10], BENCH_DURATION [15]
#   BENCH_PGHOST [127.0.0.1], BENCH_PGPORT [5432], BENCH_PGUSER [postgres]; PGPASSWORD if needed
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
read -r -a SIZES <<<"${BENCH_SIZES:-10000 1000000}"
SCENARIOS=${BENCH_SCENARIOS:-owner owners-first owners-next owners-city-next owners-middle owners-search pets-search pets-birthdate-next owners-page vets}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
WRK_THREADS=${BENCH_WRK_THREADS:-2}
WARMUP=${BENCH_WARMUP:-10}
DURATION=${BENCH_DURATION:-15}
PGHOST=${BENCH_PGHOST:-127.0.0.1}
PGPORT=${BENCH_PGPORT:-5432}
PGUSER=${BENCH_PGUSER:-postgres}
OUT=target/bench/lists
JAR=target/bench/extracted/$(basename "$(ls target/dsql-petclinic-*.jar)")
PIDS=()

log() { printf '[lists %s] %s\n' "$(date +%T)" "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }
stop_all() { for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop_all EXIT

case $PGHOST in 127.* | localhost | ::1) ;; *) fail "BENCH_PGHOST must be a loopback address, not $PGHOST" ;; esac
[[ -f $JAR ]] || fail "no extracted jar at $JAR: run ./bench/run.sh once first"
command -v wrk >/dev/null || fail "wrk is missing: run ./bench/run.sh once first"
rm -rf "$OUT"
mkdir -p "$OUT"
log "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) CPUs)"

port() { echo $((18100 + $1)); }

for i in "${!SIZES[@]}"; do
	owners=${SIZES[$i]}
	database=petclinic_bench_$owners
	url="jdbc:postgresql://$PGHOST:$PGPORT/$database"
	if [[ -z $(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -Atc \
		"select 1 from pg_database where datname = '$database'") ]]; then
		psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -q -c "create database $database"
	fi
	log "$database: load --owners=$owners"
	"$JAVA" -jar "$JAR" load --owners="$owners" --spring.datasource.url="$url" \
		--spring.datasource.username="$PGUSER" >"$OUT/load-$owners.log" 2>&1 || fail "see $OUT/load-$owners.log"
	psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$database" -q -c "vacuum analyze"
	psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$database" -Atc \
		"select id from owner order by md5(id::text) limit 50000" >"$OUT/owner-ids-$owners.txt"
	# Open, as bench/run.sh's list scenarios: what a list costs, not what a token does (bench/secured.sh).
	"$JAVA" -jar "$JAR" --server.address=127.0.0.1 --server.port="$(port "$i")" --spring.datasource.url="$url" \
		--spring.datasource.username="$PGUSER" --petclinic.auth=none >"$OUT/service-$owners.log" 2>&1 &
	PIDS+=($!)
done
for i in "${!SIZES[@]}"; do
	for _ in $(seq 1200); do
		curl -fsS -o /dev/null "http://127.0.0.1:$(port "$i")/api/specialties" 2>/dev/null && break
		kill -0 "${PIDS[$i]}" 2>/dev/null || fail "the service on ${SIZES[$i]} owners stopped; see $OUT/service-${SIZES[$i]}.log"
		sleep 0.1
	done
done

# follow BASE PATH: the paths of pages 2 to 21 of a list, each the next link of the one before.
follow() {
	local base=$1 path=$2
	for _ in $(seq 20); do
		path=$(curl -fsS "$base$path" | grep -oP '"next":"\K[^"]+') || fail "fewer than 21 pages of $2"
		echo "$path"
	done
}

# urls SCENARIO INDEX: the file of the paths the scenario requests on that service.
urls() {
	local file=$OUT/urls-$1-${SIZES[$2]}.txt base="http://127.0.0.1:$(port "$2")"
	if [[ ! -f $file ]]; then
		case $1 in
			owner) sed 's|^|/api/owners/|' "$OUT/owner-ids-${SIZES[$2]}.txt" >"$file" ;;
			owners-first) echo "/api/owners" >"$file" ;;
			owners-middle) echo "/api/owners?page=249" >"$file" ;;
			owners-search) echo "/api/owners?name=owner%20a" >"$file" ;;
			pets-search) echo "/api/pets?name=pet%20a" >"$file" ;;
			vets) echo "/api/vets" >"$file" ;;
			owners-totals) echo "/api/owners?totals=true" >"$file" ;;
			owners-page) for page in $(seq 0 500); do echo "/api/owners?page=$page"; done >"$file" ;;
			owners-next) follow "$base" "/api/owners" >"$file" ;;
			owners-city-next) follow "$base" "/api/owners?sort=city" >"$file" ;;
			pets-birthdate-next) follow "$base" "/api/pets?sort=birthDate" >"$file" ;;
			*) fail "unknown scenario $1" ;;
		esac
	fi
	echo "$file"
}

# The deepest of the paths (the 21st page for owners-next), for one client alone.
probe() { if [[ $1 == owner ]]; then head -1 "$2"; else tail -1 "$2"; fi; }

single_client() {
	local base=$1 path=$2
	for _ in 1 2 3; do curl -fsS -o /dev/null "$base$path"; done
	for _ in $(seq 7); do curl -fsS -o /dev/null -w '%{time_total}\n' "$base$path"; done |
		awk '{ printf "%.1f\n", $1 * 1000 }' | sort -n | sed -n 4p
}

wrk_run() {
	BENCH_SCENARIO="list" BENCH_URLS=$2 BENCH_OWNER_IDS=$2 timeout $(($3 + 30)) \
		wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$3"s --timeout 10s -s bench/wrk/scenario.lua "$1" |
		grep -P '^http\t' | awk -F'\t' '{ printf "%.0f %.1f %.1f %d\n", $4 / $5, $6 / 1000, $7 / 1000, $9 }'
}

# The paths of every scenario, each list followed here, in this shell, so that a list shorter than the scenario
# needs stops the run instead of leaving it a shorter file.
for scenario in $SCENARIOS; do
	for i in 0 1; do
		urls "$scenario" "$i" >/dev/null
		[[ -s $OUT/urls-$scenario-${SIZES[$i]}.txt ]] || fail "no paths for $scenario at ${SIZES[$i]} owners"
	done
done

{
	echo "| Request | ${SIZES[0]} owners: one client, median ms | ${SIZES[1]}: one client | ratio | ${SIZES[0]}: req/s at $CONNECTIONS connections | ${SIZES[1]}: req/s | ratio | p99 ms, ${SIZES[0]} / ${SIZES[1]} | errors |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$OUT/lists.md"
for scenario in $SCENARIOS; do
	declare -A median=() rate=() p99=() errors=()
	for i in 0 1; do
		base="http://127.0.0.1:$(port "$i")"
		wrk_run "$base" "$(urls "$scenario" "$i")" "$WARMUP" >/dev/null
		median[$i]=$(single_client "$base" "$(probe "$scenario" "$(urls "$scenario" "$i")")")
		read -r rate[$i] _ p99[$i] errors[$i] <<<"$(wrk_run "$base" "$(urls "$scenario" "$i")" "$DURATION")"
		log "$scenario at ${SIZES[$i]} owners: one client ${median[$i]} ms; ${rate[$i]} req/s, p99 ${p99[$i]} ms, ${errors[$i]} errors"
	done
	request=$(probe "$scenario" "$(urls "$scenario" 1)")
	[[ $scenario == owner ]] && request="/api/owners/{id}"
	[[ $scenario == owners-page ]] && request="/api/owners?page= (0 to 500)"
	[[ $scenario == owners-next ]] && request="/api/owners?cursor= (the 21st page)"
	[[ $scenario == owners-city-next ]] && request="/api/owners?sort=city&cursor= (the 21st page)"
	[[ $scenario == pets-birthdate-next ]] && request="/api/pets?sort=birthDate&cursor= (the 21st page)"
	awk -v s="$scenario" -v r="$request" -v m0="${median[0]}" -v m1="${median[1]}" -v q0="${rate[0]}" \
		-v q1="${rate[1]}" -v p0="${p99[0]}" -v p1="${p99[1]}" -v e="$((errors[0] + errors[1]))" 'BEGIN {
		printf "| %s `%s` | %.1f | %.1f | %.2f | %d | %d | %.0f%% | %.0f / %.0f | %d |\n", s, r, m0, m1, m1 / m0, q0, q1,
			100 * q1 / q0, p0, p1, e }' >>"$OUT/lists.md"
done
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$OUT/lists.md"
