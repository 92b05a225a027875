# A throwaway PostgreSQL cluster for the tests, sourced by .ci/run (and usable by hand, see the README):
#
#   source .ci/postgres.sh && start_test_postgres     # exports ONEONONE_TEST_POSTGRES
#   ...
#   stop_test_postgres                               # stops it and deletes its folder
#
# The cluster lives in a fresh temporary folder, listens on 127.0.0.1 only, on a free port, with a random password,
# so two runs on one machine never meet. PostgreSQL refuses to run as root: as root it runs as the postgres user
# that Debian's package creates. Durability is switched off: the data is thrown away at the end anyway.

_test_postgres_dir=""

_test_postgres_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [[ -z "$bin" ]]; then
    echo "PostgreSQL is not installed: installing Debian's postgresql package." >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$bin"
}

# Runs a command as the cluster's owner: the postgres user when we are root, ourselves otherwise.
_test_postgres_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start_test_postgres() {
  local bin password port attempt
  bin=$(_test_postgres_bin)
  _test_postgres_dir=$(mktemp -d -t oneonone-postgres.XXXXXX)
  password=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  printf '%s\n' "$password" >"$_test_postgres_dir/password"
  if [[ $(id -u) -eq 0 ]]; then
    chown -R postgres: "$_test_postgres_dir"
  fi

  _test_postgres_as_owner "$bin/initdb" --pgdata="$_test_postgres_dir/data" --username=oneonone \
    --pwfile="$_test_postgres_dir/password" --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >/dev/null

  # A port picked at random can be taken between the pick and the start (another run doing the same):
  # then the start fails and the next attempt picks again.
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 40000))
    if _test_postgres_as_owner "$bin/pg_ctl" --pgdata="$_test_postgres_dir/data" --wait --silent \
      --log="$_test_postgres_dir/server.log" \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$_test_postgres_dir'" \
      -o "-c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start; then
      export ONEONONE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=oneonone;Password=$password;Database=postgres"
      echo "Test PostgreSQL is running on 127.0.0.1:$port (data in $_test_postgres_dir)." >&2
      return 0
    fi
  done

  echo "Could not start the test PostgreSQL; its log:" >&2
  cat "$_test_postgres_dir/server.log" >&2 || true
  return 1
}

stop_test_postgres() {
  if [[ -n "$_test_postgres_dir" && -d "$_test_postgres_dir" ]]; then
    _test_postgres_as_owner "$(_test_postgres_bin)/pg_ctl" --pgdata="$_test_postgres_dir/data" --mode=immediate \
      --silent stop >/dev/null 2>&1 || true
    rm -rf "$_test_postgres_dir"
  fi
  _test_postgres_dir=""
  unset ONEONONE_TEST_POSTGRES
}
