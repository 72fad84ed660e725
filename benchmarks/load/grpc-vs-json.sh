#!/usr/bin/env bash
# gRPC vs HTTP/JSON: Digest verification throughput of one authd core through authd.v1.Authenticator/Verify (gRPC)
# and through POST /v1/verify (the JSON API) over HTTP/1.1 and over h2c, all measured in the same run (the machine
# is shared and noisy, so only figures from one run compare).
#
#   benchmarks/load/grpc-vs-json.sh [--users 1000] [--warmup 10s] [--duration 15s] [--in-flight 64]
#       [--h2-connections 2] [--only http1,h2c,grpc] [--algorithms MD5,SHA-256] [--rounds 1] [--port 18180]
#       [--server-cpu 0] [--driver-cpu 1] [--no-build]
#
# Each configuration (transport x algorithm) gets a fresh authd (instances: 1, pinned to --server-cpu with
# taskset), then the load driver io.authd.bench.load.DigestLoad (pinned to --driver-cpu) warms it up and measures
# it with the same closed loop and the same work per request: --in-flight requests in flight (HTTP/1.1: that many
# connections; h2c and gRPC: --h2-connections connections sharing them as streams), successful verifications with
# valid, unique nonce-counts, every answer checked to be allow (anything else fails the run). With --rounds N the
# configurations are interleaved N times and the table shows medians. Every run is appended as a JSON line to
# benchmarks/results/grpc-vs-json-<date>.jsonl. Exit status: 0 when every configuration ran without an error.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
bench="$root/benchmarks"
bench_name=grpc-vs-json

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2; }
# shellcheck source=lib/bench.sh
. "$bench/load/lib/bench.sh"

port=18180
in_flight=64
h2_connections=2
only="http1,h2c,grpc"
algorithms="MD5,SHA-256"
while [ $# -gt 0 ]; do
  bench_option "$@"
  if [ "$bench_shift" -gt 0 ]; then shift "$bench_shift"; continue; fi
  case "$1" in
    --in-flight) in_flight="${2:?--in-flight needs a value}"; shift 2 ;;
    --h2-connections) h2_connections="${2:?--h2-connections needs a value}"; shift 2 ;;
    --only) only="${2:?--only needs a value}"; shift 2 ;;
    --algorithms) algorithms="${2:?--algorithms needs a value}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage; bench_die "unknown option $1" ;;
  esac
done

for n in "$in_flight" "$h2_connections"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || bench_die "--in-flight and --h2-connections: expected a positive whole number, got '$n'"
done
# The in-flight requests are spread evenly over the HTTP/2 connections; authd allows 100 streams per connection.
streams=$((in_flight / h2_connections))
[ $((streams * h2_connections)) -eq "$in_flight" ] || bench_die "--in-flight ($in_flight) must be a multiple of --h2-connections ($h2_connections)"
[ "$streams" -le 100 ] || bench_die "$streams streams per connection: authd allows 100; raise --h2-connections"
IFS=',' read -ra transports <<<"$only"
for t in "${transports[@]}"; do
  case "$t" in http1|h2c|grpc) ;; *) bench_die "--only: unknown transport '$t' (http1, h2c, grpc)" ;; esac
done
IFS=',' read -ra algs <<<"$algorithms"
for a in "${algs[@]}"; do
  case "$a" in MD5|SHA-256) ;; *) bench_die "--algorithms: MD5 or SHA-256, got '$a' (the users get HA1s for these two)" ;; esac
done

bench_prepare

realm=example.com
bench_users "$users" "$realm"
bench_server_config "$work/authd.yaml" \
  "Written by benchmarks/load/grpc-vs-json.sh: the same server for every transport, gRPC and JSON on one port." \
  "  store: file
  file: $work/credentials.yaml"

run_one() { # run_one TRANSPORT ALGORITHM ROUND
  local transport="$1" alg="$2" round="$3" label="$1-$2" shape status=0
  if [ "$transport" = http1 ]; then shape=(--connections "$in_flight"); else shape=(--connections "$h2_connections" --streams "$streams"); fi
  echo "$bench_name: --- $label (round $round/$rounds): fresh authd on CPU $server_cpu, driver on CPU $driver_cpu" >&2
  bench_start_server "$label" "$work/authd.yaml" "$work/$label-$round.log" || return 1
  bench_digestload "$work/$label-$round.json" "$transport" "$round" "$label" "$alg" --transport "$transport" \
    "${shape[@]}" || status=1
  bench_stop_server
  return "$status"
}

status=0
failed=()
for ((round = 1; round <= rounds; round++)); do
  for transport in "${transports[@]}"; do
    for alg in "${algs[@]}"; do
      run_one "$transport" "$alg" "$round" || { failed+=("$transport-$alg round $round"); status=1; }
    done
  done
