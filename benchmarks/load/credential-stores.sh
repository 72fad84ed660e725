#!/usr/bin/env bash
# Credential-store benchmark: POST /v1/verify throughput of one authd core with the file store, the Postgres store
# behind a warm cache, and the Postgres store with the cache off, all measured in the same run (the machine is
# shared and noisy, so only figures from one run compare).
#
#   benchmarks/load/credential-stores.sh [--users 1000] [--warmup 10s] [--duration 15s] [--connections 64]
#       [--only file,postgres-warm,postgres-nocache | --only postgres] [--sha256 | --algorithms MD5,SHA-256]
#       [--protocol http|sip] [--rounds 1] [--port 18080] [--server-cpu 0] [--driver-cpu 1] [--no-build]
#       [--pg-pool 4] [--pg-timeout 1s]
#
# Each configuration gets a fresh authd (instances: 1, pinned to --server-cpu with taskset), then the load driver
# io.authd.bench.load.DigestLoad (pinned to --driver-cpu) warms it up and measures it. With --rounds N the
# configurations are interleaved N times and the table shows medians, which evens out drift on a shared machine.
# Every run is appended as a JSON line to benchmarks/results/credential-stores-<date>.jsonl.
# Exit status: 0 when every configuration ran without an error; 1 otherwise (the table still shows the rest).
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
bench="$root/benchmarks"
bench_name=credential-stores

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2; }
# shellcheck source=lib/bench.sh
. "$bench/load/lib/bench.sh"

connections=64
only="file,postgres-warm,postgres-nocache"
algorithms="MD5"
protocol=http
pg_pool=4
# Longer than the 250ms default: a fresh JVM on one saturated core can take that long to serve its own timer during
# warm-up, and a 503 there would fail the run without saying anything about the store.
pg_timeout=1s
while [ $# -gt 0 ]; do
  bench_option "$@"
  if [ "$bench_shift" -gt 0 ]; then shift "$bench_shift"; continue; fi
  case "$1" in
    --connections) connections="${2:?--connections needs a value}"; shift 2 ;;
    --only) only="${2:?--only needs a value}"; shift 2 ;;
    --sha256) algorithms="MD5,SHA-256"; shift ;;
    --algorithms) algorithms="${2:?--algorithms needs a value}"; shift 2 ;;
    --protocol) protocol="${2:?--protocol needs a value}"; shift 2 ;;
    --pg-pool) pg_pool="${2:?--pg-pool needs a value}"; shift 2 ;;
    --pg-timeout) pg_timeout="${2:?--pg-timeout needs a value}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage; bench_die "unknown option $1" ;;
  esac
done

[[ "$connections" =~ ^[1-9][0-9]*$ ]] || bench_die "--connections: expected a positive whole number, got '$connections'"

# --only: a list of configurations; "postgres" means both Postgres ones.
configs=()
IFS=',' read -ra wanted <<<"$only"
for c in "${wanted[@]}"; do
  case "$c" in
    file|postgres-warm|postgres-nocache) configs+=("$c") ;;
    postgres) configs+=(postgres-warm postgres-nocache) ;;
    *) bench_die "--only: unknown configuration '$c' (file, postgres-warm, postgres-nocache, postgres)" ;;
  esac
done
IFS=',' read -ra algs <<<"$algorithms"
for a in "${algs[@]}"; do
  case "$a" in MD5|SHA-256) ;; *) bench_die "--algorithms: MD5 or SHA-256, got '$a' (the users get HA1s for these two)" ;; esac
done
needs_postgres=0
for c in "${configs[@]}"; do [[ "$c" == postgres-* ]] && needs_postgres=1; done

bench_prepare

pg_uri=""
schema=authd_bench
if [ "$needs_postgres" -eq 1 ]; then
  # Makes sure PostgreSQL answers on 127.0.0.1 and exports AUTHD_TEST_PG_URI (a role with a known test password).
  # shellcheck source=../../bin/lib/services.sh
  . "$root/bin/lib/services.sh"
  pg_uri="$AUTHD_TEST_PG_URI"
fi

realm=example.com
bench_users "$users" "$realm"
# The Postgres configurations point the file store at this empty file: a server that silently ignored
# credentials.store: postgres would then refuse every user instead of quietly measuring the file store.
printf 'version: 1\nrealms: {}\n' >"$work/no-users.yaml"

write_config() { # write_config CONFIGURATION FILE
  local store_lines postgres_lines="  store: postgres
  file: $work/no-users.yaml
  postgres:
    schema: $schema
    migrate: true
    poolSize: $pg_pool
    timeout: $pg_timeout"
  case "$1" in
    file) store_lines="  store: file
  file: $work/credentials.yaml" ;;
    postgres-warm) store_lines="$postgres_lines" ;;
    postgres-nocache) store_lines="$postgres_lines
  cache:
    maxEntries: 0" ;;
  esac
  bench_server_config "$2" "$1, written by benchmarks/load/credential-stores.sh. The database URI (with its password) comes from the
