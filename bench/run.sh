#!/usr/bin/env bash
# Benchmarks the packaged service on this machine and prints the report of BENCHMARKS.md.
#
#   ./bench/run.sh
#
# It builds the service and bench/, creates the database $BENCH_DATABASE on the local PostgreSQL
# server unless it exists, loads the data set with the service's own load command (BENCH_OWNERS owners
# with 2 pets each, one vet per 1,000 owners, 10 specialties; a database that holds it already is kept,
# the command only checks it), measures start to ready (fat jar, extracted jar), then for each
# scenario drives the service with wrk (after the warm-up also one client alone, for the list
# scenarios and owner: the median of 7 requests) and, where there is one, the fewest statements that
# answer it through plain JDBC, samples the service's resident memory and CPU time, and runs the
# secured scenarios (owner-secured: the owner read with a bearer token) against the service started
# with JWT validation. Then it runs the open scenarios again, the service and the JDBC baseline both
# reaching PostgreSQL through a latency-injecting proxy (bench/.../LatencyProxy.java: BENCH_LATENCY_MS
# each way), which counts the round trips of each measured scenario at the wire. With the container's
# configuration (the Dockerfile's JVM options, -XX:MaxRAM as the container's memory limit) it trains
# two Java AOT caches (as the Dockerfile does: the context starts and the JVM exits; and with requests),
# measures start to ready without and with each, the owner read's throughput in the first seconds after
# ready against its steady state, and the resident memory of each (the image's cache also under the
# other open scenarios); last, the JMH benchmark of DSQL token generation. Everything listens and connects
# on loopback only; every step is bounded in time.
#
# Settings (environment variables, defaults in brackets):
#   BENCH_CONNECTIONS [64]   concurrent connections (wrk) and workers (JDBC baseline)
#   BENCH_WRK_THREADS [2]    wrk threads
#   BENCH_WARMUP      [15]   seconds of warm-up per scenario, not measured
#   BENCH_DURATION    [20]   measured seconds per scenario
#   BENCH_STARTS      [3]    starts measured per variant
#   BENCH_OWNERS      [10000]  e.g. 1000000: loading a million owners takes a few minutes, once
#   BENCH_SCENARIOS   [owner owners-page vets add-pet mixed owner-secured]; list scenarios (no JDBC baseline):
#                     owners-first, owners-next (following next 20 pages deep), owners-city-next and
#                     pets-birthdate-next (the same by city, by birth date), owners-middle (page=249,
#                     the middle at 10,000 owners), owners-search (name=owner a), pets-search (name=pet a)
#                     owner-secured: the owner read with one bearer token on a service that requires one
#                     (an RS256 key of the run's own); every other scenario runs on the open service
#   BENCH_LATENCY_MS  [0.5]  the proxy's delay each way in ms (0.5: a round trip costs 1 ms more than on
#                            loopback); off: no run through the proxy
#   BENCH_PROXY_PORT  [15432]  the proxy's port; its control port is the next one
#   BENCH_CONTAINER_MEMORY [512m]  the container memory limit that -XX:MaxRAM emulates in the container
#                            configuration (with the Dockerfile's -XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError)
#   BENCH_FIRST_SECONDS [10]  the window of the owner read right after ready, and of its steady state
#   BENCH_STEADY_AFTER [30]  seconds of owner reads between the first window and the steady one
#   BENCH_AOT_TRAINING [10]  seconds of wrk per scenario (owner owners-page vets add-pet) in the training
#                            run of the AOT cache trained with requests
#   BENCH_ONLY_LOAD   [0]    1: measure the scenarios only, on loopback and through the proxy (no starts, AOT
#                            caches, warm-up, container memory or JMH)
#   BENCH_DATABASE    [petclinic_bench_$BENCH_OWNERS]  kept between runs; BENCH_FRESH=1 drops it first
#   BENCH_PGHOST [127.0.0.1], BENCH_PGPORT [5432], BENCH_PGUSER [postgres]; PGPASSWORD if needed
#   BENCH_PORT        [18080]  the service's HTTP port; a second run on the same machine needs its own BENCH_PORT,
#                            BENCH_PROXY_PORT and BENCH_DATABASE (the pool size is read from the database's sessions)
#   BENCH_READY_TIMEOUT [120]  seconds a start may take before the run fails (a busy machine needs more)
#   BENCH_SERVICE_JAVA_OPTS []  JVM options of every service start, e.g. "-Xmx256m"
#   BENCH_JFR         [0]    1: record the load scenarios with JFR into target/bench/service-load.jfr
#   BENCH_SKIP_BUILD  [0]    1: use the jars already built
# Output: target/bench/ (report.md, results.tsv, logs).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
if ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "2[5-9]'; then
	JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="$JAVA_HOME/bin/java"