done

python3 - "$run_lines" "$algorithms" <<'PY'
# The table: medians over rounds per (algorithm, transport), then gRPC's ratio to each JSON transport.
import json, statistics, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
algs = sys.argv[2].split(",")
if not lines:
    print("\nno configuration was measured")
    sys.exit(0)
order = ["http1", "h2c", "grpc"]
names = {"http1": "JSON HTTP/1.1", "h2c": "JSON h2c", "grpc": "gRPC"}
def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None
def f(v, spec):
    return "-" if v is None else format(v, spec)
print()
print(f"{'algorithm':<9} {'transport':<13} {'runs':>4} {'conn x streams':>14} {'req/s':>9} {'p50 µs':>8} "
      f"{'p99 µs':>8} {'errors':>6} {'server CPU':>10} {'driver CPU':>10} {'other CPU':>9} {'req/s/server core':>17}")
rps, per_core, rounds = {}, {}, {}
for alg in algs:
    for t in order:
        rows = [r for r in lines if r["algorithm"] == alg and r["configuration"] == t]
        if not rows:
            continue
        ok = all(r["errors"] == 0 for r in rows)
        # Requests per second of server CPU: what the server costs, less sensitive to other load stealing its core.
        cores = [r["rps"] / r["server_cpu"] for r in rows if r.get("server_cpu")]
        # What else the machine ran meanwhile (other processes, the kernel): the noise behind a figure.
        other = med([r["machine_cpu"] - r["server_cpu"] - r["driver_cpu"] for r in rows
                     if r.get("machine_cpu") is not None and r.get("server_cpu") is not None])
        rps[(alg, t)] = med([r["rps"] for r in rows]) if ok else None
        per_core[(alg, t)] = med(cores) if ok else None
        rounds[(alg, t)] = {r["round"]: (r["rps"], r["rps"] / r["server_cpu"] if r.get("server_cpu") else None)
                            for r in rows if ok}
        shape = f"{rows[0]['connections']} x {rows[0].get('streams', 1)}"
        print(f"{alg:<9} {names[t]:<13} {len(rows):>4} {shape:>14} {med([r['rps'] for r in rows]):>9,.0f} "
              f"{med([r['p50_us'] for r in rows]):>8,.0f} {med([r['p99_us'] for r in rows]):>8,.0f} "
              f"{sum(r['errors'] for r in rows):>6} {f(med([r.get('server_cpu') for r in rows]), '.2f'):>10} "
              f"{med([r['driver_cpu'] for r in rows]):>10.2f} {f(None if other is None else max(other, 0), '.2f'):>9} "
              f"{f(per_core[(alg, t)], ',.0f'):>17}")
print()
for alg in algs:
    g, gc = rps.get((alg, "grpc")), per_core.get((alg, "grpc"))
    for t in ("h2c", "http1"):
        j, jc = rps.get((alg, t)), per_core.get((alg, t))
        if not (g and j):
            if (alg, t) in rps or (alg, "grpc") in rps:
                print(f"{alg}: gRPC / {names[t]} = n/a (needs both without errors)")
            continue
        # The ratio within each round (same machine state), then the median of those.
        same = sorted(set(rounds[(alg, "grpc")]) & set(rounds[(alg, t)]))
        # Per server core where measured: the req/s of one round move with whatever else the machine ran.
        k = 1 if all(rounds[(alg, x)][n][1] for n in same for x in ("grpc", t)) else 0
        per_round = [rounds[(alg, "grpc")][n][k] / rounds[(alg, t)][n][k] for n in same]
        line = f"{alg}: gRPC / {names[t]} = {g / j:.3f} req/s"
        if gc and jc:
            line += f", {gc / jc:.3f} per server core"
        if len(per_round) > 1:
            line += f" (per round, {'per server core' if k else 'req/s'}: " + " / ".join(f"{x:.2f}" for x in per_round) + ")"
        # The goal is about the server's cost: per server core when measured, req/s otherwise.
        ratio = gc / jc if gc and jc else g / j
        print(line + f"  (goal >= 1.0 {'per server core' if gc and jc else 'req/s'}: "
              f"{'met' if ratio >= 1.0 else 'NOT met'})")
print("CPU columns: cores used over the measured time (medians). A server near 1.00 was saturated; other CPU is")
print("what the rest of the machine ran meanwhile: well above 0 means the figures are noisy, so compare ratios.")
print("req/s/server core = req/s divided by server CPU: the server's cost, less sensitive to that noise. A driver")
print("near 1.00 would be the bottleneck instead of the server.")
PY
bench_finish "$status" "${failed[@]}"