# environment (AUTHD_CREDENTIALS_POSTGRES_URI), as docs/configuration.md advises." "$store_lines"
}

start_server() { # start_server CONFIGURATION LOG: starts authd in the background, sets server_pid, waits until ready
  local cfg="$work/$1.yaml" pg_env=()
  write_config "$1" "$cfg"
  # The password travels in the environment, never in a file or on a command line.
  [[ "$1" == postgres-* ]] && pg_env+=("AUTHD_CREDENTIALS_POSTGRES_URI=$pg_uri")
  bench_start_server "$1" "$cfg" "$2" "${pg_env[@]}"
}

psql_bench() { # psql_bench ARGS...: psql on the test database, stopping at the first error
  psql -X -q -v ON_ERROR_STOP=1 -d "$pg_uri" "$@"
}

postgres_ready=0
prepare_postgres() {
  # A fresh schema per run: the server creates its tables (migrate: true), then the users are seeded into them.
  # Called in an if: errexit is off here, so every step checks its own status.
  psql_bench -c "SET client_min_messages = warning; DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null || return 1
  # `authd migrate` is on its way; until it is there, the server's own start migrates.
  if "$JAVA_HOME/bin/java" -jar "$root/target/authd.jar" --help 2>/dev/null | grep -qE '^ +migrate( |$)'; then
    write_config postgres-nocache "$work/migrate.yaml"
    env AUTHD_CREDENTIALS_POSTGRES_URI="$pg_uri" \
      "$JAVA_HOME/bin/java" -jar "$root/target/authd.jar" migrate --config "$work/migrate.yaml" \
      >"$work/migrate.log" 2>&1 || { echo "credential-stores: authd migrate failed; see $work/migrate.log" >&2; return 1; }
  else
    # No migrate command in this build: a first start with migrate: true creates the schema.
    start_server postgres-nocache "$work/migrate.log" || {
      echo "credential-stores: authd refuses credentials.store: postgres (above); Postgres configurations not run." >&2
      return 1
    }
    bench_stop_server
  fi
  local exists
  exists="$(psql_bench -tA -c "SELECT to_regclass('$schema.credentials') IS NOT NULL")" || return 1
  if [ "$exists" != "t" ]; then
    cat >&2 <<MSG
credential-stores: authd started with credentials.store: postgres but did not create $schema.credentials.
  This build does not use the Postgres credential store yet (the configuration accepts the key while the
  server still reads the credentials file). The Postgres configurations are not run; see $work/migrate.log.
MSG
    return 1
  fi
  # HA1s computed by the database from the same passwords the driver hashes, as UTF-8 (RFC 7616 §3.4.2):
  # an independent third implementation, so a mismatch anywhere shows as errors, not as a quiet figure.
  cat >"$work/seed.sql" <<SQL
CREATE TEMP TABLE bench_users (username text, password text);
\\copy bench_users FROM pstdin WITH (FORMAT csv)
INSERT INTO $schema.credentials (realm, username, ha1_md5, ha1_sha256)
SELECT '$realm', username,
       md5(convert_to(username || ':' || '$realm' || ':' || password, 'UTF8')),
       encode(sha256(convert_to(username || ':' || '$realm' || ':' || password, 'UTF8')), 'hex')
  FROM bench_users
ON CONFLICT (realm, username) DO UPDATE
  SET ha1_md5 = EXCLUDED.ha1_md5, ha1_sha256 = EXCLUDED.ha1_sha256, enabled = true;
SQL
  psql_bench -f "$work/seed.sql" <"$work/users.csv" >/dev/null || return 1
  echo "credential-stores: seeded $(psql_bench -tA -c "SELECT count(*) FROM $schema.credentials") users into $schema.credentials" >&2
}

commit="$(bench_commit)"
status=0

run_one() { # run_one CONFIGURATION ALGORITHM ROUND
  local config="$1" alg="$2" round="$3" label="$1-$2" db=() status=0
  # PostgreSQL's CPU (all its processes) is measured too: on this machine it shares the cores.
  [[ "$config" == postgres-* ]] && db=(--db-processes postgres)
  echo "credential-stores: --- $label (round $round/$rounds): fresh authd on CPU $server_cpu, driver on CPU $driver_cpu" >&2
  start_server "$config" "$work/$label-$round.log" || return 1
  bench_digestload "$work/$label-$round.json" "$config" "$round" "$label" "$alg" --connections "$connections" \
    --protocol "$protocol" "${db[@]}" || status=1
  bench_stop_server
  return "$status"
}