CONNECTIONS=${BENCH_CONNECTIONS:-64}
WRK_THREADS=${BENCH_WRK_THREADS:-2}
WARMUP=${BENCH_WARMUP:-15}
DURATION=${BENCH_DURATION:-20}
STARTS=${BENCH_STARTS:-3}
OWNERS=${BENCH_OWNERS:-10000}
SCENARIOS=${BENCH_SCENARIOS:-owner owners-page vets add-pet mixed owner-secured}
ONLY_LOAD=${BENCH_ONLY_LOAD:-0}
DATABASE=${BENCH_DATABASE:-petclinic_bench_$OWNERS}
PGHOST=${BENCH_PGHOST:-127.0.0.1}
PGPORT=${BENCH_PGPORT:-5432}
PGUSER=${BENCH_PGUSER:-postgres}
PORT=${BENCH_PORT:-18080}
READY_TIMEOUT=${BENCH_READY_TIMEOUT:-120}
SERVICE_JAVA_OPTS=${BENCH_SERVICE_JAVA_OPTS:-}
JFR=${BENCH_JFR:-0}
LATENCY_MS=${BENCH_LATENCY_MS:-0.5}
PROXY_PORT=${BENCH_PROXY_PORT:-15432}
PROXY_CONTROL_PORT=$((PROXY_PORT + 1))
CONTAINER_MEMORY=${BENCH_CONTAINER_MEMORY:-512m}
FIRST_SECONDS=${BENCH_FIRST_SECONDS:-10}
STEADY_AFTER=${BENCH_STEADY_AFTER:-30}
AOT_TRAINING=${BENCH_AOT_TRAINING:-10}

OUT=target/bench
RESULTS=$OUT/results.tsv
JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DATABASE"
# Through the proxy, unencrypted: it parses the protocol to count round trips.
PROXY_JDBC_URL="jdbc:postgresql://127.0.0.1:$PROXY_PORT/$DATABASE?sslmode=disable&gssEncMode=disable"
# How the service and the JDBC baseline reach PostgreSQL now: loopback, or proxy.
NETWORK=loopback
DB_URL=$JDBC_URL
# The Dockerfile's ENTRYPOINT options, and -XX:MaxRAM for the container's memory limit.
CONTAINER_OPTIONS=("-XX:MaxRAM=$CONTAINER_MEMORY" -XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError)
PROXY_PID=
BENCH_CP="bench/target/classes:bench/target/lib/*"
SERVICE_PID=
# The service's authentication: open, but for the secured scenarios.
SERVICE_AUTH=(--petclinic.auth=none)
READY_HEADER=

log() { printf '[bench %s] %s\n' "$(date +%T)" "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }
record() { (IFS=$'\t'; printf '%s\n' "$*") >>"$RESULTS"; }
load_average() { cut -d' ' -f1-3 /proc/loadavg; }

case $PGHOST in 127.* | localhost | ::1) ;; *) fail "BENCH_PGHOST must be a loopback address, not $PGHOST" ;; esac

