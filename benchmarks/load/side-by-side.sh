#!/usr/bin/env bash
# Side by side: authd next to the bare Vert.x ceiling and Apache httpd's mod_auth_digest, all in the same run, with
# the same users, the same generator and every answer checked (the machine is shared and noisy, so only figures
# from one run compare).
#
#   benchmarks/load/side-by-side.sh [--users 1000] [--warmup 10s] [--duration 15s] [--connections 64]
#       [--only echo,authd-json,authd-forward-auth,apache,grpc,p99,scaling] [--algorithms MD5,SHA-256]
#       [--load-share 70] [--rounds 1] [--port 18280] [--echo-port 18282] [--apache-port 18283]
#       [--server-cpu 0] [--driver-cpu 1] [--no-build]
#
# Configurations, each a fresh server pinned to --server-cpu (one event loop), the generator pinned to --driver-cpu:
#   echo                io.authd.bench.echo.JsonEchoServer: a Vert.x POST echo, the ceiling (wrk, the verify body)
#   authd-json          authd, POST /v1/verify (wrk)
#   authd-forward-auth  authd, GET /v1/forward-auth (wrk)
#   apache              Apache httpd (Debian's apache2), mod_auth_digest, GET /bench/ (wrk; MD5 only)
#   grpc                authd through DigestLoad: JSON over HTTP/1.1 (dl-json) and gRPC Verify (dl-grpc)
#   p99                 authd through DigestLoad --rate at --load-share % of dl-json's req/s: its p99
#   scaling             echo and authd-json given both cores (instances: 2), the generator sharing one (first
#                       algorithm only)
# wrk (benchmarks/load/wrk/digest.lua) sends a valid Digest answer with a unique nonce-count in every request and
# checks every answer; any error fails the run. Every run is appended as a JSON line to
# benchmarks/results/side-by-side-<date>.jsonl. Exit status: 0 when every configuration ran without an error.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
bench="$root/benchmarks"
bench_name=side-by-side

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2; }
# shellcheck source=lib/bench.sh
. "$bench/load/lib/bench.sh"

port=18280
echo_port=18282
apache_port=18283
connections=64
load_share=70
only="echo,authd-json,authd-forward-auth,apache,grpc,p99,scaling"
algorithms="MD5,SHA-256"
while [ $# -gt 0 ]; do
  bench_option "$@"
  if [ "$bench_shift" -gt 0 ]; then shift "$bench_shift"; continue; fi
  case "$1" in
    --connections) connections="${2:?--connections needs a value}"; shift 2 ;;
    --only) only="${2:?--only needs a value}"; shift 2 ;;
    --algorithms) algorithms="${2:?--algorithms needs a value}"; shift 2 ;;
    --load-share) load_share="${2:?--load-share needs a value}"; shift 2 ;;
    --echo-port) echo_port="${2:?--echo-port needs a value}"; shift 2 ;;
    --apache-port) apache_port="${2:?--apache-port needs a value}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage; bench_die "unknown option $1" ;;
  esac
done

for n in "$connections" "$load_share" "$echo_port" "$apache_port"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || bench_die "expected a positive whole number, got '$n'"
done
[ "$load_share" -lt 100 ] || bench_die "--load-share is a percentage of the peak, below 100"
IFS=',' read -ra parts <<<"$only"
for c in "${parts[@]}"; do
  case "$c" in echo|authd-json|authd-forward-auth|apache|grpc|p99|scaling) ;;
    *) bench_die "--only: unknown configuration '$c' (echo, authd-json, authd-forward-auth, apache, grpc, p99, scaling)" ;;
  esac
done
wanted() { [[ ",$only," == *",$1,"* ]]; }
IFS=',' read -ra algs <<<"$algorithms"
for a in "${algs[@]}"; do
  case "$a" in MD5|SHA-256) ;; *) bench_die "--algorithms: MD5 or SHA-256, got '$a' (the users get HA1s for these two)" ;; esac
done
# authd's nonces live 300 s and an allow carries a nextnonce after 80% of that, which digest.lua does not follow.
[ $(($(bench_seconds "$warmup") + $(bench_seconds "$duration"))) -le 200 ] 2>/dev/null ||
  bench_die "--warmup plus --duration must stay within 200 s (a nonce is fetched per run and lives 300 s)"

bench_prepare
for p in "$echo_port" "$apache_port"; do
  if bench_port_busy "$p"; then bench_die "port $p is in use; pick others with --echo-port / --apache-port"; fi
done
authd_ensure wrk wrk
if wanted apache; then authd_ensure apache2 apache2; fi

