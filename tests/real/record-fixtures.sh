#!/usr/bin/env bash
# Records real Postfix conversations into fixtures/postfix/*.txt (the S:/C: transcript
# format of fixtures/README.md), speaking exactly what the probe's session speaks:
# greeting, EHLO probe.test, VRFY USER..., VRFY nx-probe-canary, RSET, QUIT.
#
# Needs the servers from `scripts/real-servers.sh up`. Usage: tests/real/record-fixtures.sh
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STATE=${SMTPPROBE_REAL_DIR:-/tmp/smtpprobe-real}
[[ -r $STATE/env ]] || {
    echo "no $STATE/env: run scripts/real-servers.sh up first" >&2
    exit 1
}
# shellcheck disable=SC1091
. "$STATE/env"
OUT=$ROOT/fixtures/postfix
mkdir -p "$OUT"

# One reply: S: lines until a line whose fourth character is not '-'. Fails on a line
# not ended by CRLF (the format drops line endings, so say so here).
read_reply() {
    local line
    while true; do
        IFS= read -r -t 10 line <&3 || {
            echo "no reply (timeout or closed)" >&2
            return 1
        }
        [[ $line == *$'\r' ]] || {
            echo "reply line without CRLF: $line" >&2
            return 1
        }
        line=${line%$'\r'}
        printf 'S: %s\n' "$line"
        [[ ${line:3:1} == - ]] || return 0
    done
}

send() {
    printf '%s\r\n' "$1" >&3
    printf 'C: %s\n' "$1"
}

# record FILE ADDRESS PORT "server text" "vrfy users" "expect lines"...
record() {
    local file=$1 addr=$2 port=$3 server=$4 users=$5 u
    shift 5
    {
        printf '# server: %s\n' "$server"
        printf '# provenance: recorded %s from Postfix %s on loopback by tests/real/record-fixtures.sh; see fixtures/postfix/README.md\n' \
            "$(date -u +%Y-%m-%d)" "$SMTPPROBE_REAL_POSTFIX_VERSION"
        for u in $users; do printf '# vrfy: %s\n' "$u"; done
        for u in "$@"; do printf '# expect: %s\n' "$u"; done
        exec 3<>"/dev/tcp/$addr/$port"
        read_reply
        send "EHLO probe.test"
        read_reply
        for u in $users nx-probe-canary; do
            send "VRFY $u"
            read_reply
        done
        send "RSET"
        read_reply
        send "QUIT"
        read_reply
        exec 3<&-
    } >"$OUT/$file.tmp"
    mv "$OUT/$file.tmp" "$OUT/$file"
    echo "wrote fixtures/postfix/$file" >&2
}

record postfix-vrfy-enabled.txt "$SMTPPROBE_REAL_MX1" 25 \
    "Postfix $SMTPPROBE_REAL_POSTFIX_VERSION, port 25, VRFY enabled, local recipients alice and bob" \
    "alice bob nosuchuser" \
    "vrfy alice exists" "vrfy bob exists" "vrfy nosuchuser unknown_user"
record postfix-vrfy-disabled.txt "$SMTPPROBE_REAL_MX2" 25 \
    "Postfix $SMTPPROBE_REAL_POSTFIX_VERSION, port 25, disable_vrfy_command = yes" \
    "alice" \
    "vrfy alice disabled"
record postfix-postscreen-greeting.txt "$SMTPPROBE_REAL_PS" 25 \
    "Postfix $SMTPPROBE_REAL_POSTFIX_VERSION, postscreen in front of smtpd (multi-line 220 greeting)" \
    "alice" \
    "vrfy alice exists"
record postfix-submission-before-tls.txt "$SMTPPROBE_REAL_MX1" 587 \
    "Postfix $SMTPPROBE_REAL_POSTFIX_VERSION, port 587, smtpd_tls_security_level = encrypt, smtpd_tls_auth_only = yes, no STARTTLS" \
    "alice" \
    "vrfy alice disabled"
