#!/usr/bin/env bash
# Lines per second of `smtpprobe explain --log` against Debian's pflogsumm on the same
# Postfix log, and the ratio (issue 11 goal: ≥ 10× faster). Both tools read the same file
# from the page cache; each is timed BENCH_RUNS times (default 3) and every run is printed,
# then the medians and their ratio.
#
#   scripts/bench-log.sh                    # generates a 300,000-line Postfix log
#   BENCH_LINES=5000000 scripts/bench-log.sh
#   BENCH_LOG=/var/log/mail.log scripts/bench-log.sh   # a real log instead
#
# The generated log is shaped like a real relay's (see the generator below): smtpd
# connect/TLS/client/disconnect, cleanup, qmgr, smtp status=sent lines, about 10% of lines
# deferrals and bounces (the queue's retries of a deferred message repeat its reply), ~1.5%
# NOQUEUE refusals of our own smtpd, and per-message details that vary as they do in real
# logs (queue ids, recipients, Gmail's per-message ids, Microsoft front-end names, relay
# and client addresses).
#
# Needs: pflogsumm (apt-get install pflogsumm), python3 to generate the log.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pflogsumm >/dev/null || { echo "pflogsumm missing: apt-get install pflogsumm" >&2; exit 3; }
cargo build --release --quiet
BIN=target/release/smtpprobe
RUNS=${BENCH_RUNS:-3}

LOG=${BENCH_LOG:-}
tmp=""
cleanup() { [ -n "$tmp" ] && rm -f "$tmp"; }
trap cleanup EXIT
if [ -z "$LOG" ]; then
  tmp=$(mktemp /tmp/bench-log.XXXXXX)
  LOG=$tmp
  python3 - "${BENCH_LINES:-300000}" >"$LOG" <<'PY'
