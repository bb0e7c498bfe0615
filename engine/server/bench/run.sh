#!/usr/bin/env bash
# Bespoke load benchmark (docs/benchmarks.md): one node on PostgreSQL + Redis, the delivery API
# and a bare baseline endpoint of the same process driven by wrk in the same run, events
# ingestion, and a publish under load. Results: $WORK/results.jsonl and $WORK/results.md;
# UPDATE_DOCS=1 also writes the table into docs/benchmarks.md.
#
# Needs: Java 17+, PostgreSQL on 127.0.0.1:5432 (role bespoke/bespoke, run as root for
# createdb through `su postgres`), redis-server and redis-cli, wrk, python3, curl.
set -euo pipefail

BENCH="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$BENCH/../../.." && pwd)"
WORK="${WORK:-/tmp/bespoke-bench}"
PORT="${PORT:-8089}"
REDIS_PORT="${REDIS_PORT:-6391}"
DB="${DB:-bespoke_bench}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-15s}"
THREADS="${THREADS:-2}"
SLOTS="${SLOTS:-1000}"
PROFILES="${PROFILES:-100000}"
SECRET="bench-only-cookie-secret-0123456789abcdef"
BASE="http://127.0.0.1:$PORT"

log() { printf '\n=== %s ===\n' "$*"; }
mkdir -p "$WORK"
rm -f "$WORK"/results.jsonl "$WORK"/baseline.json

python3 - > "$WORK/results.jsonl" <<PY
import json, os, platform, subprocess
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem = next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal"))
java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
print(json.dumps({"name": "machine", "date": "$(date -u +%Y-%m-%dT%H:%MZ)", "host": platform.node(),
                  "cpu": cpu, "cores": os.cpu_count(), "memory": "%d GiB" % round(int(mem) / 1048576),
                  "kernel": platform.system() + " " + platform.release(), "java": java,
                  "load": "$(cut -d' ' -f1-3 /proc/loadavg)"}))
PY

APP_PID=""
REDIS_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -n "$REDIS_PID" ] && kill "$REDIS_PID" 2>/dev/null || true
}
trap cleanup EXIT

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "building the pg jar with the benchmark baseline endpoint"
  (cd "$ROOT" && ./mvnw -q package -pl engine/server -am -DskipTests \
      -Dquarkus.profile=pg -Dbespoke.bench.baseline=true)
fi

log "fresh database $DB and a private Redis on port $REDIS_PORT"
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bespoke') THEN
    CREATE ROLE bespoke LOGIN PASSWORD 'bespoke';
  END IF;
END \$\$;
DROP DATABASE IF EXISTS $DB;
CREATE DATABASE $DB OWNER bespoke;
SQL
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no \
  --daemonize yes --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log"
for _ in $(seq 1 50); do [ -s "$WORK/redis.pid" ] && break; sleep 0.1; done
REDIS_PID="$(cat "$WORK/redis.pid")"

log "starting Bespoke on port $PORT"
# The load comes from one address, so the per-address rate limit is off (it would refuse most).
QUARKUS_HTTP_PORT="$PORT" \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
QUARKUS_REDIS_HOSTS="redis://127.0.0.1:$REDIS_PORT" \
BESPOKE_SECURITY_DEMO_USERS=true \
BESPOKE_COOKIE_SECRET="$SECRET" \
QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY="$SECRET" \
BESPOKE_GEO_COUNTRY_HEADER=CF-IPCountry \
BESPOKE_LIMITS_RATE_ENABLED=false \
BESPOKE_DEVICE_AWAIT_AT_STARTUP=true \
BESPOKE_BENCH_BASELINE_FILE="$WORK/baseline.json" \
QUARKUS_LOG_CATEGORY__DEV_BESPOKE_SERVER_SNAPSHOT__LEVEL=DEBUG \
  java ${JAVA_OPTS:-} -Dquarkus.profile=pg -jar "$ROOT/engine/server/target/quarkus-app/quarkus-run.jar" \
  > "$WORK/server.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -fs "$BASE/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$WORK/server.log"; exit 1; }
  sleep 0.5
done
curl -fs "$BASE/q/health/ready" >/dev/null

log "loading the benchmark space"
python3 "$BENCH/generate.py" --base-url "$BASE" --db "$DB" --redis-port "$REDIS_PORT" \
  --cookie-secret "$SECRET" --out "$WORK" --slots "$SLOTS" --profiles "$PROFILES"

