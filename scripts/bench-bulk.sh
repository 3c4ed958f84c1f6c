#!/usr/bin/env bash
# Bulk throughput, side by side in one run: `smtpprobe --targets` against `xargs -P64
# check_smtp` (monitoring-plugins) and nmap's smtp-commands script, on a fleet of Postfix
# smtp-sink servers on loopback addresses (port 25, so that nmap's script takes them for
# SMTP without version detection) and a DNS server (NSD) on loopback serving one MX per
# target domain. Only loopback addresses are ever contacted.
#
#   scripts/bench-bulk.sh                     # 250 sinks, 10,000 domains
#   SINKS=250 DOMAINS=100000 J=1000 scripts/bench-bulk.sh
#   FLAT=10 scripts/bench-bulk.sh             # also: peak RSS with the address list 10 times
#                                             # over (memory must stay flat in the lines)
#
# Prints, for each tool: probes/s, p50/p99 per-probe time and peak RSS, then the ratios.
#   - smtpprobe (domains, policy auto): every domain through DNS (MX, then the MX host's
#     address from the run's cache; the MTA-STS and TLS-RPT TXT records and the MX hosts'
#     TLSA records, the default), EHLO/QUIT; per-probe time is DNS plus the conversation
#     (connect to close), without the wait for a -j/--per-ip slot.
#   - smtpprobe (domains, policy ignore): the same without the policy lookups.
#   - smtpprobe (addresses): the same list as check_smtp gets (each domain's MX address).
#   - check_smtp: it cannot follow MX records, so it gets each domain's MX address;
#     HELO/QUIT, one process per probe; per-probe time is its own `time=` perfdata. Its
#     peak RSS is the largest single process (xargs runs 64 at a time).
#   - nmap smtp-commands: `nmap -Pn -n -p25 --script smtp-commands` over the first NMAP
#     (2,500) lines of the same address list (EHLO, then the script's reading of the
#     extensions); nmap gives no per-probe time (n/a).
#
# NSD's response rate limiting is off (rrl-ratelimit: 0): at its default of 200 answers
# per second per client network it drops most NXDOMAIN answers to the policy lookups, which
# then time out (an artefact of one authoritative server standing in for a recursive
# resolver).
#
# Needs root (smtp-sink and NSD on 127.0.x.y), postfix (smtp-sink), nsd, nmap and
# monitoring-plugins-basic: apt-get install postfix nsd nmap monitoring-plugins-basic.
set -euo pipefail
cd "$(dirname "$0")/.."
SINKS=${SINKS:-250}
DOMAINS=${DOMAINS:-10000}
J=${J:-1000}
PER_IP=${PER_IP:-8}
PORT=${PORT:-25}
NMAP=${NMAP:-2500}
SMTP_SINK=${SMTP_SINK:-/usr/sbin/smtp-sink}
CHECK_SMTP=${CHECK_SMTP:-/usr/lib/nagios/plugins/check_smtp}
DNS_IP=127.0.69.1
DNS_PORT=5353
for need in "$SMTP_SINK" "$CHECK_SMTP" "$(command -v nsd || echo nsd)" "$(command -v nmap || echo nmap)" /usr/bin/time "$(command -v jq || echo jq)"; do
  [ -x "$need" ] || { echo "missing $need: apt-get install postfix nsd nmap monitoring-plugins-basic time jq" >&2; exit 3; }
done
[ "$(id -u)" = 0 ] || { echo "run as root (smtp-sink and NSD on loopback addresses)" >&2; exit 3; }
# Room for -j connections plus the sinks' own descriptors.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

cargo build --release --quiet
BIN=$PWD/target/release/smtpprobe
work=$(mktemp -d /tmp/smtpprobe-bench.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$work/nsd.pid" ] && kill "$(cat "$work/nsd.pid")" 2>/dev/null || true
  sleep 0.3
  rm -rf "$work" 2>/dev/null || true
}
trap cleanup EXIT

sink_ip() { echo "127.0.$((70 + ($1 / 250))).$(($1 % 250 + 1))"; }

echo "starting $SINKS smtp-sink servers, NSD with $DOMAINS domains..." >&2
for i in $(seq 0 $((SINKS - 1))); do
  "$SMTP_SINK" -u nobody "$(sink_ip "$i"):$PORT" 1024 &
  pids+=($!)
