#!/usr/bin/env bash
# What each list request costs the database at two sizes of the data set: the statements the service
# sends for it (as Hibernate writes them, with the benchmark's values), each run 7 times with
# EXPLAIN (ANALYZE, BUFFERS); prints the median execution time, the buffers (8 KiB pages) the last run
# touched, and the rows its scans read. Unlike response times, pages touched do not depend on what
# else runs on the machine.
#
#   ./bench/list-costs.sh        # on petclinic_bench_10000 and petclinic_bench_1000000 (see bench/lists.sh)
#
# Settings: BENCH_SIZES [10000 1000000], BENCH_PGHOST [127.0.0.1], BENCH_PGPORT [5432], BENCH_PGUSER [postgres].
set -euo pipefail

read -r -a SIZES <<<"${BENCH_SIZES:-10000 1000000}"
PGHOST=${BENCH_PGHOST:-127.0.0.1}
PGPORT=${BENCH_PGPORT:-5432}
PGUSER=${BENCH_PGUSER:-postgres}
case $PGHOST in 127.* | localhost | ::1) ;; *) echo "BENCH_PGHOST must be a loopback address" >&2; exit 1 ;; esac
if ! command -v jq >/dev/null; then
	if [[ $(id -u) -eq 0 ]]; then apt-get install -y jq >/dev/null; else sudo apt-get install -y jq >/dev/null; fi
fi

OWNER='select o1_0."id",o1_0."city",o1_0."name",upper(o1_0.name),o1_0."telephone" from "owner" o1_0'
PET='select p1_0."id",p1_0."birthDate",p1_0."name",upper(p1_0.name),p1_0."ownerId" from "pet" p1_0'
ORDER_OWNERS='order by upper(o1_0.name),o1_0."id"'
ORDER_PETS='order by upper(p1_0.name),p1_0."id"'
ORDER_CITY='order by o1_0."city",o1_0."id"'
ORDER_BIRTH='order by p1_0."birthDate",p1_0."id"'
QUERIES=(
	"owners, first page"
	"$OWNER $ORDER_OWNERS fetch first 21 rows only"
	"owners, a cursor's page"
	"$OWNER where (upper(o1_0.name),o1_0.\"id\")>('OWNER MMMMMM','7fffffff-0000-0000-0000-000000000000') and (upper(o1_0.name)>'OWNER MMMMMM' or upper(o1_0.name)='OWNER MMMMMM' and o1_0.\"id\">'7fffffff-0000-0000-0000-000000000000') $ORDER_OWNERS fetch first 21 rows only"
	"owners by city, a cursor's page amid one city"
	"$OWNER where (o1_0.\"city\",o1_0.\"id\")>('Madison','7fffffff-0000-0000-0000-000000000000') and (o1_0.\"city\">'Madison' or o1_0.\"city\"='Madison' and o1_0.\"id\">'7fffffff-0000-0000-0000-000000000000') $ORDER_CITY fetch first 21 rows only"
	"the same, bound by the city alone (before the row comparison)"
	"$OWNER where o1_0.\"city\">='Madison' and (o1_0.\"city\">'Madison' or o1_0.\"city\"='Madison' and o1_0.\"id\">'7fffffff-0000-0000-0000-000000000000') $ORDER_CITY fetch first 21 rows only"
	"pets by birth date, a cursor's page amid one day"
	"$PET where (p1_0.\"birthDate\",p1_0.\"id\")>('2016-03-01','7fffffff-0000-0000-0000-000000000000') and (p1_0.\"birthDate\">'2016-03-01' or p1_0.\"birthDate\"='2016-03-01' and p1_0.\"id\">'7fffffff-0000-0000-0000-000000000000') $ORDER_BIRTH fetch first 21 rows only"
	"owners, page=249"
	"$OWNER $ORDER_OWNERS offset 4980 rows fetch first 21 rows only"
	"owners, name=owner a"
	"$OWNER where upper(o1_0.name)>=upper('owner a') and upper(o1_0.name)<upper('owner a' || chr(1114111)) and upper(o1_0.name) like upper('owner a%') escape '\\' $ORDER_OWNERS fetch first 21 rows only"
	"pets of a page's 20 owners"
	"$PET where p1_0.\"ownerId\" in (select id from owner order by upper(name), id limit 20) $ORDER_PETS"
	"pets, name=pet a"
	"$PET where upper(p1_0.name)>=upper('pet a') and upper(p1_0.name)<upper('pet a' || chr(1114111)) and upper(p1_0.name) like upper('pet a%') escape '\\' $ORDER_PETS fetch first 21 rows only"
	"totals=true: count the owners"
	'select count(o1_0."id") from "owner" o1_0'
)

echo "| Statement | ${SIZES[0]} owners: ms (median of 7) | buffers | rows read | ${SIZES[1]} owners: ms | buffers | rows read |"
echo "|---|---:|---:|---:|---:|---:|---:|"
# Pairs of a name and its statement.
for ((q = 0; q < ${#QUERIES[@]}; q += 2)); do
	sql=${QUERIES[$((q + 1))]}
	row="| ${QUERIES[$q]} |"
	for owners in "${SIZES[@]}"; do
		database=petclinic_bench_$owners
		ms=$(for _ in $(seq 7); do
			psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$database" -Atc \
				"explain (analyze, buffers, format json) $sql" | jq '.[0]["Execution Time"]'
		done | sort -n | sed -n 4p)
		plan=$(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$database" -Atc \
			"explain (analyze, buffers, format json) $sql")
		# The root's buffers count its children's; rows read are those the scans returned or filtered out.
		buffers=$(jq '.[0].Plan | .["Shared Hit Blocks"] + .["Shared Read Blocks"]' <<<"$plan")
		rows=$(jq '[.[0].Plan | .. | objects | select(.["Node Type"]? // "" | test("Scan$"))
			| .["Actual Rows"] * .["Actual Loops"] + (.["Rows Removed by Filter"] // 0)] | add' <<<"$plan")
		ms=$(printf '%.2f' "$ms")
		row+=" $ms | $buffers | $rows |"
	done
	echo "$row"
done