last_slot="$(tail -n1 "$WORK/slots.txt")"
first_visitor="$(head -n1 "$WORK/visitors.txt")"
page_body() {
  printf '{"space":"bench","channel":"web","slots":["%s","%s","%s"],"page":{"url":"https://shop.example/shoes/item-1","referrer":"https://www.google.com/"}}' \
    "$1" "$(sed -n "$((SLOTS / 3 + 1))p" "$WORK/slots.txt")" "$(sed -n "$((2 * SLOTS / 3 + 1))p" "$WORK/slots.txt")"
}
for _ in $(seq 1 240); do
  code="$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "$(page_body "$last_slot")" "$BASE/api/v1/decisions")"
  [ "$code" = 200 ] && break
  sleep 0.5
done
[ "$code" = 200 ] || { echo "the bulk-loaded snapshot never appeared"; exit 1; }
rebuild_ms="$(grep -o 'snapshot of bench at generation [0-9]* built in [0-9]* ms' "$WORK/server.log" \
  | tail -n1 | grep -o '[0-9]* ms' | tr -d ' ms')"
echo "snapshot of $SLOTS slots rebuilt in ${rebuild_ms:-?} ms"
echo "{\"name\":\"snapshot-rebuild\",\"variants\":$((SLOTS * 10)),\"ms\":${rebuild_ms:-null}}" >> "$WORK/results.jsonl"

log "recording the baseline document from a real answer"
curl -fs -H 'Content-Type: application/json' -H 'CF-IPCountry: NL' \
  -H "Cookie: bespoke_vid=$first_visitor" -d "$(page_body slot-0002)" \
  "$BASE/api/v1/decisions" > "$WORK/baseline.json"
echo "baseline document: $(wc -c < "$WORK/baseline.json") bytes"
echo "{\"name\":\"document\",\"bytes\":$(wc -c < "$WORK/baseline.json")}" >> "$WORK/results.jsonl"

CLK_TCK="$(getconf CLK_TCK)"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$APP_PID/status"; }

# run NAME CONNECTIONS PATH SCRIPT DURATION [record]
run() {
  local name="$1" conns="$2" path="$3" script="$4" duration="$5" record="${6:-record}"
  local peak=0 before after started ended out line
  before="$(cpu_ticks)"
  started="$(date +%s.%N)"
  ( while kill -0 "$APP_PID" 2>/dev/null; do rss_kb; sleep 1; done ) > "$WORK/rss.$name" &
  local sampler=$!
  out="$(BENCH_DIR="$WORK" BENCH_SCRIPTS="$BENCH" wrk -t"$THREADS" -c"$conns" -d"$duration" \
    --timeout 5s -s "$BENCH/$script" "$BASE$path")"
  ended="$(date +%s.%N)"
  after="$(cpu_ticks)"
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  peak="$(sort -n "$WORK/rss.$name" | tail -n1)"
  line="$(echo "$out" | grep '^RESULT ' | sed 's/^RESULT //')"
  echo "$name c=$conns: $line"
  if [ "$record" = record ]; then
    python3 - "$name" "$conns" "$line" "$before" "$after" "$started" "$ended" "$CLK_TCK" "$peak" \
      >> "$WORK/results.jsonl" <<'PY'
import json, sys
name, conns, line, before, after, started, ended, tck, peak = sys.argv[1:]
r = json.loads(line)
wall = float(ended) - float(started)
r.update(name=name, connections=int(conns),
         cpu_percent=round((int(after) - int(before)) / int(tck) / wall * 100, 1),
         rss_mib=round(int(peak or 0) / 1024))
print(json.dumps(r))
PY
  fi
}

log "warm-up (not recorded)"
run warm-decisions 16 /api/v1/decisions decisions.lua "$WARMUP" no
run warm-baseline 16 /bench/baseline decisions.lua "$WARMUP" no
run warm-events 16 /api/v1/events events.lua 5s no

log "measured runs: baseline and delivery alternate, same script, same connections"
run baseline 16 /bench/baseline decisions.lua "$DURATION"
run decisions 16 /api/v1/decisions decisions.lua "$DURATION"
run baseline 64 /bench/baseline decisions.lua "$DURATION"
python3 "$BENCH/publish_probe.py" --base-url "$BASE" --delay 8 --out "$WORK/results.jsonl" &
PROBE=$!
run decisions 64 /api/v1/decisions decisions.lua "$DURATION"
wait "$PROBE" || echo "publish probe failed"
run events 16 /api/v1/events events.lua "$DURATION"
run events 64 /api/v1/events events.lua "$DURATION"

log "results"
python3 "$BENCH/report.py" --results "$WORK/results.jsonl" --log "$WORK/server.log" \
  ${UPDATE_DOCS:+--update "$ROOT/docs/benchmarks.md"} | tee "$WORK/results.md"
