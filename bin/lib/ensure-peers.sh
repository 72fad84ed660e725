# Sourced by bin/test after ensure-tools.sh: the real programs the interop tests (src/test/java/io/authd/interop)
# put in front of authd, from Debian's packages. Missing ones are installed; one that cannot be installed stops
# the run (the tests would fail on it anyway, with a less helpful message).
authd_ensure_package() { # authd_ensure_package DEBIAN-PACKAGE: for packages that bring no command of their own
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed' && return 0
  echo "authd: Debian package $1 is missing; installing it" >&2
  authd_apt_install "$1"
}

authd_ensure nginx nginx
authd_ensure kamailio kamailio
authd_ensure_package kamailio-utils-modules   # http_client: Kamailio calls authd's /v1/verify
authd_ensure_package kamailio-extra-modules   # jansson: builds the request and reads the Decision
authd_ensure sipp sip-tester
# Debian's requests, for Debian's interpreter (/usr/bin/python3): the test runs that one, whatever python3
# comes first on PATH (pyenv, a virtualenv), so what is tested is what the package ships.
authd_ensure_package python3-requests
