#!/usr/bin/env bash
# Micromall benchmark: bench/run.sh [--scale tiny|small|large] [--rounds N] [--duration SECONDS] [--port PORT]
# (--skip-build reuses target/micromall-*.jar, --reuse-db an already filled micromall_bench_<scale>: for working on the script;
# --jar FILE measures that jar instead, --app-arg ARG passes one more argument to the app, --pages-only skips the
# ceilings, checkout and settlement; --baseline FILE also starts that jar (--baseline-arg ARG: one more argument for
# it) and times the rows @16 on both, round by round in turn, with the ratio of each pair.)
# Builds the jar, makes a fresh PostgreSQL database, fills it at scale with set-based SQL, starts the app on it
# and measures with wrk / pgbench / a Java checkout client on loopback. Prints one table. See BENCHMARKS.md.
# Every process it starts is stopped on exit (by PID); it drops only the databases named micromall_bench_*.
set -euo pipefail

SCALE=small ROUNDS=3 DURATION=10 PORT=18080 CONNECTIONS=64 CHECKOUT_THREADS=16 BUILD=yes REUSE_DB=no PAGES_ONLY=no
GIVEN_JAR="" EXTRA_ARGS=() BASELINE_JAR="" BASELINE_ARGS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --scale) SCALE=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --skip-build) BUILD=no; shift ;;
    --reuse-db) REUSE_DB=yes; shift ;;
    --jar) GIVEN_JAR=$2; BUILD=no; shift 2 ;;
    --app-arg) EXTRA_ARGS+=("$2"); shift 2 ;;
    --pages-only) PAGES_ONLY=yes; shift ;;
    --baseline) BASELINE_JAR=$2; shift 2 ;;
    --baseline-arg) BASELINE_ARGS+=("$2"); shift 2 ;;
    -h|--help) sed -n 2,8p "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
case "$SCALE" in
  tiny)  CUSTOMERS=1000;   PRODUCTS=50;   ORDERS=5000;    PGBENCH_SCALE=2;  MAX_MINUTES=20 ;;
  small) CUSTOMERS=10000;  PRODUCTS=200;  ORDERS=100000;  PGBENCH_SCALE=10; MAX_MINUTES=40 ;;
  large) CUSTOMERS=100000; PRODUCTS=2000; ORDERS=1000000; PGBENCH_SCALE=50; MAX_MINUTES=120 ;;
  *) echo "--scale must be tiny, small or large" >&2; exit 2 ;;
esac

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
DB=micromall_bench_$SCALE
PGB_DB=micromall_bench_pgbench
BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d /tmp/micromall-bench.XXXXXX)
PASSWORD=bench-owner-secret
APP_PID="" SAMPLER_PID="" WATCHDOG_PID="" SMTP_PID="" BASELINE_PID=""
BASELINE_PORT=$((PORT + 1)) BASELINE_URL=http://127.0.0.1:$((PORT + 1))
SMTP_PORT=$((PORT + 25))

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

cleanup() {
  local pid
  for pid in $SAMPLER_PID $APP_PID $BASELINE_PID $SMTP_PID $WATCHDOG_PID; do
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; fi
  done
  if [[ -n "$APP_PID" ]]; then wait "$APP_PID" 2>/dev/null || true; fi
  dropdb --if-exists "$PGB_DB" 2>/dev/null || true
  log "logs and raw figures in $WORK; the filled database $DB is kept for EXPLAIN (dropdb $DB to remove it)"
}
trap cleanup EXIT
# Bounded in time: the whole run is stopped after MAX_MINUTES.
( sleep $((MAX_MINUTES * 60)); echo "[bench] time limit of $MAX_MINUTES min reached, stopping" >&2; kill -TERM $$ ) &
WATCHDOG_PID=$!

# ---- tools ----
command -v psql >/dev/null || { echo "psql is needed (postgresql-client)" >&2; exit 1; }
PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | head -1 || true)
if ! command -v wrk >/dev/null; then
  log "installing wrk (Debian package)"
  if [[ $(id -u) -eq 0 ]]; then apt-get install -y wrk >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y wrk >/dev/null); fi
fi
command -v wrk >/dev/null || { echo "wrk is not installed and could not be installed: apt-get install wrk" >&2; exit 1; }
pg_isready -q || { echo "PostgreSQL does not answer on $PGHOST:$PGPORT" >&2; exit 1; }

