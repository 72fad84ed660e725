# shellcheck shell=bash
# What the load benchmarks in benchmarks/load share: the common options, building the jars, the users, one pinned
# authd at a time, and the JSON lines of the results. Sourced by them after they set bench_name (for messages),
# root and bench; bench_option parses the common options, bench_prepare (after the options) sets up the rest:
# mgmt_port, work, run_lines, results, commit, JAVA_HOME.

# Defaults of the common options.
users=1000
warmup=10s
duration=15s
rounds=1
port=18080
server_cpu=0
driver_cpu=1
build=1

bench_option() { # bench_option ARG [VALUE]: one of the common options? sets bench_shift to the words it took, or 0
  bench_shift=2
  case "$1" in
    --users) users="${2:?--users needs a value}" ;;
    --warmup) warmup="${2:?--warmup needs a value}" ;;
    --duration) duration="${2:?--duration needs a value}" ;;
    --rounds) rounds="${2:?--rounds needs a value}" ;;
    --port) port="${2:?--port needs a value}" ;;
    --server-cpu) server_cpu="${2:?--server-cpu needs a value}" ;;
    --driver-cpu) driver_cpu="${2:?--driver-cpu needs a value}" ;;
    --no-build) build=0; bench_shift=1 ;;
    *) bench_shift=0 ;;
  esac
}

bench_die() { echo "$bench_name: $*" >&2; exit 1; }

bench_seconds() { # bench_seconds DURATION: whole seconds of 15s, 2m or 500ms (rounded up); fails on anything else
  case "$1" in
    *ms) [[ "${1%ms}" =~ ^[0-9]+$ ]] && echo $(((${1%ms} + 999) / 1000)) ;;
    *s) [[ "${1%s}" =~ ^[0-9]+$ ]] && echo "${1%s}" ;;
    *m) [[ "${1%m}" =~ ^[0-9]+$ ]] && echo $((${1%m} * 60)) ;;
    *) return 1 ;;
  esac
}

# Another server on these ports would be measured instead of ours.
bench_port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

bench_check_ports() {
  local p
  for p in "$port" "$mgmt_port"; do
    if bench_port_busy "$p"; then bench_die "port $p is in use; pick others with --port"; fi
  done
}

bench_prepare() { # after the options: checks them, the tools, the CPUs and the ports; builds; fresh work directory
  local n
  for n in "$users" "$rounds" "$port" "$server_cpu" "$driver_cpu"; do
    [[ "$n" =~ ^[0-9]+$ ]] || bench_die "expected a whole number, got '$n'"
  done
  if [ "$users" -lt 1 ] || [ "$rounds" -lt 1 ]; then bench_die "--users and --rounds must be at least 1"; fi
  [ "$server_cpu" != "$driver_cpu" ] || bench_die "--server-cpu and --driver-cpu must differ: the driver must not steal the server's core"
  mgmt_port=$((port + 1))
  work="$bench/target/$bench_name"
  run_lines="$work/run.jsonl"
  results="$bench/results/$bench_name-$(date +%F).jsonl"
  # shellcheck source=../../../bin/lib/java.sh
  . "$root/bin/lib/java.sh"
  # shellcheck source=../../../bin/lib/ensure-tools.sh
  . "$root/bin/lib/ensure-tools.sh"
  authd_ensure mvn maven
  authd_ensure python3 python3
  authd_ensure curl curl
  authd_ensure taskset util-linux
  local cpus
  cpus=$(nproc --all)
  if [ "$server_cpu" -ge "$cpus" ] || [ "$driver_cpu" -ge "$cpus" ]; then
    bench_die "needs CPUs $server_cpu and $driver_cpu, this machine has $cpus"
  fi
  bench_check_ports
  # Work files, passwords included, stay under target/ (ignored by git) and private to this user.
  umask 077
  rm -rf "$work"
  mkdir -p "$work" "$bench/results"
  bench_build
  : >"$run_lines"
  commit="$(bench_commit)"
}