stop_service() {
	if [[ -n $SERVICE_PID ]]; then
		kill -TERM "$SERVICE_PID" 2>/dev/null || true
		# Bounded: a graceful stop (and writing an AOT cache) takes seconds, never minutes.
		for _ in $(seq 600); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "$SERVICE_PID" 2>/dev/null || true
		wait "$SERVICE_PID" 2>/dev/null || true
		SERVICE_PID=
	fi
}
stop_proxy() {
	if [[ -n $PROXY_PID ]]; then
		kill -TERM "$PROXY_PID" 2>/dev/null || true
		wait "$PROXY_PID" 2>/dev/null || true
		PROXY_PID=
	fi
}
trap 'stop_service; stop_proxy' EXIT

# The proxy's status line: round trips, Syncs, simple Queries, connections, mean and highest lateness (µs);
# a round trip is a wait for the server's answer, which may cover more than one Sync or Query (LatencyProxy).
proxy_status() {
	local fd line
	exec {fd}<>"/dev/tcp/127.0.0.1/$PROXY_CONTROL_PORT" || return 1
	read -r -t 5 line <&"$fd" || true
	exec {fd}<&-
	[[ -n $line ]] && echo "$line"
}

# Round trips, and the messages the server answers (Syncs and simple Queries), counted so far.
proxy_counts() { proxy_status | awk -F'\t' '{ print $1, $2 + $3 }'; }

# proxy_quiet_counts: the counts once the service has finished the requests a wrk run left behind (wrk
# stops waiting for them; the service answers them still): no more than 2 round trips in 200 ms, or 10 s.
proxy_quiet_counts() {
	local counts previous
	previous=$(proxy_counts) || return 1
	for _ in $(seq 50); do
		sleep 0.2
		counts=$(proxy_counts) || return 1
		((${counts%% *} - ${previous%% *} <= 2)) && break
		previous=$counts
	done
	echo "$counts"
}

# Starts the proxy between the clients and PostgreSQL and waits until it answers.
start_proxy() {
	timeout $((4 * 3600)) "$JAVA" -cp "$BENCH_CP" com.example.petclinic.bench.BenchmarkCommand proxy \
		--listen-port="$PROXY_PORT" --control-port="$PROXY_CONTROL_PORT" --target-host="$PGHOST" \
		--target-port="$PGPORT" --latency-ms="$LATENCY_MS" --lifetime=$((4 * 3600)) >"$OUT/proxy.log" 2>&1 &
	PROXY_PID=$!
	for _ in $(seq 200); do
		proxy_status >/dev/null 2>&1 && return 0
		kill -0 "$PROXY_PID" 2>/dev/null || break
		sleep 0.05
	done
	cat "$OUT/proxy.log" >&2
	fail "the proxy did not start; see $OUT/proxy.log"
}

# Starts the service in the background: start_service LOG JAR [JVM options...]
start_service() {
	local logfile=$1 jar=$2
	shift 2
	# Another service on the port (a second run on this machine) would answer in this one's place.
	if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/" 2>/dev/null; then
		fail "something answers on port $PORT already: another run? Set BENCH_PORT (and BENCH_PROXY_PORT, BENCH_DATABASE)"
	fi
	START_NANOS=$(date +%s%N)
	# shellcheck disable=SC2086 # SERVICE_JAVA_OPTS is a list of options
	"$JAVA" $SERVICE_JAVA_OPTS "$@" -jar "$jar" --server.address=127.0.0.1 --server.port="$PORT" \
		--spring.datasource.url="$DB_URL" --spring.datasource.username="$PGUSER" "${SERVICE_AUTH[@]}" \
		>"$logfile" 2>&1 &
	SERVICE_PID=$!
	SERVICE_LOG=$logfile
}

