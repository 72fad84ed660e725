# Sourced by bin/ scripts: installs, from Debian's packages, the tools the build and the tests need when a
# machine lacks them (Maven; curl and python3 drive the server as real clients in the end-to-end tests).
authd_ensure() { # authd_ensure COMMAND DEBIAN-PACKAGE
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "authd: '$1' is missing; installing Debian package $2" >&2
  authd_apt_install "$2"
}

authd_apt_install() { # authd_apt_install DEBIAN-PACKAGE: installs it or stops the script with a clear message
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "authd: cannot install $1 here (needs root and apt-get); install it and run again." >&2
    exit 1
  fi
  # A shell variable, not exported: authd refuses AUTHD_* variables that name no configuration key, and the
  # tests start authd from this environment (an exported flag failed them after any install).
  if [ -z "${authd_apt_updated:-}" ]; then
    apt-get update -qq >&2 || true
    authd_apt_updated=1
  fi
  # Another apt run on the machine holds dpkg's lock for a while: wait for it rather than fail.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 "$1" >&2 || {
    echo "authd: installing $1 failed" >&2; exit 1; }
}