bench_build_module() { # bench_build_module DIR NAME [GOAL]: offline first (fast, no network), online when a plugin is missing
  local log="$work/build-$2.log" goal="${3:-package}"
  # Maven's output (JDK warnings about Maven's own libraries included) goes to a log, shown when the build fails.
  if ! (cd "$1" && mvn -B -q -o -DskipTests "$goal") >"$log" 2>&1; then
    echo "$bench_name: offline build of $2 failed; retrying online" >&2
    (cd "$1" && mvn -B -q -DskipTests "$goal") >>"$log" 2>&1 || { tail -n 40 "$log" >&2; bench_die "building $2 failed; see $log"; }
  fi
}

bench_build() { # builds target/authd.jar and benchmarks/target/authd-benchmarks.jar unless --no-build
  if [ "$build" -eq 1 ]; then
    echo "$bench_name: building target/authd.jar and benchmarks/target/authd-benchmarks.jar" >&2
    # install: the benchmarks module compiles its JMH package against this checkout's io.authd:authd.
    bench_build_module "$root" authd install
    bench_build_module "$bench" authd-benchmarks
  fi
  [ -f "$root/target/authd.jar" ] || bench_die "target/authd.jar is missing (run without --no-build)"
  [ -f "$bench/target/authd-benchmarks.jar" ] || bench_die "benchmarks/target/authd-benchmarks.jar is missing (run without --no-build)"
}

bench_users() { # bench_users N REALM: users.txt (user:password) for the driver, credentials.yaml (HA1s) for the
  # file store and users.csv for seeding a database, which computes the HA1s itself; all in $work
  echo "$bench_name: creating $1 users (random passwords) in $work" >&2
  python3 - "$1" "$2" "$work" "$bench_name" <<'PY'
import csv, hashlib, secrets, sys
n, realm, work, script = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
with open(f"{work}/users.txt", "w") as txt, open(f"{work}/credentials.yaml", "w") as yml, \
        open(f"{work}/users.csv", "w", newline="") as seed:
    yml.write(f"# {n} benchmark users, written by benchmarks/load/{script}.sh\nversion: 1\nrealms:\n  {realm}:\n")
    rows = csv.writer(seed)
    for i in range(1, n + 1):
        user, password = f"bench{i:07d}", secrets.token_hex(12)
        a1 = f"{user}:{realm}:{password}".encode()
        txt.write(f"{user}:{password}\n")
        yml.write(f"    {user}:\n      ha1:\n"
                  f"        MD5: \"{hashlib.md5(a1).hexdigest()}\"\n"
                  f"        SHA-256: \"{hashlib.sha256(a1).hexdigest()}\"\n")
        rows.writerow([user, password])
PY
}

server_pid=""
driver_pid=""
# shellcheck disable=SC2317 # called by the EXIT trap
bench_cleanup() {
  # Servers and drivers started here never outlive the script: not on failure, not on Ctrl-C.
  local pid
  for pid in "$driver_pid" "$server_pid"; do
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  driver_pid=""
  server_pid=""
}
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

bench_start_server() { # bench_start_server NAME CONFIG-FILE LOG [VAR=VALUE...]: authd pinned to $server_cpu in the
  # background; sets server_pid and waits until it is ready
  local name="$1" cfg="$2" log="$3" server_env=() v java_opts=()
  shift 3
  # authd refuses AUTHD_* variables that name no key (services.sh exports AUTHD_TEST_*): start it without any.
  for v in $(compgen -e); do
    case "$v" in AUTHD_*) server_env+=(-u "$v") ;; esac
  done
  server_env+=("$@")
  # AUTHD_JAVA_OPTS: JVM flags for the server, as bin/authd takes them.
  read -ra java_opts <<<"${AUTHD_JAVA_OPTS:-}"
  # server_cpus (a taskset list) when set: a server given more than one core (side-by-side.sh's scaling runs).
  # authd_jvm_flags (java.sh): the flags bin/authd gives the server.
  # shellcheck disable=SC2086 # authd_jvm_flags is a list of flags
  env "${server_env[@]}" \
    taskset -c "${server_cpus:-$server_cpu}" "$JAVA_HOME/bin/java" $authd_jvm_flags "${java_opts[@]}" -jar "$root/target/authd.jar" \
    serve --config "$cfg" >"$log" 2>&1 &
  server_pid=$!
  bench_wait_ready "authd ('$name')" "$log" curl -fsS -o /dev/null "http://127.0.0.1:$mgmt_port/health/ready"
}