# Waits until the service answers GET /api/specialties; prints milliseconds since start_service.
await_ready() {
	local deadline=$((SECONDS + READY_TIMEOUT))
	until curl -fsS -o /dev/null --max-time 2 ${READY_HEADER:+-H "$READY_HEADER"} \
		"http://127.0.0.1:$PORT/api/specialties" 2>/dev/null; do
		if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
			tail -40 "$SERVICE_LOG" >&2
			fail "the service stopped before it was ready; see $SERVICE_LOG"
		fi
		((SECONDS < deadline)) || fail "the service was not ready within $READY_TIMEOUT s; see $SERVICE_LOG"
		sleep 0.02
	done
	echo $((($(date +%s%N) - START_NANOS) / 1000000))
}

# Starts and stops the service BENCH_STARTS times: measure_starts VARIANT JAR [JVM options...]
measure_starts() {
	local variant=$1
	shift
	for run in $(seq "$STARTS"); do
		start_service "$OUT/start-${variant// /-}-$run.log" "$@"
		local millis
		millis=$(await_ready)
		stop_service
		local jvm_seconds
		jvm_seconds=$(grep -oP 'process running for \K[0-9.]+' "$SERVICE_LOG" | head -1 || true)
		record start "$variant" "$millis" "$jvm_seconds"
		log "start to ready, $variant, run $run: $millis ms (the JVM's own figure: ${jvm_seconds:-?} s)"
	done
}

# follow_next PATH: follows next from the list's first page 20 times: the pages 2 to 21, each read by its cursor.
follow_next() {
	local path=$1
	for _ in $(seq 20); do
		path=$(curl -fsS "http://127.0.0.1:$PORT$path" | grep -oP '"next":"\K[^"]+') ||
			fail "the list $1 has fewer than 21 pages"
		echo "$path"
	done
}

# The paths a list scenario requests (one a line), empty for the other scenarios.
LIST_SCENARIOS="owners-first owners-next owners-city-next owners-middle owners-search pets-search pets-birthdate-next"
write_urls() {
	local file=$OUT/urls-$1.txt
	case $1 in
		owners-first) echo "/api/owners" >"$file" ;;
		owners-middle) echo "/api/owners?page=249" >"$file" ;;
		owners-search) echo "/api/owners?name=owner%20a" >"$file" ;;
		pets-search) echo "/api/pets?name=pet%20a" >"$file" ;;
		owners-next) follow_next "/api/owners" >"$file" ;;
		owners-city-next) follow_next "/api/owners?sort=city" >"$file" ;;
		pets-birthdate-next) follow_next "/api/pets?sort=birthDate" >"$file" ;;
		*) return 0 ;;
	esac
	echo "$file"
}

# single_client SCENARIO PATH: one client alone, 7 sequential requests after 3; records the median.
single_client() {
	local times
	for _ in 1 2 3; do curl -fsS -o /dev/null "http://127.0.0.1:$PORT$2"; done
	times=$(for _ in $(seq 7); do
		curl -fsS -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$PORT$2"
	done | awk '{ printf "%.1f\n", $1 * 1000 }' | sort -n)
	record single "$1" "$(sed -n 4p <<<"$times")" "$(head -1 <<<"$times")" "$(tail -1 <<<"$times")" "$2" "$NETWORK"
	log "one client, $1 ($2, $NETWORK): median $(sed -n 4p <<<"$times") ms"
}

# wrk_run SCENARIO SECONDS: prints the scenario's result line.
wrk_run() {
	local urls=
	[[ -f $OUT/urls-$1.txt ]] && urls=$OUT/urls-$1.txt
	BENCH_SCENARIO=$1 BENCH_OWNER_IDS=$OUT/owner-ids.txt BENCH_URLS=$urls BENCH_TOKEN=${BENCH_TOKEN:-} \
		BENCH_NETWORK=$NETWORK timeout $(($2 + 30)) \
		wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$2"s --timeout 10s -s bench/wrk/scenario.lua \
		"http://127.0.0.1:$PORT" | tee -a "$OUT/wrk.log" | grep -P '^http\t'
}

bench_java() {
	"$JAVA" -cp "$BENCH_CP" com.example.petclinic.bench.BenchmarkCommand "$@"
}