# ---- build ----
if [[ $BUILD == yes ]]; then log "building the jar"; ./mvnw -q -B -DskipTests package; fi
# A copy, so a build running meanwhile cannot change the jar under the running app.
cp "${GIVEN_JAR:-$(ls target/micromall-*.jar | grep -v plain | head -1)}" "$WORK/micromall.jar"
[[ -n "$BASELINE_JAR" ]] && cp "$BASELINE_JAR" "$WORK/baseline.jar"
JAR=$WORK/micromall.jar

# ---- mail ----
# Order mails go through real SMTP conversations, to a sink that throws them away (Python's smtpd), so the
# checkout pays for sending as a shop does; without a server every mail fails and is retried at each start.
python3 -W ignore -m smtpd -n -c DebuggingServer "127.0.0.1:$SMTP_PORT" >/dev/null 2>&1 &
SMTP_PID=$!

# ---- app ----
# The heap holds ~55 MB live after a full GC under this load; 192 MB leaves room. SerialGC: no parallel-GC
# bookkeeping (~18 MB), and on 2 cores its young collections are as short.
JAVA_OPTS=(-Xms192m -Xmx192m -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -Xss512k)
APP_ARGS=(--spring.profiles.active=postgres
  --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" --spring.datasource.username="$PGUSER" --spring.datasource.password=
  --micromall.demo.enabled=false --micromall.scheduling.enabled=false
  --micromall.owner.email=owner@bench.micromall --micromall.owner.password="$PASSWORD" --micromall.owner.name=Bench-Owner
  --spring.mail.host=127.0.0.1 --spring.mail.port="$SMTP_PORT" --micromall.device-hash-salt=bench-device-hash-secret-of-32-bytes-or-more --spring.datasource.hikari.maximum-pool-size=16
  --server.tomcat.threads.max=32 --server.tomcat.accept-count=200 --logging.level.root=WARN
  --logging.level.com.micromall=WARN --spring.jpa.show-sql=false)

start_app() { # $1 = log file; sets APP_PID and STARTUP_MS
  local t0 t1
  t0=$(date +%s%N)
  # MALLOC_ARENA_MAX: glibc gives each busy thread its own malloc arena; two are plenty and keep RSS down.
  MALLOC_ARENA_MAX=2 java "${JAVA_OPTS[@]}" -jar "$JAR" --server.port="$PORT" "${APP_ARGS[@]}" \
    ${EXTRA_ARGS[@]+"${EXTRA_ARGS[@]}"} >"$1" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 900); do
    if curl -fs --max-time 10 "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"'; then
      t1=$(date +%s%N); STARTUP_MS=$(((t1 - t0) / 1000000)); return 0
    fi
    kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$1" >&2; echo "the app did not start" >&2; exit 1; }
    sleep 0.2
  done
  echo "the app did not become healthy in 180 s" >&2; exit 1
}
stop_app() { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }
start_baseline() { # the --baseline jar on PORT + 1, same database and settings; sets BASELINE_PID
  MALLOC_ARENA_MAX=2 java "${JAVA_OPTS[@]}" -jar "$WORK/baseline.jar" --server.port="$BASELINE_PORT" "${APP_ARGS[@]}" \
    ${BASELINE_ARGS[@]+"${BASELINE_ARGS[@]}"} >"$WORK/app-baseline.log" 2>&1 &
  BASELINE_PID=$!
  for _ in $(seq 1 900); do
    curl -fs --max-time 10 "$BASELINE_URL/actuator/health" 2>/dev/null | grep -q '"UP"' && return 0
    kill -0 "$BASELINE_PID" 2>/dev/null || { tail -40 "$WORK/app-baseline.log" >&2; echo "the baseline did not start" >&2; exit 1; }
    sleep 0.2
  done
  echo "the baseline did not become healthy in 180 s" >&2; exit 1
}
sql() { psql -qAtX -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

# ---- database ----
t0=$(date +%s)
if [[ $REUSE_DB == no ]]; then
log "fresh database $DB (scale $SCALE: $CUSTOMERS customers, $PRODUCTS products, $ORDERS orders)"
dropdb --if-exists "$DB"
createdb "$DB"
start_app "$WORK/app-migrate.log"
stop_app
log "filling (set-based SQL)"
t0=$(date +%s)
psql -qX -v ON_ERROR_STOP=1 -v customers=$CUSTOMERS -v products=$PRODUCTS -v orders=$ORDERS -d "$DB" -f bench/fill.sql >/dev/null
# The due entries, remembered now: UnfreezeJob runs at start-up even with micromall.scheduling.enabled=false
# (something else enables @Scheduled processing, see BENCHMARKS.md); the settlement puts these rows back to FROZEN first.
fi
sql -c "CREATE TABLE IF NOT EXISTS bench_due AS SELECT id FROM commission_entry WHERE state = 'FROZEN' AND unfreezes_at <= now()"
sql -c "VACUUM ANALYZE" >/dev/null
FILL_S=$(( $(date +%s) - t0 ))
log "filled in ${FILL_S}s: $(sql -c "SELECT pg_size_pretty(pg_database_size('$DB'))")"

# ---- pgbench ceilings (own database) ----
median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) print "0"; else print a[int((NR+1)/2)]}'; }
declare -A RPS P50 P95 P99 NOTE
PGB_TPS="" PGB_S_TPS=""
if [[ -n "$PGBENCH" && $PAGES_ONLY == no ]]; then
  log "pgbench -i -s $PGBENCH_SCALE on $PGB_DB"
  dropdb --if-exists "$PGB_DB"; createdb "$PGB_DB"
  "$PGBENCH" -q -i -s "$PGBENCH_SCALE" "$PGB_DB" >/dev/null 2>&1
  for mode in select tpcb; do
    : >"$WORK/pgbench-$mode"
    for r in $(seq 1 "$ROUNDS"); do
      flag=(); [[ $mode == select ]] && flag=(-S)
      out=$("$PGBENCH" -n "${flag[@]}" -c "$CHECKOUT_THREADS" -j 2 -T "$DURATION" "$PGB_DB" 2>&1)
      tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$out" | head -1)
      lat=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$out" | head -1)
      echo "$tps $lat" >>"$WORK/pgbench-$mode"
    done
    RPS[pgbench-$mode]=$(cut -d' ' -f1 "$WORK/pgbench-$mode" | median | xargs printf '%.1f')
    P50[pgbench-$mode]="avg $(cut -d' ' -f2 "$WORK/pgbench-$mode" | median)"
    P99[pgbench-$mode]="-"
  done
  PGB_S_TPS=${RPS[pgbench-select]} PGB_TPS=${RPS[pgbench-tpcb]}