bench_wait_ready() { # bench_wait_ready WHAT LOG CHECK...: until CHECK succeeds; fails when the server died or
  # after 60 s, showing the end of its LOG
  local what="$1" log="$2" deadline=$((SECONDS + 60))
  shift 2
  until "$@" 2>/dev/null; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      wait "$server_pid" 2>/dev/null || true
      server_pid=""
      echo "$bench_name: $what did not start; its log ($log) ends with:" >&2
      tail -n 15 "$log" | sed 's/^/  /' >&2
      return 1
    fi
    [ "$SECONDS" -lt "$deadline" ] || { echo "$bench_name: $what not ready after 60 s; see $log" >&2; return 1; }
    sleep 0.3
  done
}

bench_stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}

bench_digestload() { # bench_digestload OUT CONFIGURATION ROUND LABEL ALGORITHM [DigestLoad options...]: the load
  # driver against authd on $port, pinned to $driver_cpu, with the run's users, realm, warm-up and duration; its result
  # is recorded under CONFIGURATION. Fails when the driver found errors or printed nothing usable.
  local out="$1" config="$2" round="$3" label="$4" alg="$5" rc=0
  shift 5
  taskset -c "$driver_cpu" "$JAVA_HOME/bin/java" -cp "$bench/target/authd-benchmarks.jar" \
    io.authd.bench.load.DigestLoad --url "http://127.0.0.1:$port" --users-file "$work/users.txt" --realm "$realm" \
    --algorithm "$alg" --warmup "$warmup" --duration "$duration" --label "$label" --server-pid "$server_pid" \
    "$@" >"$out" &
  driver_pid=$!
  wait "$driver_pid" || rc=$?
  driver_pid=""
  bench_record "$out" "$config" "$round" "$warmup" || return 1
  [ "$rc" -eq 0 ] || { echo "$bench_name: $(basename "$out" .json): the driver found errors (exit $rc)" >&2; return 1; }
}

bench_record() { # bench_record OUT CONFIGURATION ROUND WARMUP: the driver's line with what the run was, appended to
  # $run_lines and $results; fails when the driver printed nothing usable
  if [ ! -s "$1" ]; then
    echo "$bench_name: $2: the driver printed no result" >&2
    return 1
  fi
  # Called with ||: errexit is off here, so the merge checks its own status.
  if python3 - "$1" "$2" "$3" "$commit" "$4" "$server_cpu" "$driver_cpu" >>"$run_lines" <<'PY'
import datetime, json, sys
path, config, rnd, commit, warmup, scpu, dcpu = sys.argv[1:]
d = json.load(open(path))
d.update(configuration=config, round=int(rnd), commit=commit, warmup=warmup, server_core=int(scpu),
         driver_core=int(dcpu), time=datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"))
print(json.dumps(d))
PY
  then :; else echo "$bench_name: $2: unreadable driver result $1" >&2; return 1; fi
  tail -n 1 "$run_lines" >>"$results"
}

bench_commit() { # the commit measured, -dirty when the working tree has changes
  local c
  c="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  if [ -n "$(git -C "$root" status --porcelain 2>/dev/null)" ]; then c="$c-dirty"; fi
  echo "$c"
}

bench_server_config() { # bench_server_config FILE COMMENT CREDENTIALS-LINES [INSTANCES]: authd's configuration for
  # a run: demo mode on $port, one event loop (or INSTANCES), realm $realm with MD5 and SHA-256, the memory replay
  # store, no audit log
  cat >"$1" <<YAML
# $2
mode: demo
listen:
  public: {host: 127.0.0.1, port: $port}
  management: {host: 127.0.0.1, port: $mgmt_port}
# One event loop per pinned core: the figure is per core.
instances: ${4:-1}
realms:
  - name: $realm
    algorithms: [MD5, SHA-256]
    qop: [auth]
credentials:
$3
replay:
  store: memory
# The audit trail (a log line per verification) costs every configuration the same and is not what this compares.
logging:
  audit: false
YAML
}

bench_finish() { # bench_finish STATUS FAILED...: says where the results went and what failed, then exits STATUS
  local status="$1"
  shift
  if [ -s "$run_lines" ]; then
    echo "$bench_name: results appended to ${results#"$root"/}" >&2
  fi
  if [ $# -gt 0 ]; then
    printf '%s: failed: %s\n' "$bench_name" "$@" >&2
  fi
  exit "$status"
}
