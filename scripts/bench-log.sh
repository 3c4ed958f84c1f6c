#!/usr/bin/env bash
# Lines per second of `smtpprobe explain --log` against Debian's pflogsumm on the same
# Postfix log, and the ratio (issue 11 goal: ≥ 10× faster).
#
#   scripts/bench-log.sh                    # generates a 1,000,000-line Postfix log
#   BENCH_LINES=5000000 scripts/bench-log.sh
#   BENCH_LOG=/var/log/mail.log scripts/bench-log.sh   # a real log instead
#
# Needs: pflogsumm (apt-get install pflogsumm), python3 to generate the log.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pflogsumm >/dev/null || { echo "pflogsumm missing: apt-get install pflogsumm" >&2; exit 3; }
cargo build --release --quiet
BIN=target/release/smtpprobe

LOG=${BENCH_LOG:-}
tmp=""
cleanup() { [ -n "$tmp" ] && rm -f "$tmp"; }
trap cleanup EXIT
if [ -z "$LOG" ]; then
  tmp=$(mktemp /tmp/bench-log.XXXXXX)
  LOG=$tmp
  python3 - "${BENCH_LINES:-1000000}" >"$LOG" <<'PY'
import random, sys
random.seed(11)
n = int(sys.argv[1])
replies = [
    ("deferred", "4.7.0", "mx-aol.mail.gm0.yahoodns.net[98.136.96.92]", "421 4.7.0 [TSS04] Messages from 192.0.2.10 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes (in reply to MAIL FROM command)"),
    ("bounced", "5.1.1", "gmail-smtp-in.l.google.com[142.250.1.26]", "550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. Learn more at 550 5.1.1 https://support.google.com/mail/?p=NoSuchUser a1si123 - gsmtp (in reply to RCPT TO command)"),
    ("deferred", "4.7.500", "example-com.mail.protection.outlook.com[52.101.1.1]", "451 4.7.500 Server busy. Please try again later from [192.0.2.10]. (S77719) [BN1NAM02FT001.eop-nam02.prod.protection.outlook.com] (in reply to RCPT TO command)"),
    ("bounced", "5.7.26", "gmail-smtp-in.l.google.com[142.250.1.26]", "550-5.7.26 Unauthenticated email from example.org is not accepted due to domain's 550-5.7.26 DMARC policy. - gsmtp (in reply to end of DATA command)"),
    ("deferred", "4.2.2", "mx.example.net[192.0.2.77]", "452 4.2.2 Mailbox full (in reply to RCPT TO command)"),
]
out = sys.stdout
for i in range(n):
    t = "Nov 30 10:%02d:%02d" % ((i // 60) % 60, i % 60)
    qid = "%010X" % (0x4A00000000 + i)
    k = i % 10
    if k == 0:
        out.write(f"{t} mx postfix/smtpd[2101]: connect from client{i%250}.example.com[198.51.100.{i%250}]\n")
    elif k == 1:
        out.write(f"{t} mx postfix/smtpd[2101]: {qid}: client=client{i%250}.example.com[198.51.100.{i%250}]\n")
    elif k == 2:
        out.write(f"{t} mx postfix/cleanup[2102]: {qid}: message-id=<{i}@example.com>\n")
    elif k == 3:
        out.write(f"{t} mx postfix/qmgr[2103]: {qid}: from=<sender{i%97}@example.com>, size={1000+i%5000}, nrcpt=1 (queue active)\n")
    elif k == 4:
        status, dsn, relay, reply = random.choice(replies)
        out.write(f"{t} mx postfix/smtp[2104]: {qid}: to=<user{i%1000}@example.net>, relay={relay}:25, delay=1.2, delays=0.1/0.01/0.5/0.6, dsn={dsn}, status={status} (host {relay} said: {reply})\n")
    elif k in (5, 6):
        out.write(f"{t} mx postfix/smtp[2104]: {qid}: to=<user{i%1000}@example.net>, relay=mx.example.net[192.0.2.77]:25, delay=0.4, delays=0.1/0.01/0.1/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as {qid})\n")
    elif k == 7:
        out.write(f"{t} mx postfix/qmgr[2103]: {qid}: removed\n")
    elif k == 8:
        out.write(f"{t} mx postfix/smtpd[2101]: disconnect from client{i%250}.example.com[198.51.100.{i%250}] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5\n")
    else:
        out.write(f"{t} mx postfix/smtpd[2101]: NOQUEUE: reject: RCPT from unknown[203.0.113.{i%250}]: 554 5.7.1 <x@example.com>: Relay access denied; from=<a@b.example> to=<x@example.com> proto=ESMTP helo=<spam>\n")
PY
fi

lines=$(wc -l <"$LOG")
now() { date +%s.%N; }
t0=$(now); "$BIN" explain --log "$LOG" >/dev/null; t1=$(now)
pflogsumm "$LOG" >/dev/null 2>&1; t2=$(now)
python3 - "$lines" "$t0" "$t1" "$t2" <<'PY'
import sys
lines, t0, t1, t2 = int(sys.argv[1]), *map(float, sys.argv[2:])
ours, theirs = t1 - t0, t2 - t1
print(f"log: {lines} lines")
print(f"smtpprobe explain --log: {ours:.2f} s  {lines/ours:,.0f} lines/s")
print(f"pflogsumm:               {theirs:.2f} s  {lines/theirs:,.0f} lines/s")
print(f"ratio: {theirs/ours:.1f}x")
PY
