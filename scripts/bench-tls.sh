#!/usr/bin/env bash
# Whole-process STARTTLS probe: smtpprobe vs check_smtp -S -D 30,7, against the same local
# TLS SMTP server (our own example server, loopback, private CA), with hyperfine.
#
#   scripts/bench-tls.sh            # TLS 1.3 server (default)
#   TLS12=1 scripts/bench-tls.sh    # server offers only TLS 1.2
#
# Needs: hyperfine, monitoring-plugins-basic (/usr/lib/nagios/plugins/check_smtp).
# Debian: apt-get install -y hyperfine monitoring-plugins-basic
set -euo pipefail
cd "$(dirname "$0")/.."

CHECK_SMTP=${CHECK_SMTP:-/usr/lib/nagios/plugins/check_smtp}
PORT=${PORT:-25870}
RUNS=${RUNS:-200}
command -v hyperfine >/dev/null || { echo "hyperfine is not installed" >&2; exit 3; }
[ -x "$CHECK_SMTP" ] || { echo "$CHECK_SMTP not found (monitoring-plugins-basic)" >&2; exit 3; }

cargo build --release --quiet --bin smtpprobe --example tls_smtp_server
BIN=target/release/smtpprobe
tmp=$(mktemp -d)
extra=()
[ -n "${TLS12:-}" ] && extra+=(--tls12)
target/release/examples/tls_smtp_server "127.0.0.1:$PORT" "$tmp/ca.pem" "${extra[@]}" >"$tmp/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 50); do grep -q ready "$tmp/server.log" 2>/dev/null && break; sleep 0.1; done

# Sanity: both tools must succeed against the server before timing them.
"$BIN" "127.0.0.1:$PORT" --ca-file "$tmp/ca.pem" --helo bench.test >/dev/null
"$CHECK_SMTP" -H 127.0.0.1 -p "$PORT" -S -D 30,7

hyperfine -N --warmup 20 --runs "$RUNS" --export-json "$tmp/bench.json" \
  -n "smtpprobe (verify: system roots + --ca-file)" \
  "$BIN 127.0.0.1:$PORT --ca-file $tmp/ca.pem --helo bench.test" \
  -n "smtpprobe --insecure (no trust store, like check_smtp)" \
  "$BIN 127.0.0.1:$PORT --insecure --helo bench.test" \
  -n "check_smtp -S -D 30,7" \
  "$CHECK_SMTP -H 127.0.0.1 -p $PORT -S -D 30,7"

python3 - "$tmp/bench.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
check = r[2]["mean"]
for x in r[:2]:
    print(f"{x['command']}: {x['mean']*1000:.2f} ms (median {x['median']*1000:.2f}), "
          f"ratio to check_smtp {x['mean']/check:.2f}")
print(f"{r[2]['command']}: {check*1000:.2f} ms (median {r[2]['median']*1000:.2f})")
PY