else
  log "pgbench not found: ceilings skipped"
fi

# ---- the app on the filled database ----
log "starting the app on $DB"
start_app "$WORK/app.log"
log "healthy after ${STARTUP_MS} ms"
PEAK_FILE=$WORK/rss-peak
echo 0 >"$PEAK_FILE"
( peak=0; while kill -0 "$APP_PID" 2>/dev/null; do
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$APP_PID/status" 2>/dev/null || echo 0)
    if [[ ${rss:-0} -gt $peak ]]; then peak=$rss; echo "$peak" >"$PEAK_FILE"; fi
    sleep 0.5
  done ) &
SAMPLER_PID=$!

login_cookie() { # $1 email -> prints "SESSION=..."; form login with the login page's CSRF token
  local jar=$WORK/cookies-$RANDOM token
  token=$(curl -s --max-time 30 -c "$jar" "$BASE/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="\([^"]*\)"/\1/')
  curl -s --max-time 30 -o /dev/null -b "$jar" -c "$jar" --data-urlencode "email=$1" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "_csrf=$token" "$BASE/login"
  awk '$6 == "SESSION" || $6 == "JSESSIONID" {print $6 "=" $7}' "$jar" | tail -1
}

measure() { # name path [cookie, or @file: a session cookie per line, one per request in turn] [connections]
  local name=$1 path=$2 cookie=${3:-} connections=${4:-$CONNECTIONS} status args=() script=bench/report.lua
  if [[ "$cookie" == @* ]]; then
    export SESSIONS=${cookie#@}; script=bench/sessions.lua; cookie=$(head -1 "$SESSIONS")
  fi
  [[ -n "$cookie" ]] && args=(-H "Cookie: $cookie")
  status=$(curl -s --max-time 30 -o /dev/null -w '%{http_code}' "${args[@]}" "$BASE$path")
  [[ "$script" == bench/sessions.lua ]] && args=()
  if [[ "$status" != 200 && ! ( "$name" == r-code && "$status" == 302 ) ]]; then
    RPS[$name]="n/a (route missing: $status)"; P50[$name]="-"; P99[$name]="-"; return
  fi
  : >"$WORK/wrk-$name"
  for r in $(seq 1 "$ROUNDS"); do
    wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d"${DURATION}s" --timeout 10s -s "$script" "${args[@]}" "$BASE$path" \
      | grep '^RESULT' | cut -d' ' -f2- >>"$WORK/wrk-$name"
  done
  RPS[$name]=$(cut -d' ' -f1 "$WORK/wrk-$name" | median)
  P50[$name]=$(cut -d' ' -f2 "$WORK/wrk-$name" | median)
  P99[$name]=$(cut -d' ' -f3 "$WORK/wrk-$name" | median)
  P95[$name]=$(cut -d' ' -f7 "$WORK/wrk-$name" | median)
  local errors; errors=$(awk '{s += $5 + $6} END {print s + 0}' "$WORK/wrk-$name")
  [[ "$errors" -gt 0 ]] && NOTE[$name]="$errors errors" || true
}

STAR=bench1@bench.micromall
STAR_CODE=$(sql -c "SELECT code FROM distributor WHERE customer_id = 1001")
STAR_COOKIE=$(login_cookie "$STAR")
# 64 other signed-in customers, one session each, for the signed-in category page.
for i in $(seq 2 65); do login_cookie "bench$i@bench.micromall"; done >"$WORK/sessions"
OWNER_COOKIE=$(login_cookie owner@bench.micromall)
# The owner's reconciliation page on the filled database: every account against its entries, and the shop's totals.
RECON_START=$(date +%s%N)
RECON_PAGE=$(curl -s -H "Cookie: $OWNER_COOKIE" "$BASE/admin/distribution/reconciliation")
RECON_MS=$(( ($(date +%s%N) - RECON_START) / 1000000 ))
if grep -q 'id="balanced"' <<<"$RECON_PAGE"; then RECONCILIATION=balanced
elif grep -q 'id="unbalanced"' <<<"$RECON_PAGE"; then RECONCILIATION="NOT BALANCED"
else RECONCILIATION="no page"; fi
log "reconciliation: $RECONCILIATION ($RECON_MS ms)"
PRODUCT_ID=$(sql -c "SELECT min(id) FROM product WHERE archived = false")
CHECKOUT_PRODUCTS=$(sql -c "SELECT string_agg(id::text, ',') FROM (SELECT id FROM product WHERE archived = false ORDER BY id LIMIT 50) p")
# Warm-up (JIT) on every measured page: measured alone, a page's figure depended on what ran before it (up to 1.5 x).
log "warming up (JIT): each page ${DURATION}s"
for warm in /actuator/health "/" "/products?category=bench-2" "/products/$PRODUCT_ID"; do wrk -t2 -c16 -d"${DURATION}s" "$BASE$warm" >/dev/null; done
wrk -t2 -c16 -d"${DURATION}s" -H "Cookie: mm_ref=$STAR_CODE" "$BASE/products?category=bench-2" >/dev/null
SESSIONS=$WORK/sessions wrk -t2 -c16 -d"${DURATION}s" -s bench/sessions.lua "$BASE/products?category=bench-2" >/dev/null
SESSIONS=$WORK/sessions wrk -t2 -c16 -d"${DURATION}s" -s bench/sessions.lua "$BASE/products/$PRODUCT_ID" >/dev/null
wrk -t2 -c16 -d"${DURATION}s" -H "Cookie: $STAR_COOKIE" "$BASE/distribution" >/dev/null
wrk -t2 -c16 -d"${DURATION}s" -H "Cookie: $OWNER_COOKIE" "$BASE/admin/distributors?sort=commission" >/dev/null

if [[ -n "$BASELINE_JAR" ]]; then
  log "starting the baseline $BASELINE_JAR on port $BASELINE_PORT"
  start_baseline
  SAVED_BASE=$BASE; BASE=$BASELINE_URL
  for i in $(seq 2 65); do login_cookie "bench$i@bench.micromall"; done >"$WORK/sessions-baseline"
  BASE=$SAVED_BASE
  for warm in "/products?category=bench-2" "/products/$PRODUCT_ID"; do wrk -t2 -c16 -d"${DURATION}s" "$BASELINE_URL$warm" >/dev/null; done
  SESSIONS=$WORK/sessions-baseline wrk -t2 -c16 -d"${DURATION}s" -s bench/sessions.lua "$BASELINE_URL/products/$PRODUCT_ID" >/dev/null
fi

# A row @16 with --baseline: each round times the baseline, then this build, so both see the same load on the box;
# the ratio is the median of the rounds' ratios.
measure_paired() { # name path cookie baseline-cookie
  local name=$1 path=$2 cookie=$3 bcookie=$4 rounds=$ROUNDS saved=$BASE r
  if [[ -z "$BASELINE_JAR" ]]; then measure "$name" "$path" "$cookie" 16; return; fi
  : >"$WORK/paired-$name"; : >"$WORK/paired-$name-baseline"
  ROUNDS=1
  for r in $(seq 1 "$rounds"); do
    BASE=$BASELINE_URL; measure "$name-baseline" "$path" "$bcookie" 16; cat "$WORK/wrk-$name-baseline" >>"$WORK/paired-$name-baseline"
    BASE=$saved; measure "$name" "$path" "$cookie" 16; cat "$WORK/wrk-$name" >>"$WORK/paired-$name"
  done
  ROUNDS=$rounds
  for suffix in "" -baseline; do
    RPS[$name$suffix]=$(cut -d' ' -f1 "$WORK/paired-$name$suffix" | median)
    P50[$name$suffix]=$(cut -d' ' -f2 "$WORK/paired-$name$suffix" | median)
    P99[$name$suffix]=$(cut -d' ' -f3 "$WORK/paired-$name$suffix" | median)
  done
  PAIRED[$name]=$(paste -d' ' <(cut -d' ' -f1 "$WORK/paired-$name") <(cut -d' ' -f1 "$WORK/paired-$name-baseline") \
    | awk '$2 > 0 {printf "%.3f\n", $1 / $2}' | median)
  NOTE[$name]="$(paste -sd/ <(cut -d' ' -f1 "$WORK/paired-$name")) vs $(paste -sd/ <(cut -d' ' -f1 "$WORK/paired-$name-baseline")) req/s, ${PAIRED[$name]} x baseline"
}
declare -A PAIRED

log "measuring pages ($ROUNDS rounds x ${DURATION}s, $CONNECTIONS connections, and 16 for the rows @16)"
measure health /actuator/health
measure home /
measure products "/products?category=bench-2"
# The same page for the friend who tapped a referral link: their invitation banner on top.
measure products-invited "/products?category=bench-2" "mm_ref=$STAR_CODE"
# And for signed-in customers, each request from the next of 64 (one session for all connections would measure
# the lock on its row, had a request to update it).
measure products-signed-in "/products?category=bench-2" "@$WORK/sessions"
measure product "/products/$PRODUCT_ID"
# The rendered pages' targets (category list, product page, a signed-in customer's product page) at 16 connections.
measure_paired products@16 "/products?category=bench-2" "" ""
measure_paired product@16 "/products/$PRODUCT_ID" "" ""
measure_paired product-signed-in@16 "/products/$PRODUCT_ID" "@$WORK/sessions" "@$WORK/sessions-baseline"
if [[ -n "$BASELINE_PID" ]]; then kill "$BASELINE_PID" 2>/dev/null || true; wait "$BASELINE_PID" 2>/dev/null || true; BASELINE_PID=""; fi
measure distribution /distribution "$STAR_COOKIE"
measure admin-distributors "/admin/distributors?sort=commission" "$OWNER_COOKIE"
measure r-code "/r/$STAR_CODE"
# The distribution pages' targets are latencies (p95) of a page view: one connection, nothing queued in front.
measure distribution@1 /distribution "$STAR_COOKIE" 1
measure admin-distributors@1 "/admin/distributors?sort=commission" "$OWNER_COOKIE" 1
measure admin-distributors-name@1 "/admin/distributors" "$OWNER_COOKIE" 1
log "peak RSS after the pages: $(( $(cat "$PEAK_FILE") / 1024 )) MB"

if [[ $PAGES_ONLY == no ]]; then
log "checkout: $CHECKOUT_THREADS logged-in customers placing orders through HTTP"
# Warm-up (JIT) with customers the rounds do not use: without it the rounds rose from the first to the last.
java bench/CheckoutLoad.java "$BASE" "$DURATION" "$CHECKOUT_THREADS" $((2 + ROUNDS * CHECKOUT_THREADS)) "$PASSWORD" \
  "$CHECKOUT_PRODUCTS" >/dev/null
STOCK_BEFORE=$(sql -c "SELECT sum(stock) FROM product")
ORDERS_BEFORE=$(sql -c "SELECT count(*) FROM shop_order")
LAST_ORDER_BEFORE=$(sql -c "SELECT max(id) FROM shop_order")
: >"$WORK/checkout"
for r in $(seq 1 "$ROUNDS"); do
  java bench/CheckoutLoad.java "$BASE" "$DURATION" "$CHECKOUT_THREADS" $((2 + (r - 1) * CHECKOUT_THREADS)) "$PASSWORD" \
    "$CHECKOUT_PRODUCTS" | grep '^RESULT' | cut -d' ' -f2- >>"$WORK/checkout"
done
RPS[checkout]=$(cut -d' ' -f1 "$WORK/checkout" | median)
P50[checkout]=$(cut -d' ' -f2 "$WORK/checkout" | median)
P99[checkout]=$(cut -d' ' -f3 "$WORK/checkout" | median)
PLACED=$(awk '{s += $4} END {print s + 0}' "$WORK/checkout")
FAILED=$(awk '{s += $5} END {print s + 0}' "$WORK/checkout")
sleep 5 # snapshots are written by an async listener after commit
STOCK_AFTER=$(sql -c "SELECT sum(stock) FROM product")
NEW_ORDERS=$(( $(sql -c "SELECT count(*) FROM shop_order") - ORDERS_BEFORE ))
NEW_SNAPSHOTS=$(sql -c "SELECT count(*) FROM commission_snapshot WHERE order_id > $LAST_ORDER_BEFORE")
NOTE[checkout]="$NEW_ORDERS orders, stock -$((STOCK_BEFORE - STOCK_AFTER)), $NEW_SNAPSHOTS snapshots, $FAILED failed"
fi
RSS_MB=$(( $(cat "$PEAK_FILE") / 1024 ))
stop_app
kill "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""

if [[ $PAGES_ONLY == no ]]; then
# ---- settlement: UnfreezeJob's three statements (REPEATABLE READ: account MERGE, timeline, states) vs one plain bulk UPDATE of the same rows ----
AT=$(sql -c "SELECT now()")
restore() { # the remembered due entries FROZEN again, without the timeline lines written since the fill
  sql -c "UPDATE commission_entry SET state = 'FROZEN' WHERE id IN (SELECT id FROM bench_due) AND state <> 'FROZEN'" \
      -c "DELETE FROM commission_entry_event WHERE entry_id IN (SELECT id FROM bench_due) AND state = 'AVAILABLE'" \
      -c "UPDATE distributor_account t SET frozen = x.frozen, available = x.available FROM (SELECT distributor_id,
            SUM(CASE WHEN state = 'FROZEN' THEN amount ELSE 0 END) AS frozen,
            SUM(CASE WHEN state = 'AVAILABLE' THEN amount ELSE 0 END) AS available
          FROM commission_entry GROUP BY distributor_id) x WHERE t.distributor_id = x.distributor_id" \
      -c "VACUUM ANALYZE commission_entry" -c "VACUUM ANALYZE commission_entry_event" \
      -c "VACUUM ANALYZE distributor_account" >/dev/null
}
restore
DUE=$(sql -c "SELECT count(*) FROM commission_entry WHERE state = 'FROZEN' AND unfreezes_at <= '$AT'")
log "settlement: $DUE due entries"
elapsed_ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N); echo $(((t1 - t0) / 1000000)); }
: >"$WORK/settle-job"; : >"$WORK/settle-bulk"
for r in $(seq 1 "$ROUNDS"); do
  elapsed_ms sql -c "BEGIN ISOLATION LEVEL REPEATABLE READ" \
    -c "MERGE INTO distributor_account t USING (SELECT distributor_id, SUM(amount) AS due FROM commission_entry WHERE state = 'FROZEN' AND unfreezes_at <= '$AT' GROUP BY distributor_id) x ON t.distributor_id = x.distributor_id WHEN MATCHED THEN UPDATE SET frozen = t.frozen - x.due, available = t.available + x.due" \
    -c "INSERT INTO commission_entry_event (entry_id, state, occurred_at, note) SELECT id, 'AVAILABLE', '$AT', 'return window over' FROM commission_entry WHERE state = 'FROZEN' AND unfreezes_at <= '$AT'" \
    -c "UPDATE commission_entry SET state = 'AVAILABLE' WHERE state = 'FROZEN' AND unfreezes_at <= '$AT'" \
    -c "COMMIT" >>"$WORK/settle-job"
  restore
  elapsed_ms sql -c "UPDATE commission_entry SET state = 'AVAILABLE' WHERE state = 'FROZEN' AND unfreezes_at <= '$AT'" >>"$WORK/settle-bulk"
  restore
done
sql -c "DROP TABLE bench_due"
SETTLE_JOB=$(median <"$WORK/settle-job"); SETTLE_BULK=$(median <"$WORK/settle-bulk")

fi

# ---- the table ----
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0 && a ~ /^[0-9.]+$/) printf "%.2f", a / b; else printf "n/a" }'; }
H=${RPS[health]}
printf '\nMicromall benchmark: scale %s (%s customers, %s products, %s orders), %s rounds x %ss, %s connections, %s cores, %s\n' \
  "$SCALE" "$CUSTOMERS" "$PRODUCTS" "$ORDERS" "$ROUNDS" "$DURATION" "$CONNECTIONS" "$(nproc)" "$(date -u +%Y-%m-%dT%H:%MZ)"