done
{
  echo "\$ORIGIN bench.test."
  echo "\$TTL 3600"
  echo "@ IN SOA ns.bench.test. hostmaster.bench.test. 1 3600 600 86400 3600"
  echo "@ IN NS ns.bench.test."
  echo "ns IN A $DNS_IP"
  for i in $(seq 0 $((SINKS - 1))); do echo "mx$i IN A $(sink_ip "$i")"; done
  for d in $(seq 0 $((DOMAINS - 1))); do echo "d$d IN MX 10 mx$((d % SINKS)).bench.test."; done
} >"$work/bench.test.zone"
cat >"$work/nsd.conf" <<EOF
server:
    ip-address: $DNS_IP
    port: $DNS_PORT
    do-ip6: no
    username: ""
    chroot: ""
    zonesdir: "$work"
    database: ""
    zonelistfile: "$work/zone.list"
    xfrdfile: "$work/xfrd.state"
    xfrdir: "$work"
    pidfile: "$work/nsd.pid"
    logfile: "$work/nsd.log"
    server-count: 2
    verbosity: 0
    rrl-ratelimit: 0
    rrl-whitelist-ratelimit: 0
remote-control:
    control-enable: no
zone:
    name: "bench.test"
    zonefile: "bench.test.zone"
EOF
nsd -c "$work/nsd.conf"
for d in $(seq 0 $((DOMAINS - 1))); do echo "d$d.bench.test"; done >"$work/domains.txt"
for d in $(seq 0 $((DOMAINS - 1))); do echo "$(sink_ip $((d % SINKS))):$PORT"; done >"$work/addresses.txt"
sleep 1
if ! kill -0 "${pids[0]}" 2>/dev/null; then
  echo "smtp-sink could not listen on $(sink_ip 0):$PORT (is something listening on *:$PORT?); try PORT=2525 (nmap then finds no SMTP)" >&2
  exit 3
fi

# CPU time (nanoseconds) spent so far by the servers: every smtp-sink and NSD process, from
# the scheduler's own count (first field of /proc/PID/schedstat). Not utime/stime from
# /proc/PID/stat: those are whole clock ticks (10 ms) per process, and each of 250 sinks
# spends only a few milliseconds in a run, so the ticks round most of it away; and NSD's
# processes are named "nsd: server 1" (a space inside the command field), which a
# whitespace split of /proc/PID/stat does not see as nsd at all.
server_ns() {
  local pids
  pids=$( (pgrep -x smtp-sink; pgrep '^nsd') | sed 's|.*|/proc/&/schedstat|')
  # shellcheck disable=SC2086 # one path per word
  cat $pids 2>/dev/null | awk '{t += $1} END {printf "%.0f\n", t}'
}
# The machine's softirq time so far (clock ticks, all cores): loopback networking that the
# kernel charges to no process.
softirq_ticks() { awk '$1 == "cpu" {print $8}' /proc/stat; }
TICK=$(getconf CLK_TCK)

# The tool's peak RSS and CPU (/usr/bin/time -f '%M %U %S' in $work/rss, children included)
# the servers' CPU since $work/ns0 and the machine's softirq since $work/softirq0, per probe, in µs.
cpu_line() {
  local n=$1 rss user sys t1 s1
  read -r rss user sys <"$work/rss"
  t1=$(server_ns)
  s1=$(softirq_ticks)
  printf '%-34s CPU per probe: the tool %6.0f µs, the servers (smtp-sink, NSD) %6.0f µs, softirq %4.0f µs\n' "" \
    "$(echo "($user + $sys) * 1000000 / $n" | bc -l)" \
    "$(echo "($t1 - $(cat "$work/ns0")) / 1000 / $n" | bc -l)" \
    "$(echo "($s1 - $(cat "$work/softirq0")) * 1000000 / $TICK / $n" | bc -l)"
  # The servers and the kernel's softirq: what any tool's probes cost besides the tool.
  echo "($t1 - $(cat "$work/ns0")) / 1000 / $n + ($s1 - $(cat "$work/softirq0")) * 1000000 / $TICK / $n" | bc -l >"$work/servers.$2"
}

# name seconds probes rss_kib per-probe-ms-file
report() {
  local name=$1 secs=$2 n=$3 rss=$4 times=$5 p50 p99
  p50=$(sort -g "$times" | awk '{a[NR]=$1} END {i=int(NR*0.50); if (i<1) i=1; print a[i]+0}')
  p99=$(sort -g "$times" | awk '{a[NR]=$1} END {i=int(NR*0.99); if (i<1) i=1; print a[i]+0}')
  if [ -s "$times" ]; then
    p50=$(printf '%7.2f ms' "$p50") p99=$(printf '%7.2f ms' "$p99")
  else
    p50='    n/a   ' p99='    n/a   '
  fi
  printf '%-34s %6d probes %7.2f s %9.0f probes/s  p50 %s  p99 %s  peak RSS %6.1f MiB\n' \
    "$name" "$n" "$secs" "$(echo "$n / $secs" | bc -l)" "$p50" "$p99" "$(echo "$rss / 1024" | bc -l)"
  echo "$n / $secs" | bc -l >"$work/rate.$name"
  cpu_line "$n" "$name"
}

