# Sourced by the bin/ scripts: exports JAVA_HOME (and PATH) for a JDK >= 21, or stops with a message.
# Looks at $AUTHD_JAVA_HOME, $JAVA_HOME, the java on PATH, then every JDK under /usr/lib/jvm.

authd_java_major() { # prints the feature version of the JDK at $1, or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    awk -F'= ' '/java.specification.version/ { split($2, v, "."); print v[1] }'
}

authd_find_jdk() {
  local candidates=() c major path_java
  [ -n "${AUTHD_JAVA_HOME:-}" ] && candidates+=("$AUTHD_JAVA_HOME")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if path_java=$(command -v java 2>/dev/null); then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$path_java")")")")
  fi
  for c in /usr/lib/jvm/*; do candidates+=("$c"); done
  for c in "${candidates[@]}"; do
    major=$(authd_java_major "$c")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$c"
      return 0
    fi
  done
  return 1
}

if ! AUTHD_JDK=$(authd_find_jdk); then
  echo "authd: no JDK 21 or newer found (looked at \$AUTHD_JAVA_HOME, \$JAVA_HOME, java on PATH, /usr/lib/jvm/*)." >&2
  echo "authd: install one (e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21+) or set AUTHD_JAVA_HOME." >&2
  exit 1
fi
export JAVA_HOME="$AUTHD_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
# JDK 24+ warns on standard error the first time a library uses sun.misc.Unsafe's memory access, and protobuf-java
# (the gRPC messages) does; allowing it keeps the log free of those lines (a JSON log must be JSON lines). JDK 21 and
# 22 do not know the flag and do not warn.
# Not exported: authd refuses AUTHD_* environment variables that name no configuration key.
authd_jvm_flags=""
if [ "$(authd_java_major "$JAVA_HOME")" -ge 23 ] 2>/dev/null; then
  authd_jvm_flags="--sun-misc-unsafe-memory-access=allow"
fi
