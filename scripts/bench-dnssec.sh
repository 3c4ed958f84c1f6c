#!/usr/bin/env bash
# What DANE's DNSSEC status costs a probe of a domain WITHOUT TLSA (the no-policy rule:
# nothing may noticeably slow it), on the real-server bed: whole-process medians of RUNS
# runs of the release binary, each as a ratio to `--policy ignore` (no TLSA lookup at all),
# measured in the same run.
#
#   scripts/real-servers.sh up        # as root, with your SMTPPROBE_REAL_DIR/_NET
#   scripts/bench-dnssec.sh           # RUNS=40 by default
#
# Variants (resolver: NSD, authoritative, no AD bit):
#   default            in-process validation from the IANA root keys: NSD refuses the root's
#                      DNSKEY, so one extra query and `indeterminate` (what a private zone or
#                      a machine without internet costs)
#   --trust-anchor     in-process validation from the bed's KSK (DS form): the zone's DNSKEY,
#                      the TLSA denial (NSEC), A and AAAA validated — the full work
#   --dnssec-from-resolver   the AD-bit mode: TLSA, A, AAAA asked with AD+DO
set -euo pipefail
cd "$(dirname "$0")/.."
STATE=${SMTPPROBE_REAL_DIR:-/tmp/smtpprobe-real}
RUNS=${RUNS:-40}
[[ -r $STATE/env ]] || { echo "no bed at $STATE: run scripts/real-servers.sh up first" >&2; exit 3; }
# shellcheck disable=SC1091
. "$STATE/env"
cargo build --release --quiet --bin smtpprobe
BIN=target/release/smtpprobe
TARGET=two-mx.$SMTPPROBE_REAL_DOMAIN
COMMON=(--resolver "$SMTPPROBE_REAL_RESOLVER" --ca-file "$SMTPPROBE_REAL_CA" --helo bench.test)

median_ms() { # args...: median wall time of RUNS runs, in ms
    local i t0 t1 times=()
    for ((i = 0; i < RUNS; i++)); do
        t0=$(date +%s%N)
        "$BIN" "$@" >/dev/null || [[ $? -le 2 ]]
        t1=$(date +%s%N)
        times+=($(((t1 - t0) / 1000)))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}

# Sanity: the variants say what they should before being timed.
"$BIN" "$TARGET" "${COMMON[@]}" --json | grep -q '"dnssec":"indeterminate"\|"dnssec": "indeterminate"'
"$BIN" "$TARGET" "${COMMON[@]}" --trust-anchor "$SMTPPROBE_REAL_ANCHOR_DS" --json | grep -q '"dnssec": *"secure"'

base=$(median_ms "$TARGET" "${COMMON[@]}" --policy ignore)
printf '%-40s %8s ms\n' "--policy ignore (baseline)" "$base"
for variant in "default" "--trust-anchor" "--dnssec-from-resolver"; do
    case $variant in
    default) extra=() ;;
    --trust-anchor) extra=(--trust-anchor "$SMTPPROBE_REAL_ANCHOR_DS") ;;
    *) extra=("$variant") ;;
    esac
    m=$(median_ms "$TARGET" "${COMMON[@]}" "${extra[@]}")
    printf '%-40s %8s ms  ×%s\n' "$variant" "$m" "$(awk -v a="$m" -v b="$base" 'BEGIN {printf "%.2f", a / b}')"
done
echo "(median of $RUNS whole-process runs each; $TARGET publishes no TLSA)"