realm=example.com
lua="$bench/load/wrk/digest.lua"
nonces_py="$bench/load/lib/digest_nonces.py"
clk_tck="$(getconf CLK_TCK)"
bench_users "$users" "$realm"
config_for() { # config_for INSTANCES FILE
  bench_server_config "$2" "Written by benchmarks/load/side-by-side.sh." "  store: file
  file: $work/credentials.yaml" "$1"
}
config_for 1 "$work/authd.yaml"
config_for 2 "$work/authd-2.yaml"
read -ra java_opts <<<"${AUTHD_JAVA_OPTS:-}"

tree_cpu_ticks() { # tree_cpu_ticks PID: CPU clock ticks of PID and its descendants (Apache's children), those that
  # exited and were reaped included (cutime, cstime), so a child replaced during the window still counts
  python3 - "$1" <<'PY'
import os, sys
root, procs = int(sys.argv[1]), {}
for d in os.listdir("/proc"):
    if d.isdigit():
        try:
            s = open(f"/proc/{d}/stat").read()
        except OSError:
            continue
        f = s[s.rindex(")") + 2:].split()  # from field 3 (state) on: ppid is f[1], utime..cstime f[11..14]
        procs[int(d)] = (int(f[1]), sum(int(x) for x in f[11:15]))
tree, todo = set(), [root]
while todo:
    p = todo.pop()
    tree.add(p)
    todo += [c for c, (ppid, _) in procs.items() if ppid == p and c not in tree]
print(sum(procs[p][1] for p in tree if p in procs))
PY
}

start_echo() { # start_echo INSTANCES LOG: the ceiling, with the JVM flags authd gets
  # shellcheck disable=SC2086 # authd_jvm_flags is a list of flags
  taskset -c "${server_cpus:-$server_cpu}" "$JAVA_HOME/bin/java" $authd_jvm_flags "${java_opts[@]}" \
    -cp "$bench/target/authd-benchmarks.jar" io.authd.bench.echo.JsonEchoServer \
    --port "$echo_port" --instances "$1" >"$2" 2>&1 &
  server_pid=$!
  bench_wait_ready "the echo server" "$2" bench_port_busy "$echo_port"
}

apache_dir="$work/apache"
if [ "$(id -u)" -eq 0 ] && wanted apache; then
  # Started as root, httpd serves as www-data, which must pass through every directory above its files: a checkout's
  # build directories may be closed to others (seen: benchmarks/target at 700, and Apache answered 403), /tmp is not.
  apache_dir="$(mktemp -d /tmp/authd-side-by-side-apache.XXXXXX)"
  trap 'bench_cleanup; rm -rf "$apache_dir"' EXIT
fi
write_apache_config() { # Apache's own configuration and users in $apache_dir: nothing of the system's is used
  mkdir -p "$apache_dir/htdocs/bench"
  echo '{"ok":true}' >"$apache_dir/htdocs/bench/index.html"
  # htdigest's format (user:realm:HA1) from the same users and passwords as authd's.
  python3 - "$work/users.txt" "$realm" >"$apache_dir/users.htdigest" <<'PY'
import hashlib, sys
for line in open(sys.argv[1]):
    user, password = line.rstrip("\n").split(":", 1)
    print(f"{user}:{sys.argv[2]}:{hashlib.md5(f'{user}:{sys.argv[2]}:{password}'.encode()).hexdigest()}")
PY
  local run_as=""
  if [ "$(id -u)" -eq 0 ]; then
    # Started as root, httpd serves as www-data, which must read the users file: the Apache directory is its group's.
    run_as="User www-data
Group www-data"
    chgrp -R www-data "$apache_dir"
    chmod -R g+rX "$apache_dir"
  fi
  cat >"$apache_dir/httpd.conf" <<CONF
# Written by benchmarks/load/side-by-side.sh: Apache httpd as the peer, only the modules Digest needs.
ServerRoot /etc/apache2
ServerName 127.0.0.1
Listen 127.0.0.1:$apache_port
PidFile $apache_dir/httpd.pid
DefaultRuntimeDir $apache_dir
Mutex file:$apache_dir
ErrorLog $apache_dir/error.log
LogLevel warn
$run_as
# The worker MPM: a thread per connection for as long as it lives. The event MPM closes kept-alive connections on
# its own when its workers are busy (seen: 4 of 64 connections closed under load, which wrk counts as errors).
LoadModule mpm_worker_module /usr/lib/apache2/modules/mod_mpm_worker.so
LoadModule authn_core_module /usr/lib/apache2/modules/mod_authn_core.so
LoadModule authn_file_module /usr/lib/apache2/modules/mod_authn_file.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule authz_user_module /usr/lib/apache2/modules/mod_authz_user.so
LoadModule auth_digest_module /usr/lib/apache2/modules/mod_auth_digest.so
LoadModule dir_module /usr/lib/apache2/modules/mod_dir.so
# A fixed pool, a worker for every connection: no process is started or stopped while it is measured.
StartServers 2
ServerLimit 2
ThreadLimit 64
ThreadsPerChild 64
MaxRequestWorkers 128
MinSpareThreads 64
MaxSpareThreads 128
# Keep-alive without a request limit, as authd's: no reconnects in the measured time. No access log (authd's
# audit log is off too).
KeepAlive On
MaxKeepAliveRequests 0
KeepAliveTimeout 30
AuthDigestShmemSize 1048576
DocumentRoot $apache_dir/htdocs
DirectoryIndex index.html
# No .htaccess lookups in the directories above: Apache would pay them on every request.
<Directory />
  AllowOverride None
</Directory>
<Directory $apache_dir/htdocs/bench>
  AuthType Digest
  AuthName "$realm"
  AuthDigestProvider file
  AuthUserFile $apache_dir/users.htdigest
  AuthDigestQop auth
  Require valid-user
</Directory>
CONF
}