# User and system CPU time of a process so far, in seconds.
process_cpu_seconds() {
	awk -v ticks="$(getconf CLK_TCK)" '{ print ($14 + $15) / ticks }' "/proc/$1/stat"
}

sample_rss() {
	local pid=$1
	while kill -0 "$pid" 2>/dev/null; do
		awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true
		sleep 1
	done
}

rm -rf "$OUT"
mkdir -p "$OUT"
: >"$RESULTS"
record info date "$(date -u '+%Y-%m-%d %H:%M UTC')"
record info command "./bench/run.sh$(env | grep -oP '^BENCH_\w+=.*' | sed 's/^/ /' | tr -d '\n')"
record info machine "$(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) memory, $(uname -sr)"
record info java "$("$JAVA" -version 2>&1 | head -1)"
record info connections "$CONNECTIONS"
record info warmup "$WARMUP"
record info duration "$DURATION"
record info latency-ms "$LATENCY_MS"
record info load-before "$(load_average)"
log "load average before the run: $(load_average) ($(nproc) CPUs); a busy machine makes the figures preliminary"

if ! command -v wrk >/dev/null; then
	log "installing wrk"
	if [[ $(id -u) -eq 0 ]]; then apt-get install -y wrk >/dev/null; else sudo apt-get install -y wrk >/dev/null; fi
fi
record info wrk "$(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
record info postgresql "$(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -Atc 'show server_version')"

if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
	log "building the service and the benchmark"
	./mvnw -B -q -Dmaven.test.skip=true package >"$OUT/build.log" 2>&1 || fail "the build failed; see $OUT/build.log"
	./mvnw -B -q -f bench/pom.xml package >>"$OUT/build.log" 2>&1 || fail "the build failed; see $OUT/build.log"
fi
FAT_JAR=$(ls target/dsql-petclinic-*.jar)
"$JAVA" -Djarmode=tools -jar "$FAT_JAR" extract --destination "$OUT/extracted" >/dev/null
EXTRACTED_JAR="$OUT/extracted/$(basename "$FAT_JAR")"

if [[ ${BENCH_FRESH:-0} == 1 ]]; then
	psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -v ON_ERROR_STOP=1 -q \
		-c "drop database if exists $DATABASE with (force)" >/dev/null
fi
fresh=0
if [[ -z $(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -Atc \
	"select 1 from pg_database where datname = '$DATABASE'") ]]; then
	log "creating the database $DATABASE"
	psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -v ON_ERROR_STOP=1 -q -c "create database $DATABASE" >/dev/null
	fresh=1
fi
record info data-set "$OWNERS owners with 2 pets each, $((OWNERS / 1000 > 10 ? OWNERS / 1000 : 10)) vets, 10 specialties (load --owners=$OWNERS)"

if [[ $fresh == 1 && $ONLY_LOAD != 1 ]]; then
	log "migrating it (first start)"
	start_service "$OUT/migrate.log" "$EXTRACTED_JAR"
	migrated_millis=$(await_ready)
	record start "extracted jar, empty database (runs the migrations)" "$migrated_millis" ""
	stop_service
fi
log "loading the data set: $OWNERS owners (the load command; a data set loaded before is only checked)"
load_started=$SECONDS
# shellcheck disable=SC2086 # SERVICE_JAVA_OPTS is a list of options
"$JAVA" $SERVICE_JAVA_OPTS -jar "$EXTRACTED_JAR" load --owners="$OWNERS" --spring.datasource.url="$JDBC_URL" \
	--spring.datasource.username="$PGUSER" >"$OUT/load.log" 2>&1 || fail "the load failed; see $OUT/load.log"
record info load "$(grep -oP 'load: \K[0-9]+ owners inserted' "$OUT/load.log" | tail -1) in $((SECONDS - load_started)) s"
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DATABASE" -q -c "vacuum analyze" >/dev/null
# A sample of the owners for the scenarios that read or write one, spread over the whole table.
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DATABASE" -Atc \
	"select id from owner order by md5(id::text) limit 50000" >"$OUT/owner-ids.txt"