import random, sys
# A Postfix log shaped like a real mail relay's: every daemon's usual lines, about 10% of
# deliveries deferred or bounced (retries of a deferred message repeat its reply), a few
# percent of RCPTs refused by our own smtpd, and per-message details (queue ids, recipients,
# Gmail's per-message ids, Microsoft's front-end names, relay addresses) that vary.
random.seed(11)
n = int(sys.argv[1])
w = sys.stdout.write
hexd = "0123456789ABCDEF"
b32 = "abcdefghijklmnopqrstuvwxyz0123456789"
def rid(k, a=b32): return "".join(random.choice(a) for _ in range(k))
def gid(): return f"{rid(13)}si{random.randint(100000,9999999)}{rid(3)}.{random.randint(1,600)}"
def ms_front(): return f"{random.choice(['BN1','DM6','CO1','SN1','AM4','DB8'])}NAM{random.randint(2,12):02d}FT{random.randint(1,99):03d}.eop-nam{random.randint(2,12):02d}.prod.protection.outlook.com"
def user(): return f"{random.choice(['anna','bob','carla','dmitri','eve','farid','gu','hana'])}{random.randint(1,5000)}"
google = lambda: f"gmail-smtp-in.l.google.com[142.250.{random.randint(0,255)}.{random.randint(1,254)}]"
yahoo = lambda: f"mta{random.randint(5,7)}.am0.yahoodns.net[67.195.{random.randint(204,228)}.{random.randint(70,110)}]"
msft = lambda: f"example-com.mail.protection.outlook.com[52.101.{random.randint(0,255)}.{random.randint(1,254)}]"
other = lambda: f"mx{random.randint(1,3)}.example.net[192.0.2.{random.randint(1,254)}]"
# (status, dsn, relay, reply) makers; the reply varies per message the way real ones do.
failures = [
    lambda to: ("deferred", "4.7.0", yahoo(), "421 4.7.0 [TSS04] Messages from 192.0.2.10 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes (in reply to MAIL FROM command)"),
    lambda to: ("bounced", "5.1.1", google(), f"550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. For more information, go to 550 5.1.1  https://support.google.com/mail/?p=NoSuchUser {gid()} - gsmtp (in reply to RCPT TO command)"),
    lambda to: ("deferred", "4.7.500", msft(), f"451 4.7.500 Server busy. Please try again later from [192.0.2.10]. (S77719) [{ms_front()}] (in reply to RCPT TO command)"),
    lambda to: ("bounced", "5.7.26", google(), f"550-5.7.26 Unauthenticated email from example.org is not accepted due to domain's 550-5.7.26 DMARC policy. Please contact the administrator of example.org domain if 550-5.7.26 this was a legitimate mail. To learn about the DMARC initiative, go 550-5.7.26 to 550 5.7.26  https://support.google.com/mail/?p=DmarcRejection {gid()} - gsmtp (in reply to end of DATA command)"),
    lambda to: ("deferred", "4.2.2", other(), f"452 4.2.2 <{user()}@example.net>: Recipient address rejected: Mailbox full (in reply to RCPT TO command)"),
    lambda to: ("deferred", "4.4.1", other(), None),
    lambda to: ("bounced", "5.7.1", msft(), f"550 5.7.1 Service unavailable, Client host [192.0.2.10] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/192.0.2.10 (AS3130). [{ms_front()}] (in reply to MAIL FROM command)"),
    lambda to: ("deferred", "4.7.28", google(), f"421-4.7.28 [192.0.2.10      15] Our system has detected an unusual rate of 421-4.7.28 unsolicited mail originating from your IP address. To protect our 421-4.7.28 users from spam, mail sent from your IP address has been temporarily 421-4.7.28 rate limited. 421 4.7.28  https://support.google.com/mail/?p=UnsolicitedRateLimitError {gid()} - gsmtp (in reply to end of DATA command)"),
]
rejects = [
    lambda ip: f"554 5.7.1 <{user()}@example.org>: Relay access denied; from=<{user()}@spam.example> to=<{user()}@example.org> proto=ESMTP helo=<{rid(8)}>",
    lambda ip: f"550 5.1.1 <{user()}@example.com>: Recipient address rejected: User unknown in local recipient table; from=<{user()}@sender.example> to=<{user()}@example.com> proto=ESMTP helo=<mail.sender.example>",
    lambda ip: f"554 5.7.1 Service unavailable; Client host [{ip}] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/{ip}; from=<{user()}@spam.example> to=<{user()}@example.com> proto=ESMTP helo=<{rid(6)}.example>",
    lambda ip: f"450 4.7.1 <{rid(8)}>: Helo command rejected: Host not found; from=<{user()}@spam.example> to=<{user()}@example.com> proto=ESMTP helo=<{rid(8)}>",
]
deferred = []  # (qid, to, status, dsn, relay, reply) to retry later
t = 0
i = 0
def stamp():
    s = t // 10
    return "Nov %2d %02d:%02d:%02d" % (30 - (s // 86400) % 28, (s // 3600) % 24, (s // 60) % 60, s % 60)
def qid(): return "".join(random.choice(hexd) for _ in range(10))
while i < n:
    t += 1
    ts = stamp()
    pid = random.randint(2000, 9000)
    ip = f"203.0.113.{random.randint(1,254)}" if random.random() < 0.5 else f"198.51.100.{random.randint(1,254)}"
    client = random.choice(["unknown", f"mail{random.randint(1,99)}.sender.example", f"out.{rid(5)}.example"])
    r = random.random()
    if r < 0.08:  # a refused client: connect, NOQUEUE reject, disconnect
        lines = [f"{ts} mx postfix/smtpd[{pid}]: connect from {client}[{ip}]",
                 f"{ts} mx postfix/smtpd[{pid}]: NOQUEUE: reject: RCPT from {client}[{ip}]: {random.choice(rejects)(ip)}",
                 f"{ts} mx postfix/smtpd[{pid}]: disconnect from {client}[{ip}] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4"]
    elif r < 0.56 and deferred:  # the queue retries a deferred message
        q, to, status, dsn, relay, reply = deferred.pop(random.randrange(len(deferred)))
        lines = [f"{ts} mx postfix/qmgr[1203]: {q}: from=<{user()}@example.com>, size={random.randint(900,90000)}, nrcpt=1 (queue active)"]
        if random.random() < 0.75:
            lines.append(f"{ts} mx postfix/smtp[{pid}]: {q}: to=<{to}>, relay={relay}:25, delay={random.randint(300,90000)}, delays={random.randint(300,9000)}/0.01/0.3/0.2, dsn={dsn}, status=deferred (host {relay.split('[')[0]}[{relay.split('[')[1]} said: {reply})")
            deferred.append((q, to, status, dsn, relay, reply))
        else:
            lines.append(f"{ts} mx postfix/smtp[{pid}]: {q}: to=<{to}>, relay={relay}:25, delay={random.randint(300,90000)}, delays=0.1/0.01/0.3/0.2, dsn=2.0.0, status=sent (250 2.0.0 OK  {t} {gid()} - gsmtp)")
            lines.append(f"{ts} mx postfix/qmgr[1203]: {q}: removed")
    else:  # a message received and sent on
        q = qid()
        to = f"{user()}@{random.choice(['gmail.com','yahoo.com','outlook.com','example.net','example.org'])}"
        tls = random.random() < 0.7
        lines = [f"{ts} mx postfix/smtpd[{pid}]: connect from {client}[{ip}]"]
        if tls:
            lines.append(f"{ts} mx postfix/smtpd[{pid}]: Anonymous TLS connection established from {client}[{ip}]: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)")
        lines += [f"{ts} mx postfix/smtpd[{pid}]: {q}: client={client}[{ip}]",
                  f"{ts} mx postfix/cleanup[{pid+1}]: {q}: message-id=<{rid(16)}@{client}>",
                  f"{ts} mx postfix/qmgr[1203]: {q}: from=<{user()}@sender.example>, size={random.randint(900,90000)}, nrcpt=1 (queue active)",
                  f"{ts} mx postfix/smtpd[{pid}]: disconnect from {client}[{ip}] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5"]
        if random.random() < 0.3:
            status, dsn, relay, reply = random.choice(failures)(to)
            host, addr = relay.split("[")
            why = f"host {host}[{addr} said: {reply}" if reply else f"connect to {host}[{addr[:-1]}]:25: Connection timed out"
            lines.append(f"{ts} mx postfix/smtp[{pid+2}]: {q}: to=<{to}>, relay={relay if reply else 'none'}{':25' if reply else ''}, delay={random.random()*9:.1f}, delays=0.1/0.01/0.5/0.6, dsn={dsn}, status={status} ({why})")
            if status == "bounced":
                lines += [f"{ts} mx postfix/bounce[{pid+3}]: {q}: sender non-delivery notification: {qid()}",
                          f"{ts} mx postfix/qmgr[1203]: {q}: removed"]
            elif len(deferred) < 5000:
                deferred.append((q, to, status, dsn, relay, reply or "421 4.4.1 Connection timed out"))
        else:
            lines += [f"{ts} mx postfix/smtp[{pid+2}]: Trusted TLS connection established to {other().split('[')[0]}[192.0.2.{random.randint(1,254)}]:25: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)",
                      f"{ts} mx postfix/smtp[{pid+2}]: {q}: to=<{to}>, relay={other()}:25, delay={random.random()*3:.1f}, delays=0.1/0.01/0.2/0.3, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as {qid()})",
                      f"{ts} mx postfix/qmgr[1203]: {q}: removed"]
    for l in lines:
        if i < n:
            w(l + "\n")
            i += 1
PY
fi

lines=$(wc -l <"$LOG")
cat "$LOG" >/dev/null   # into the page cache for both
now() { date +%s.%N; }
times=()
for _ in $(seq "$RUNS"); do
  t0=$(now); "$BIN" explain --log "$LOG" >/dev/null; t1=$(now)
  pflogsumm "$LOG" >/dev/null 2>&1; t2=$(now)
  times+=("$t0" "$t1" "$t2")
done
python3 - "$lines" "${times[@]}" <<'PY'
import statistics, sys
lines = int(sys.argv[1])
t = list(map(float, sys.argv[2:]))
ours = [t[i + 1] - t[i] for i in range(0, len(t), 3)]
theirs = [t[i + 2] - t[i + 1] for i in range(0, len(t), 3)]
print(f"log: {lines} lines")
for k, (o, p) in enumerate(zip(ours, theirs), 1):
    print(f"run {k}: smtpprobe explain --log {o:.3f} s {lines/o:>12,.0f} lines/s | pflogsumm {p:.3f} s {lines/p:>10,.0f} lines/s | ratio {p/o:.1f}x")
o, p = statistics.median(ours), statistics.median(theirs)
print(f"median: smtpprobe explain --log {lines/o:,.0f} lines/s, pflogsumm {lines/p:,.0f} lines/s")
print(f"ratio: {p/o:.1f}x")
PY