start_apache() { # start_apache LOG: httpd in the foreground of its own process, pinned; its children inherit that
  taskset -c "$server_cpu" apache2 -f "$apache_dir/httpd.conf" -DFOREGROUND >"$1" 2>&1 &
  server_pid=$!
  bench_wait_ready "Apache httpd" "$1" bench_port_busy "$apache_port"
}

fetch_nonces() { # fetch_nonces PEER URL ALGORITHM URI OUT
  python3 "$nonces_py" "$1" "$2" "$work/users.txt" "$realm" "$3" "$4" "$5"
}

wrk_once() { # wrk_once MODE URL NONCES DURATION OUT: wrk pinned to the driver core; OUT gets its JSON line and
  # OUT.cpu its CPU seconds (user + system, from the shell's `times`)
  local times
  times="$( (taskset -c "$driver_cpu" wrk -t1 -c"$connections" -d"$4" --latency -s "$lua" "$2" -- "$1" "$3" \
    >"$5.txt" 2>&1; times) | tail -n 1)"
  # `times` prints the children's "XmY.YYYs XmZ.ZZZs" on its second line.
  awk '{ n = 0; for (i = 1; i <= 2; i++) { split($i, t, "m"); n += t[1] * 60 + t[2] } print n }' <<<"$times" >"$5.cpu"
  grep '^{"wrk"' "$5.txt" | tail -n 1 >"$5" || { echo "$bench_name: wrk printed no result:" >&2; tail -n 5 "$5.txt" >&2; return 1; }
}

errors_in() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["errors"])' "$1"; }

measure_wrk() { # measure_wrk CONFIG ALGORITHM ROUND MODE PEER URL URI CORES: warm-up and measured wrk runs against
  # the server started (server_pid), each with fresh nonces; records the result
  local config="$1" alg="$2" round="$3" mode="$4" peer="$5" url="$6" uri="$7" cores="$8"
  local base="$work/$config-$alg-$round" c0 c1 t0 t1
  fetch_nonces "$peer" "$url" "$alg" "$uri" "$base.nonces" || return 1
  wrk_once "$mode" "$url" "$base.nonces" "$warmup" "$base.warmup.json" || return 1
  if [ "$(errors_in "$base.warmup.json")" != 0 ]; then
    echo "$bench_name: $config $alg: errors in the warm-up: $(cat "$base.warmup.json")" >&2
    return 1
  fi
  fetch_nonces "$peer" "$url" "$alg" "$uri" "$base.nonces" || return 1
  c0="$(tree_cpu_ticks "$server_pid")"
  t0="$(date +%s.%N)"
  wrk_once "$mode" "$url" "$base.nonces" "$duration" "$base.wrk.json" || return 1
  t1="$(date +%s.%N)"
  c1="$(tree_cpu_ticks "$server_pid")"
  python3 - "$base.wrk.json" "$base.wrk.json.cpu" "$c0" "$c1" "$clk_tck" "$t0" "$t1" "$alg" "$config" \
    "$connections" "$users" "$cores" >"$base.json" <<'PY'
import json, sys
path, cpu, c0, c1, tck, t0, t1, alg, label, conns, users, cores = sys.argv[1:]
d = json.load(open(path))
wall = float(t1) - float(t0)
server = (int(c1) - int(c0)) / int(tck)
d.pop("wrk")
d.update(label=label, generator="wrk", transport="http1", algorithm=alg, connections=int(conns), users=int(users),
         server_cores=int(cores), server_cpu=round(server / wall, 3),
         driver_cpu=round(float(open(cpu).read()) / wall, 3),
         server_cpu_us_per_request=round(server * 1e6 / d["requests"], 2) if d["requests"] else None)
print(json.dumps(d))
PY
  bench_record "$base.json" "$config" "$round" "$warmup" || return 1
  [ "$(errors_in "$base.json")" = 0 ] || { echo "$bench_name: $config $alg: errors: $(cat "$base.json")" >&2; return 1; }
}

