#!/usr/bin/env bash
# After the suite: no secret the tests use may appear in anything the tests logged (surefire keeps each test
# class's standard output in target/surefire-reports/*-output.txt). The secrets are chosen so that they occur only
# where a secret goes: passwords, HA1s, nonce keys and admin tokens of the test fixtures.
set -euo pipefail
cd "$(dirname "$0")/../.."
reports=target/surefire-reports
shopt -s nullglob
outputs=("$reports"/*-output.txt)
if [ ${#outputs[@]} -eq 0 ]; then
  echo "authd: no test output in $reports to check for secrets (run the suite first)" >&2
  exit 1
fi
ha1() { printf '%s' "$1" | "$2" | cut -d' ' -f1; }
key() { head -c 32 /dev/zero | tr '\0' "\\$(printf '%03o' "$1")" | base64 -w0; }
secrets=(
  wonderland zanzibar 'Secret, or not?'                       # TestServer's and the demo's passwords
  "$(printf alice:wonderland | base64 -w0)" "$(printf bob:zanzibar | base64 -w0)"   # their Basic user-pass
  "$(ha1 alice:example.com:wonderland md5sum)" "$(ha1 alice:example.com:wonderland sha256sum)"
  "$(ha1 bob:example.com:zanzibar md5sum)" "$(ha1 bob:example.com:zanzibar sha256sum)"
  authd_admin_end-to-end-test-token                           # TestServer.ADMIN_TOKEN
  "$(key 1)" "$(key 2)" "$(key 3)"                            # TestKeys.key(1..3)
  not-alices-password-8731 carols-admin-set-password-5512 d4e7c0ffee00112233445566778899aa c0ffee5ec7e7c0de
  "$(printf 'nonce-key-material-that-must-stay-secret' | base64 -w0)"   # NoSecretsInLogsTest
)
found=0
for secret in "${secrets[@]}"; do
  if files=$(grep -l -F -- "$secret" "${outputs[@]}"); then
    echo "authd: a secret of the tests ('${secret:0:6}...') appears in the test logs:" >&2
    echo "$files" >&2
    found=1
  fi
done
[ "$found" -eq 0 ] || exit 1
echo "authd: ${#outputs[@]} test logs checked: none holds any of ${#secrets[@]} test secrets" >&2