printf '%-29s %-12s %-10s %-10s %-32s %s\n' name "req/s" "p50 ms" "p99 ms" "ratio (target)" note
row() { printf '%-29s %-12s %-10s %-10s %-32s %s\n' "$1" "${RPS[$1]:-n/a}" "${P50[$1]:--}" "${P99[$1]:--}" "$2" "${NOTE[$1]:-}"; }
row health "ceiling"
row pgbench-select "ceiling (TPS, $CHECKOUT_THREADS clients)"
row pgbench-tpcb "ceiling (TPS, $CHECKOUT_THREADS clients)"
row home "$(ratio "${RPS[home]}" "$H") x health"
row products "$(ratio "${RPS[products]}" "$H") x health (>= 0.5)"
row products-invited "$(ratio "${RPS[products-invited]}" "$H") x health"
row products-signed-in "$(ratio "${RPS[products-signed-in]}" "$H") x health"
row product "$(ratio "${RPS[product]}" "$H") x health (>= 0.5)"
row products@16 "(>= 900 req/s)"
[[ -n "$BASELINE_JAR" ]] && row products@16-baseline "baseline, same rounds"
row product@16 "(>= 2500 req/s)"
[[ -n "$BASELINE_JAR" ]] && row product@16-baseline "baseline, same rounds"
row product-signed-in@16 "(>= 1300 req/s)"
[[ -n "$BASELINE_JAR" ]] && row product-signed-in@16-baseline "baseline, same rounds"
row distribution "$(ratio "${RPS[distribution]}" "$H") x health"
row admin-distributors "$(ratio "${RPS[admin-distributors]}" "$H") x health"
row r-code "$(ratio "${RPS[r-code]}" "$H") x health (>= 0.5)"
row distribution@1 "p95 ${P95[distribution@1]:-n/a} ms (<= 20)"
row admin-distributors@1 "p95 ${P95[admin-distributors@1]:-n/a} ms (<= 20)"
row admin-distributors-name@1 "p95 ${P95[admin-distributors-name@1]:-n/a} ms (<= 20)"
printf '%-29s %-12s %-10s %-10s %-32s %s\n' reconciliation "$RECONCILIATION" - - "(balanced)" "owner's page, ${RECON_MS} ms"
[[ $PAGES_ONLY == yes ]] && exit 0
row checkout "$(ratio "${RPS[checkout]}" "$PGB_TPS") x tpcb (>= 0.25)"
printf '%-29s %-12s %-10s %-10s %-32s %s\n' settlement "${SETTLE_JOB} ms" - - "$(ratio "$SETTLE_JOB" "$SETTLE_BULK") x bulk (<= 2)" "$DUE due entries"
printf '%-29s %-12s %-10s %-10s %-32s %s\n' bulk-update "${SETTLE_BULK} ms" - - "" "same rows, one UPDATE"
printf '%-29s %-12s %-10s %-10s %-32s %s\n' startup "${STARTUP_MS} ms" - - "" "JVM start -> health UP, filled db"
printf '%-29s %-12s %-10s %-10s %-32s %s\n' rss "${RSS_MB} MB" - - "peak (<= 512 MB)" "VmRSS from start to the end of the checkout load, -Xmx192m"
printf '%-29s %-12s %-10s %-10s %-32s %s\n' fill "${FILL_S} s" - - "" "set-based SQL + VACUUM ANALYZE"