failed=()
for ((round = 1; round <= rounds; round++)); do
  for config in "${configs[@]}"; do
    if [[ "$config" == postgres-* ]] && [ "$postgres_ready" -eq 0 ]; then
      if prepare_postgres; then postgres_ready=1; else postgres_ready=-1; fi
    fi
    if [[ "$config" == postgres-* ]] && [ "$postgres_ready" -ne 1 ]; then
      [ "$round" -eq 1 ] && failed+=("$config (Postgres store not available)")
      status=1
      continue
    fi
    for alg in "${algs[@]}"; do
      run_one "$config" "$alg" "$round" || { failed+=("$config-$alg round $round"); status=1; }
    done
  done
done

python3 - "$run_lines" "$algorithms" "$only" <<'PY'
# The table: medians over rounds per (algorithm, configuration), then the two goals.
import json, statistics, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
algs = sys.argv[2].split(",")
if not lines:
    print("\nno configuration was measured")
    sys.exit(0)
order = ["file", "postgres-warm", "postgres-nocache"]
def med(rows, key):
    vals = [r[key] for r in rows if r.get(key) is not None]
    return statistics.median(vals) if vals else None
print()
print(f"{'algorithm':<9} {'configuration':<17} {'runs':>4} {'req/s':>9} {'p50 µs':>8} {'p99 µs':>8} "
      f"{'errors':>6} {'server CPU':>10} {'driver CPU':>10} {'db CPU':>6} {'other CPU':>9} {'req/s/server core':>17}"
      f" {'db µs/req':>9}")
rps = {}
per_core = {}
for alg in algs:
    for cfg in order:
        rows = [r for r in lines if r["algorithm"] == alg and r["configuration"] == cfg]
        if not rows:
            continue
        rps[(alg, cfg)] = med(rows, "rps") if all(r["errors"] == 0 for r in rows) else None
        scpu = med(rows, "server_cpu")
        # What else the machine ran meanwhile (other processes, the kernel): the noise behind a figure.
        others = [r["machine_cpu"] - r["server_cpu"] - r["driver_cpu"] - (r.get("db_cpu") or 0) for r in rows
                  if r.get("machine_cpu") is not None and r.get("server_cpu") is not None]
        dcpu = med(rows, "db_cpu")
        # Database CPU per request: what a lookup costs PostgreSQL (all its processes, so an upper bound).
        db_us = [r["db_cpu"] / r["rps"] * 1e6 for r in rows if r.get("db_cpu") is not None and r["rps"]]
        dus = statistics.median(db_us) if db_us else None
        other = statistics.median(others) if others else None
        # Requests per second of server CPU: what the server costs, less sensitive to other load stealing its core.
        cores = [r["rps"] / r["server_cpu"] for r in rows if r.get("server_cpu")]
        pc = statistics.median(cores) if cores else None
        per_core[(alg, cfg)] = pc if rps[(alg, cfg)] else None
        print(f"{alg:<9} {cfg:<17} {len(rows):>4} {med(rows, 'rps'):>9,.0f} {med(rows, 'p50_us'):>8,.0f} "
              f"{med(rows, 'p99_us'):>8,.0f} {sum(r['errors'] for r in rows):>6} "
              f"{'-' if scpu is None else f'{scpu:.2f}':>10} {med(rows, 'driver_cpu'):>10.2f} "
              f"{'-' if dcpu is None else f'{dcpu:.2f}':>6} "
              f"{'-' if other is None else f'{max(other, 0):.2f}':>9} {'-' if pc is None else f'{pc:,.0f}':>17}"
              f" {'-' if dus is None else f'{dus:.1f}':>9}")
print()
for alg in algs:
    f, w, n = rps.get((alg, "file")), rps.get((alg, "postgres-warm")), rps.get((alg, "postgres-nocache"))
    if f and w:
        pf, pw = per_core.get((alg, "file")), per_core.get((alg, "postgres-warm"))
        print(f"{alg}: postgres-warm / file = {w / f:.3f}  (goal >= 0.95: {'met' if w / f >= 0.95 else 'NOT met'})"
              + (f"; per server core {pw / pf:.3f}" if pf and pw else ""))
    else:
        print(f"{alg}: postgres-warm / file = n/a (needs both configurations without errors)")
    if n:
        print(f"{alg}: postgres-nocache = {n:,.0f} req/s  (goal >= 20,000 req/s: {'met' if n >= 20000 else 'NOT met'})")
    else:
        print(f"{alg}: postgres-nocache = n/a (not run, or it had errors)")
print("CPU columns: cores used over the measured time (medians). A server near 1.00 was saturated; other CPU is")
print("what the rest of the machine ran meanwhile: well above 0 means the figures are noisy, so compare ratios.")
print("req/s/server core = req/s divided by server CPU: the server's cost, less sensitive to that noise.")
print("db CPU: all PostgreSQL processes (other users of the database included); db µs/req = db CPU per request.")
PY
bench_finish "$status" "${failed[@]}"
