# Sourced by bin/test: makes sure PostgreSQL and Redis answer on 127.0.0.1, installing them from Debian's
# packages and starting them when a machine lacks them, and exports where the tests find them.
#   AUTHD_TEST_PG_URI     postgresql://authd_test:authd_test@127.0.0.1:5432/postgres
#   AUTHD_TEST_REDIS_URI  redis://127.0.0.1:6379
# A role of our own (with a password) works whatever pg_hba.conf says: trust, md5 or scram.

authd_wait() { # authd_wait SECONDS COMMAND...: retry until the command succeeds
  local deadline=$((SECONDS + $1)); shift
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -ge "$deadline" ] && return 1
    sleep 0.5
  done
}

authd_ensure_redis() {
  if redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; then return 0; fi
  authd_ensure redis-server redis-server
  authd_ensure redis-cli redis-tools
  echo "authd: starting Redis on 127.0.0.1:6379 (no persistence: tests only)" >&2
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/authd-test.log
  authd_wait 20 sh -c 'redis-cli -h 127.0.0.1 -p 6379 ping | grep -q PONG' || {
    echo "authd: Redis did not start; see /var/log/redis/authd-test.log" >&2; exit 1; }
}

authd_ensure_postgres() {
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
      authd_ensure pg_ctlcluster postgresql
    fi
    local version
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    echo "authd: starting PostgreSQL $version on 127.0.0.1:5432" >&2
    # PostgreSQL refuses to run as root: pg_ctlcluster starts it as the postgres user.
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    authd_wait 30 pg_isready -q -h 127.0.0.1 -p 5432 || {
      echo "authd: PostgreSQL did not start; see /var/log/postgresql/" >&2; exit 1; }
  fi
  # The test role, created over the local socket as the postgres superuser (peer authentication).
  su postgres -c "psql -q -v ON_ERROR_STOP=1 -d postgres" >/dev/null <<'SQL' || {
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'authd_test') THEN
    CREATE ROLE authd_test LOGIN PASSWORD 'authd_test';
  END IF;
END $$;
GRANT CREATE ON DATABASE postgres TO authd_test;
SQL
    echo "authd: cannot create the authd_test role in PostgreSQL" >&2; exit 1; }
}

authd_ensure pg_isready postgresql-client
authd_ensure psql postgresql-client
authd_ensure_redis
authd_ensure_postgres
export AUTHD_TEST_PG_URI="${AUTHD_TEST_PG_URI:-postgresql://authd_test:authd_test@127.0.0.1:5432/postgres}"
export AUTHD_TEST_REDIS_URI="${AUTHD_TEST_REDIS_URI:-redis://127.0.0.1:6379}"
