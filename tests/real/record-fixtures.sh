#!/usr/bin/env bash
# Records real Postfix conversations into fixtures/postfix/*.txt (the S:/C:/T: transcript
# format of fixtures/README.md), speaking exactly what the probe's session speaks:
# greeting, EHLO probe.test, [STARTTLS, handshake, EHLO probe.test], VRFY USER...,
# VRFY nx-probe-canary (not after a 500/502 to VRFY), QUIT (RSET only follows a MAIL
# transaction, and these record none).
#
# Needs the servers from `scripts/real-servers.sh up`, and python3 (standard library only)
# for the one conversation with STARTTLS (bash cannot speak TLS).
# Usage: tests/real/record-fixtures.sh [FILE...]   (default: every fixture below)
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
ONLY=("$@")

# True when FILE was asked for on the command line (or nothing was).
wanted() {
    local f
    ((${#ONLY[@]} == 0)) && return 0
    for f in "${ONLY[@]}"; do [[ $f == "$1" ]] && return 0; done
    return 1
}

# One reply: S: lines until a line whose fourth character is not '-'; its code is left in
# CODE. Fails on a line not ended by CRLF (the format drops line endings, so say so here).
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
        CODE=${line:0:3}
        [[ ${line:3:1} == - ]] || return 0
    done
}

send() {
    printf '%s\r\n' "$1" >&3
    printf 'C: %s\n' "$1"
}

# record FILE ADDRESS PORT "server text" "vrfy users" "expect lines"...
record() {
    local file=$1 addr=$2 port=$3 server=$4 users=$5 u canary=nx-probe-canary
    shift 5
    wanted "$file" || return 0
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
        for u in $users; do
            send "VRFY $u"
            read_reply
            # The probe asks no canary once VRFY is refused as unimplemented.
            [[ $CODE == 50[02] ]] && canary=
        done
        for u in $canary; do
            send "VRFY $u"
            read_reply
        done
        send "QUIT"
        read_reply
        exec 3<&-
    } >"$OUT/$file.tmp"
    mv "$OUT/$file.tmp" "$OUT/$file"
    echo "wrote fixtures/postfix/$file" >&2
}

# record_starttls FILE ADDRESS PORT TLS-NAME "server text" "vrfy users" "expect lines"...
# The same conversation with STARTTLS first: `T: handshake` marks where TLS starts. The
# certificate is verified against the test CA for TLS-NAME; nothing may arrive between the
# 220 to STARTTLS and the handshake (the recorder reads byte by byte until then).
record_starttls() {
    local file=$1
    wanted "$file" || return 0
    python3 - "$OUT" "$SMTPPROBE_REAL_CA" "$SMTPPROBE_REAL_POSTFIX_VERSION" "$@" <<'EOF'
import datetime, os, socket, ssl, sys

out, ca, version, file, addr, port, tls_name, server, users, *expect = sys.argv[1:]
text = []

def line_from(read_byte):
    raw = b""
    while not raw.endswith(b"\n"):
        b = read_byte()
        if not b:
            sys.exit("no reply (timeout or closed)")
        raw += b
    if not raw.endswith(b"\r\n"):
        sys.exit(f"reply line without CRLF: {raw!r}")
    return raw[:-2].decode("utf-8")

def reply(read_byte):
    while True:
        line = line_from(read_byte)
        text.append(f"S: {line}")
        if line[3:4] != "-":
            return line[:3]

def send(conn, cmd):
    conn.sendall(cmd.encode() + b"\r\n")
    text.append(f"C: {cmd}")

sock = socket.create_connection((addr, int(port)), timeout=10)
plain = lambda: sock.recv(1)
reply(plain)
send(sock, "EHLO probe.test")
reply(plain)
send(sock, "STARTTLS")
if reply(plain) != "220":
    sys.exit("STARTTLS was not accepted")
sock.setblocking(False)
try:
    early = sock.recv(4096)
except BlockingIOError:
    early = b""
if early:
    sys.exit(f"bytes before the handshake: {early!r}")
sock.setblocking(True)
ctx = ssl.create_default_context(cafile=ca)
tls = ctx.wrap_socket(sock, server_hostname=tls_name)
text.append("T: handshake")
crypt = lambda: tls.recv(1)
send(tls, "EHLO probe.test")
reply(crypt)
canary = ["nx-probe-canary"]
for u in users.split():
    send(tls, f"VRFY {u}")
    if reply(crypt) in ("500", "502"):
        canary = []
for u in canary:
    send(tls, f"VRFY {u}")
    reply(crypt)
send(tls, "QUIT")
reply(crypt)
cipher = tls.cipher()
tls.close()
day = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
head = [
    f"# server: {server}",
    f"# provenance: recorded {day} from Postfix {version} on loopback by "
    "tests/real/record-fixtures.sh; see fixtures/postfix/README.md; "
    f"TLS {cipher[1]} {cipher[0]}, certificate verified for {tls_name} against the test CA",
    "# tls: opportunistic",
]
head += [f"# vrfy: {u}" for u in users.split()]
head += [f"# expect: {e}" for e in expect]
with open(os.path.join(out, file + ".tmp"), "w") as f:
    f.write("\n".join(head + text) + "\n")
os.replace(os.path.join(out, file + ".tmp"), os.path.join(out, file))
print(f"wrote fixtures/postfix/{file}", file=sys.stderr)
EOF
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
record_starttls postfix-starttls-vrfy.txt "$SMTPPROBE_REAL_MX1" 25 "mx1.$SMTPPROBE_REAL_DOMAIN" \
    "Postfix $SMTPPROBE_REAL_POSTFIX_VERSION, port 25, smtpd_tls_security_level = may, VRFY enabled, local recipients alice and bob" \
    "alice nosuchuser" \
    "vrfy alice exists" "vrfy nosuchuser unknown_user"