if [[ $ONLY_LOAD != 1 ]]; then
	log "measuring start to ready"
	measure_starts "fat jar" "$FAT_JAR"
	measure_starts "extracted jar" "$EXTRACTED_JAR"
fi

open_scenarios=()
secured_scenarios=()
for scenario in $SCENARIOS; do
	case $scenario in
		*-secured) secured_scenarios+=("$scenario") ;;
		*) open_scenarios+=("$scenario") ;;
	esac
done

# run_scenarios SCENARIO...: warm-up, one client alone (list scenarios and owner), the measured run
# against the running service, then the fewest statements through plain JDBC (none for a list
# scenario; a secured scenario's statements are its open one's, measured already), both reaching
# PostgreSQL the $NETWORK way; through the proxy also the round trips of both measured runs.
pool_size=
run_scenarios() {
	for scenario in "$@"; do
		urls=$(write_urls "$scenario")
		wrk_run "$scenario" "$WARMUP" >/dev/null
		if [[ -n $urls ]]; then
			single_client "$scenario" "$(tail -1 "$urls")"
		elif [[ $scenario == owner ]]; then
			single_client owner "/api/owners/$(head -1 "$OUT/owner-ids.txt")"
		fi
		# The baseline gets a pool as large as the one the service has filled by now.
		if [[ -z $pool_size ]]; then
			pool_size=$(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -Atc \
				"select count(*) from pg_stat_activity where datname = '$DATABASE'")
			record info pool-size "$pool_size connections (service's and JDBC baseline's)"
		fi
		if [[ $NETWORK == proxy ]]; then
			read -r round_trips_before answered_before < <(proxy_quiet_counts) ||
				fail "the proxy stopped; see $OUT/proxy.log"
		fi
		cpu_before=$(process_cpu_seconds "$SERVICE_PID")
		line=$(wrk_run "$scenario" "$DURATION")
		record "$line"
		record cpu "$scenario" service "$(awk -v a="$cpu_before" -v b="$(process_cpu_seconds "$SERVICE_PID")" 'BEGIN { print b - a }')" \
			"$NETWORK"
		log "service ($NETWORK): $line"
		if [[ $NETWORK == proxy ]]; then
			read -r round_trips answered < <(proxy_quiet_counts) || fail "the proxy stopped; see $OUT/proxy.log"
			record roundtrips "$scenario" service proxy $((round_trips - round_trips_before)) "$(cut -f4 <<<"$line")" \
				$((answered - answered_before))
		fi
		if [[ " $LIST_SCENARIOS " == *" $scenario "* || $scenario == *-secured ]]; then
			continue
		fi
		proxy_control=()
		if [[ $NETWORK == proxy ]]; then
			proxy_control=(--proxy-control-port="$PROXY_CONTROL_PORT")
		fi
		lines=$(timeout $((WARMUP + DURATION + 60)) "$JAVA" -cp "$BENCH_CP" com.example.petclinic.bench.BenchmarkCommand \
			jdbc --jdbc-url="$DB_URL" --username="$PGUSER" --scenario="$scenario" --connections="$CONNECTIONS" \
			--pool-size="$pool_size" --warmup="$WARMUP" --duration="$DURATION" --owner-ids="$OUT/owner-ids.txt" \
			--network="$NETWORK" "${proxy_control[@]}")
		printf '%s\n' "$lines" >>"$RESULTS"
		log "jdbc ($NETWORK):    $(head -1 <<<"$lines")"
	done
}

log "load scenarios: ${open_scenarios[*]}; $CONNECTIONS connections, ${WARMUP} s warm-up and ${DURATION} s measured each"
jfr_options=()
if [[ $JFR == 1 ]]; then
	jfr_options=("-XX:StartFlightRecording=filename=$OUT/service-load.jfr,settings=profile")