run_smtpprobe() {
  local name=$1 list=$2; shift 2
  local start end
  server_ns >"$work/ns0"; softirq_ticks >"$work/softirq0"
  start=$(date +%s.%N)
  /usr/bin/time -f '%M %U %S' -o "$work/rss" "$BIN" --targets "$list" --format jsonl --starttls never --port "$PORT" \
    --resolver "$DNS_IP:$DNS_PORT" -j "$J" --per-ip "$PER_IP" --quiet -o "$work/out.jsonl" "$@" || true
  end=$(date +%s.%N)
  # Per probe: DNS plus the conversations (connect to close), not the wait for a slot.
  jq -r '.dns.elapsed_ms + ([.servers[] | select(.probed) | .elapsed_ms] | add // 0)' \
    "$work/out.jsonl" >"$work/times"
  jq -r '.status' "$work/out.jsonl" | sort | uniq -c | tr '\n' ' ' >&2; echo >&2
  jq -r 'select(.status != "ok") | .summary' "$work/out.jsonl" | head -2 >&2
  report "$name" "$(echo "$end - $start" | bc -l)" "$(wc -l <"$work/out.jsonl")" "$(cut -d' ' -f1 "$work/rss")" "$work/times"
  rm -f "$work/out.jsonl"
}

run_check_smtp() {
  local start end
  server_ns >"$work/ns0"; softirq_ticks >"$work/softirq0"
  start=$(date +%s.%N)
  /usr/bin/time -f '%M %U %S' -o "$work/rss" sh -c \
    "tr ':' ' ' <'$work/addresses.txt' | xargs -P64 -n2 sh -c '$CHECK_SMTP -H \$0 -p \$1 || true' >'$work/check.out'"
  end=$(date +%s.%N)
  { grep -o 'time=[0-9.]*s' "$work/check.out" || true; } | sed 's/time=\(.*\)s/\1/' | awk '{print $1 * 1000}' >"$work/times"
  cut -d' ' -f2 "$work/check.out" | sort | uniq -c | tr '\n' ' ' >&2; echo >&2
  report check_smtp "$(echo "$end - $start" | bc -l)" "$(wc -l <"$work/check.out")" "$(cut -d' ' -f1 "$work/rss")" "$work/times"
}

run_nmap() {
  local start end
  head -n "$NMAP" "$work/addresses.txt" | cut -d: -f1 >"$work/nmap-hosts.txt"
  server_ns >"$work/ns0"; softirq_ticks >"$work/softirq0"
  start=$(date +%s.%N)
  /usr/bin/time -f '%M %U %S' -o "$work/rss" nmap -Pn -n -p"$PORT" --script smtp-commands \
    -iL "$work/nmap-hosts.txt" -oN "$work/nmap.out" >/dev/null
  end=$(date +%s.%N)
  : >"$work/times"
  echo "smtp-commands answered: $(grep -c 'smtp-commands:' "$work/nmap.out" || true)" >&2
  report "nmap smtp-commands" "$(echo "$end - $start" | bc -l)" \
    "$(wc -l <"$work/nmap-hosts.txt")" "$(cut -d' ' -f1 "$work/rss")" "$work/times"
}

echo "sinks: $SINKS, domains: $DOMAINS, smtpprobe -j $J --per-ip $PER_IP, cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"
run_smtpprobe "smtpprobe (domains, policy auto)" "$work/domains.txt" --policy auto
run_smtpprobe "smtpprobe (domains, policy ignore)" "$work/domains.txt" --policy ignore
run_smtpprobe "smtpprobe (addresses)" "$work/addresses.txt"
run_check_smtp
run_nmap
if [ -n "${FLAT:-}" ]; then
  for _ in $(seq "$FLAT"); do cat "$work/addresses.txt"; done >"$work/many.txt"
  run_smtpprobe "smtpprobe (addresses x$FLAT)" "$work/many.txt"
fi
# What the servers and the kernel's loopback networking cost bounds every tool: with a tool
# that cost nothing, the machine's cores would run at most this many probes a second.
for run in "domains, policy auto" addresses; do
  printf 'the servers (smtp-sink, NSD) and softirq alone on %d cores allow at most %.0f probes/s (%s)\n' \
    "$(nproc)" "$(echo "$(nproc) * 1000000 / $(cat "$work/servers.smtpprobe ($run)")" | bc -l)" "$run"
done
ratio() { echo "scale=1; $(cat "$work/rate.$1") / $(cat "$work/rate.$2")" | bc -l; }
for tool in check_smtp "nmap smtp-commands"; do
  for run in "domains, policy auto" "domains, policy ignore" addresses; do
    printf 'ratio %-34s / %-18s %6sx\n' "smtpprobe ($run)" "$tool" "$(ratio "smtpprobe ($run)" "$tool")"
  done
done
