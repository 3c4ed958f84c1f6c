#!/usr/bin/env bash
# Whole-process start-up and probe time against a server on loopback, smtpprobe vs
# check_smtp (monitoring-plugins), in one hyperfine run that prints the ratio.
#
#   scripts/bench.sh                 # starts scripts/bench-server.py on 127.0.0.1
#   BENCH_TARGET=127.0.6.11:25 scripts/bench.sh   # an existing server (e.g. Postfix from
#                                                 # scripts/real-servers.sh up)
#   BENCH_TARGET=127.0.6.11:25 BENCH_CA=/tmp/smtpprobe-real/ca.pem BENCH_NAME=mx1.smtpprobe.test \
#     scripts/bench.sh                              # also STARTTLS vs check_smtp -S -D 30,7
#
# Needs: hyperfine and monitoring-plugins-basic (apt-get install hyperfine monitoring-plugins-basic).
set -euo pipefail
cd "$(dirname "$0")/.."
CHECK_SMTP=${CHECK_SMTP:-/usr/lib/nagios/plugins/check_smtp}
command -v hyperfine >/dev/null || { echo "hyperfine missing: apt-get install hyperfine" >&2; exit 3; }
[ -x "$CHECK_SMTP" ] || { echo "check_smtp missing: apt-get install monitoring-plugins-basic" >&2; exit 3; }

cargo build --release --quiet
BIN=target/release/smtpprobe

server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true; }
trap cleanup EXIT
if [ -z "${BENCH_TARGET:-}" ]; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  python3 scripts/bench-server.py "$port" &
  server_pid=$!
  for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break; sleep 0.1; done
  BENCH_TARGET="127.0.0.1:$port"
fi
host=${BENCH_TARGET%:*}
port=${BENCH_TARGET##*:}

"$BIN" "$BENCH_TARGET" --vrfy alice --color never >/dev/null || true
out=$(mktemp)
plain="--starttls never --color never"
cmds=(
  -n check_smtp "$CHECK_SMTP -H $host -p $port"
  -n "smtpprobe EHLO/VRFY/QUIT" "$BIN $BENCH_TARGET --vrfy alice --no-canary $plain"
  -n "smtpprobe EHLO/VRFY+canary/RSET/QUIT" "$BIN $BENCH_TARGET --vrfy alice $plain"
  -n "smtpprobe explain 221 252" "$BIN explain 221 252"
)
if [ -n "${BENCH_CA:-}" ]; then
  cmds+=(
    -n "check_smtp -S -D 30,7" "$CHECK_SMTP -H $host -p $port -S -D 30,7"
    -n "smtpprobe STARTTLS verified" "$BIN $BENCH_TARGET --ca-file $BENCH_CA --tls-name ${BENCH_NAME:-$host} --color never"
  )
fi
hyperfine -N -i --warmup 20 --runs "${RUNS:-200}" --export-json "$out" "${cmds[@]}"
python3 - "$out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
base = r[0]["median"]
print(f"\nmedians (ratio to check_smtp HELO/QUIT, {base*1000:.2f} ms):")
for x in r:
    print(f"  {x['command']:<40} {x['median']*1000:7.2f} ms   x{x['median']/base:.2f}")
PY
rm -f "$out"