measure_digestload() { # measure_digestload CONFIG ALGORITHM ROUND TRANSPORT [--rate R]: DigestLoad against authd
  local config="$1" alg="$2" round="$3" transport="$4" shape
  shift 4
  if [ "$transport" = http1 ]; then shape=(--connections "$connections"); else shape=(--connections 2 --streams $((connections / 2))); fi
  bench_digestload "$work/$config-$alg-$round.json" "$config" "$round" "$config" "$alg" --transport "$transport" \
    "${shape[@]}" "$@"
}

run_config() { # run_config CONFIG ALGORITHM ROUND: one configuration on a fresh server
  local config="$1" alg="$2" round="$3" log="$work/$1-$2-$3.log" status=0 rate
  echo "$bench_name: --- $config $alg (round $round/$rounds)" >&2
  case "$config" in
    echo)
      start_echo 1 "$log" && measure_wrk echo "$alg" "$round" echo echo "http://127.0.0.1:$echo_port" /bench 1 || status=1 ;;
    echo-2cores)
      server_cpus="$server_cpu,$driver_cpu" start_echo 2 "$log" &&
        measure_wrk echo-2cores "$alg" "$round" echo echo "http://127.0.0.1:$echo_port" /bench 2 || status=1 ;;
    authd-json)
      bench_start_server "$config" "$work/authd.yaml" "$log" &&
        measure_wrk "$config" "$alg" "$round" verify authd "http://127.0.0.1:$port" /bench 1 || status=1 ;;
    authd-forward-auth)
      bench_start_server "$config" "$work/authd.yaml" "$log" &&
        measure_wrk "$config" "$alg" "$round" forward-auth authd "http://127.0.0.1:$port" /bench 1 || status=1 ;;
    authd-json-2cores)
      server_cpus="$server_cpu,$driver_cpu" bench_start_server "$config" "$work/authd-2.yaml" "$log" &&
        measure_wrk "$config" "$alg" "$round" verify authd "http://127.0.0.1:$port" /bench 2 || status=1 ;;
    apache)
      start_apache "$log" &&
        measure_wrk apache "$alg" "$round" apache apache "http://127.0.0.1:$apache_port" /bench/ 1 || status=1 ;;
    dl-json|dl-grpc)
      local transport=http1
      [ "$config" = dl-grpc ] && transport=grpc
      bench_start_server "$config" "$work/authd.yaml" "$log" && measure_digestload "$config" "$alg" "$round" "$transport" || status=1 ;;
    p99)
      rate="$(python3 - "$run_lines" "$alg" "$round" "$load_share" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
peak = [l["rps"] for l in lines if l["configuration"] == "dl-json" and l["algorithm"] == sys.argv[2]
        and l["round"] == int(sys.argv[3]) and l["errors"] == 0]
print(round(peak[-1] * int(sys.argv[4]) / 100) if peak else "")
PY
)"
      if [ -z "$rate" ]; then
        echo "$bench_name: p99 $alg: no peak from dl-json in this round; not run" >&2
        return 1
      fi
      bench_start_server "$config" "$work/authd.yaml" "$log" &&
        measure_digestload p99 "$alg" "$round" http1 --rate "$rate" || status=1 ;;
  esac
  bench_stop_server
  return "$status"
}

configs=()
wanted echo && configs+=(echo)
wanted authd-json && configs+=(authd-json)
wanted authd-forward-auth && configs+=(authd-forward-auth)
wanted apache && configs+=(apache)
# p99 takes its peak from dl-json of the same round and algorithm.
if wanted grpc || wanted p99; then configs+=(dl-json); fi
wanted grpc && configs+=(dl-grpc)
wanted p99 && configs+=(p99)
if wanted apache; then write_apache_config; fi

status=0
failed=()
for ((round = 1; round <= rounds; round++)); do
  for alg in "${algs[@]}"; do
    for config in "${configs[@]}"; do
      # mod_auth_digest in Apache 2.4 knows MD5 only.
      if [ "$config" = apache ] && [ "$alg" != MD5 ]; then continue; fi
      run_config "$config" "$alg" "$round" || { failed+=("$config $alg round $round"); status=1; }
    done
  done
  if wanted scaling; then
    for config in echo-2cores authd-json-2cores; do
      run_config "$config" "${algs[0]}" "$round" || { failed+=("$config ${algs[0]} round $round"); status=1; }
    done
  fi
done

python3 "$bench/load/lib/side_by_side_table.py" "$run_lines" "$algorithms" "$load_share" "$server_cpu" "$driver_cpu"
bench_finish "$status" "${failed[@]}"