fi
start_service "$OUT/service-load.log" "$EXTRACTED_JAR" "${jfr_options[@]}"
await_ready >/dev/null
sample_rss "$SERVICE_PID" >"$OUT/rss-kib.txt" &
run_scenarios "${open_scenarios[@]}"
peak_kib=$(awk '/^VmHWM:/ { print $2 }' "/proc/$SERVICE_PID/status")
stop_service
wait

if ((${#secured_scenarios[@]} > 0)); then
	log "secured scenarios: ${secured_scenarios[*]}; every request carries an RS256 JWT (bench/secured.sh compares with and without the token cache)"
	bench_java issue-token --public-key="$OUT/issuer-public.pem" --token="$OUT/token.txt" --audience=petclinic-bench \
		--scope="petclinic.read petclinic.write" --lifetime=$((4 * 3600))
	BENCH_TOKEN=$(cat "$OUT/token.txt")
	READY_HEADER="Authorization: Bearer $BENCH_TOKEN"
	SERVICE_AUTH=("--spring.security.oauth2.resourceserver.jwt.public-key-location=file:$OUT/issuer-public.pem"
		--petclinic.auth.audiences=petclinic-bench)
	start_service "$OUT/service-secured.log" "$EXTRACTED_JAR"
	await_ready >/dev/null
	run_scenarios "${secured_scenarios[@]}"
	stop_service
	SERVICE_AUTH=(--petclinic.auth=none)
	READY_HEADER=
	BENCH_TOKEN=
fi

if [[ $LATENCY_MS != off ]]; then
	log "the open scenarios again through the proxy: ${LATENCY_MS} ms each way, round trips counted"
	start_proxy
	NETWORK=proxy
	DB_URL=$PROXY_JDBC_URL
	start_service "$OUT/service-proxy.log" "$EXTRACTED_JAR"
	await_ready >/dev/null
	run_scenarios "${open_scenarios[@]}"
	stop_service
	record proxy "$(proxy_status)"
	stop_proxy
	NETWORK=loopback
	DB_URL=$JDBC_URL
fi

if [[ $ONLY_LOAD == 1 ]]; then
	record info load-after "$(load_average)"
	log "load average after the run: $(load_average)"
	bench_java report --results="$RESULTS" --jmh="$OUT/jmh.csv" | tee "$OUT/report.md"
	exit 0
fi
record memory "$(sort -n "$OUT/rss-kib.txt" | tail -1)" "$peak_kib"

record info container "$CONTAINER_MEMORY memory limit (-XX:MaxRAM), ${CONTAINER_OPTIONS[*]:1}"
log "training Java AOT caches with the container's configuration ($CONTAINER_MEMORY, the Dockerfile's JVM options)"
# The Dockerfile's way: the context starts, then the JVM exits.
start_service "$OUT/aot-training-refresh.log" "$EXTRACTED_JAR" "${CONTAINER_OPTIONS[@]}" \
	-XX:AOTCacheOutput="$OUT/app-refresh.aot" -Dspring.context.exit=onRefresh
for _ in $(seq 1200); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.1; done
stop_service
[[ -f $OUT/app-refresh.aot ]] || fail "the training run wrote no AOT cache; see $OUT/aot-training-refresh.log"
# With requests: the cache also keeps the method profiles of the load (JEP 515).
start_service "$OUT/aot-training.log" "$EXTRACTED_JAR" "${CONTAINER_OPTIONS[@]}" -XX:AOTCacheOutput="$OUT/app.aot"
await_ready >/dev/null
for scenario in owner owners-page vets add-pet; do wrk_run "$scenario" "$AOT_TRAINING" >/dev/null; done
stop_service
[[ -f $OUT/app.aot ]] || fail "the training run wrote no AOT cache; see $OUT/aot-training.log"

VARIANT_NONE="container, no AOT cache"
VARIANT_REFRESH="container, AOT cache trained at refresh (the image's)"
VARIANT_REQUESTS="container, AOT cache trained with requests"
measure_starts "$VARIANT_NONE" "$EXTRACTED_JAR" "${CONTAINER_OPTIONS[@]}"
measure_starts "$VARIANT_REFRESH" "$EXTRACTED_JAR" "${CONTAINER_OPTIONS[@]}" -XX:AOTCache="$OUT/app-refresh.aot"
measure_starts "$VARIANT_REQUESTS" "$EXTRACTED_JAR" "${CONTAINER_OPTIONS[@]}" -XX:AOTCache="$OUT/app.aot"

requests_per_second() { awk -F'\t' '{ printf "%.1f", $4 / $5 }' <<<"$1"; }

# warm_up VARIANT FOOTPRINT [JVM options...]: the owner read for BENCH_FIRST_SECONDS right after ready,
# BENCH_STEADY_AFTER seconds more, then BENCH_FIRST_SECONDS at steady state; with FOOTPRINT=1 the other
# open scenarios follow, BENCH_DURATION s each. The service's resident memory is sampled all along.
warm_up() {
	local variant=$1 footprint=$2
	shift 2
	local slug=${variant//[^a-z]/-}
	start_service "$OUT/warm-up-$slug.log" "$EXTRACTED_JAR" "${CONTAINER_OPTIONS[@]}" "$@"
	local ready
	ready=$(await_ready)
	sample_rss "$SERVICE_PID" >"$OUT/rss-kib-$slug.txt" &
	local sampler=$! first steady
	first=$(wrk_run owner "$FIRST_SECONDS")
	wrk_run owner "$STEADY_AFTER" >/dev/null
	steady=$(wrk_run owner "$FIRST_SECONDS")
	local load="owner read, $((2 * FIRST_SECONDS + STEADY_AFTER)) s"
	if [[ $footprint == 1 ]]; then
		local others=()
		for scenario in "${open_scenarios[@]}"; do
			[[ $scenario == owner ]] || others+=("$scenario")
		done
		for scenario in "${others[@]}"; do wrk_run "$scenario" "$DURATION" >/dev/null; done
		((${#others[@]} == 0)) || load="$load, then ${others[*]}, ${DURATION} s each"
	fi
	local peak_kib
	peak_kib=$(awk '/^VmHWM:/ { print $2 }' "/proc/$SERVICE_PID/status")
	stop_service
	wait "$sampler" || true
	record warmup "$variant" "$ready" "$(requests_per_second "$first")" "$(requests_per_second "$steady")" \
		"$(cut -f9 <<<"$first")" "$(cut -f9 <<<"$steady")"
	record container-memory "$variant" "$(sort -n "$OUT/rss-kib-$slug.txt" | tail -1)" "$peak_kib" "$load"
	log "warm-up, $variant: ready in $ready ms; first ${FIRST_SECONDS} s $(requests_per_second "$first") req/s," \
		"steady $(requests_per_second "$steady") req/s; VmHWM $((peak_kib / 1024)) MiB"
}

log "warm-up: the owner read from ready on, in the container's configuration"
warm_up "$VARIANT_NONE" 0
warm_up "$VARIANT_REFRESH" 1 -XX:AOTCache="$OUT/app-refresh.aot"
warm_up "$VARIANT_REQUESTS" 0 -XX:AOTCache="$OUT/app.aot"

log "JMH: DSQL token generation"
timeout 300 "$JAVA" -cp "$BENCH_CP" org.openjdk.jmh.Main TokenGenerationBenchmark -rf csv -rff "$OUT/jmh.csv" \
	>"$OUT/jmh.log" 2>&1 || fail "JMH failed; see $OUT/jmh.log"

record info load-after "$(load_average)"
log "load average after the run: $(load_average)"
bench_java report --results="$RESULTS" --jmh="$OUT/jmh.csv" | tee "$OUT/report.md"
