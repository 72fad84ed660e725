#!/usr/bin/env bash
# JMH benchmarks of authd's hot path (io.authd.bench.jmh), one command: builds authd (installed for this module)
# and the benchmarks jar, runs JMH pinned to one core, keeps the JSON and prints each benchmark's ratio to the
# baseline of its class. See README.md "JMH: the hot path".
#
#   benchmarks/jmh.sh [-c CPU|none] [--no-build] [JMH options and benchmark regexps...]
#   benchmarks/jmh.sh DigestVerify -p algorithm=MD5       # one class, one parameter value
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
cpu=0
build=1
jmh_args=()

usage() {
  sed -n '2,7s/^# \{0,1\}//p' "$0" >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    -c) cpu="${2:?-c needs a core number, or none}"; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) usage ;;
    *) jmh_args+=("$1"); shift ;;
  esac
done

# shellcheck source=../bin/lib/java.sh
. "$root/bin/lib/java.sh"
command -v mvn >/dev/null || { echo "jmh: needs Maven (mvn)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "jmh: needs python3 for the summary" >&2; exit 1; }

build_module() { # build_module DIR GOAL NAME: offline first (fast, no network), online when something is missing
  local log="$bench/target/jmh-build-$3.log"
  mkdir -p "$bench/target"
  if ! (cd "$1" && mvn -B -q -o -DskipTests "$2") >"$log" 2>&1; then
    echo "jmh: offline build of $3 failed; retrying online" >&2
    (cd "$1" && mvn -B -q -DskipTests "$2") >>"$log" 2>&1 || { tail -n 40 "$log" >&2; echo "jmh: building $3 failed; see $log" >&2; exit 1; }
  fi
}

jar="$bench/target/authd-benchmarks.jar"
if [ "$build" -eq 1 ]; then
  # The benchmarks depend on io.authd:authd from the local repository: install this checkout's first.
  echo "jmh: building authd (mvn install) and $jar" >&2
  build_module "$root" install authd
  build_module "$bench" package authd-benchmarks
fi
[ -f "$jar" ] || { echo "jmh: $jar is missing (run without --no-build)" >&2; exit 1; }

has_option() { # has_option OPT: did the caller pass JMH option OPT?
  local a
  for a in "${jmh_args[@]+"${jmh_args[@]}"}"; do [ "$a" = "$1" ] && return 0; done
  return 1
}

# Short defaults (the lead reruns longer on a quiet machine); each one the caller passes wins.
defaults=(-f 1 -wi 3 -i 5 -w 1s -r 1s)
args=()
for ((i = 0; i < ${#defaults[@]}; i += 2)); do
  has_option "${defaults[i]}" || args+=("${defaults[i]}" "${defaults[i + 1]}")
done
mkdir -p "$bench/results"
results="$bench/results/jmh-$(date +%F).json"
n=2
while [ -e "$results" ]; do results="$bench/results/jmh-$(date +%F)-$n.json"; n=$((n + 1)); done
if has_option -rff; then
  for ((i = 0; i < ${#jmh_args[@]}; i++)); do [ "${jmh_args[i]}" = -rff ] && results="${jmh_args[i + 1]}"; done
else
  args+=(-rff "$results")
fi
has_option -rf || args+=(-rf json)

# JDK 24+ warns on standard error when a library uses sun.misc.Unsafe (JMH does): java.sh's flag allows it, in
# JMH's own JVM and in its forks, unless the caller passes JVM arguments of its own.
read -ra jvm_flags <<<"$authd_jvm_flags"
if [ ${#jvm_flags[@]} -gt 0 ] && ! has_option -jvmArgsAppend; then
  args+=(-jvmArgsAppend "$authd_jvm_flags")
fi

pin=()
if [ "$cpu" != none ]; then
  if command -v taskset >/dev/null; then
    pin=(taskset -c "$cpu")
  else
    echo "jmh: taskset not found; not pinned to a core" >&2
  fi
fi
echo "jmh: ${pin[*]+${pin[*]} }java -jar $jar ${args[*]} ${jmh_args[*]+${jmh_args[*]}}" >&2
"${pin[@]+"${pin[@]}"}" "$JAVA_HOME/bin/java" "${jvm_flags[@]+"${jvm_flags[@]}"}" -jar "$jar" "${args[@]}" "${jmh_args[@]+"${jmh_args[@]}"}"

[ -s "$results" ] || { echo "jmh: JMH wrote no results to $results" >&2; exit 1; }
echo "jmh: results in ${results#"$root"/}" >&2
python3 "$bench/jmh-summary.py" "$results"
