#!/usr/bin/env bash
# Real MTAs other than Postfix on loopback for smtpprobe's opt-in tests (tests/real_mtas.rs):
# OpenSMTPD 6.8 and Sendmail 8.17 from Debian 12's packages.
#
#   scripts/real-mtas.sh up      download and extract the packages if missing, install
#                                their missing *library* dependencies, make a test CA and
#                                certificates, write configs, start the daemons, wait until
#                                they answer, check they listen on loopback only, write
#                                $STATE/env
#   scripts/real-mtas.sh down    stop everything this script started (idempotent)
#   scripts/real-mtas.sh test    up, run the opt-in tests (cargo test --test real_mtas),
#                                down whatever happens; extra arguments go to cargo test
#   scripts/real-mtas.sh status  show what is running and what it listens on
#
# The MTA packages are NEVER installed: opensmtpd and sendmail-bin conflict with Postfix
# (one mail-transport-agent per system), and installing one would remove Postfix. Instead
# `apt-get download` fetches the .deb files and `dpkg-deb -x` extracts them under
# $STATE/../smtpprobe-real-mtas-pkg (kept between runs); only the libraries they link to
# are installed with apt (after `apt-get install -s` shows that nothing would be removed).
#
# OpenSMTPD has its spool (/var/spool/smtpd), control socket (/var/run/smtpd.sock) and
# chroot (/var/lib/opensmtpd/empty) compiled in: it runs in a private mount namespace
# (unshare -m) where $STATE's directories are bind-mounted over /var/spool, /run and
# /var/lib, so nothing outside $STATE is written. It needs the system users `opensmtpd`
# and `opensmtpq` (as Debian's package makes them): created with `useradd --system` when
# missing. Sendmail runs from the extracted tree with its own sendmail.cf (rendered with m4
# from the extracted cf/ tree), queue and pid file under $STATE (its user: `smmta`, group
# `smmsp`, created the same way), also in a mount namespace: there /etc/passwd is a copy
# with the test users alice and bob added, /etc/hosts names this host after the instance,
# and /etc/resolv.conf points at the bed's NSD; the real files are untouched.
# NSD (authoritative for the bed's domain) is the Debian package, as for real-servers.sh.
#
# Everything listens only on 127.0.8.x (127.0.6.x is Postfix's bed, 127.0.7.x another one),
# every file lives under $SMTPPROBE_MTAS_DIR (default /tmp/smtpprobe-real-mtas). Needs root.
set -euo pipefail

BED=real-mtas
TESTS="real-MTA tests"
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib/bed.sh
. "$ROOT/scripts/lib/bed.sh"
STATE=${SMTPPROBE_MTAS_DIR:-/tmp/smtpprobe-real-mtas}
PKG=${SMTPPROBE_MTAS_PKG:-${STATE%/}-pkg}
UNPACKED=$PKG # see owns in lib/bed.sh
NET=127.0.8
DOMAIN=mtas.smtpprobe.test

# OpenSMTPD: one daemon, one listener per configuration (tagged), rules per tag.
OSD=$NET.11      # accepts mail for $DOMAIN, refuses relaying; STARTTLS; 465 implicit TLS;
#                  587 submission (STARTTLS required, AUTH only after it). Debian 12's
#                  OpenSMTPD 6.8.0p2 fails every TLS handshake it serves (OpenSSL 3 breaks
#                  its privilege-separated RSA/ECDSA signing: "rsa routines::missing private
#                  key", an internal_error alert; OpenSMTPD issues #1171, #1239): what a
#                  sender sees from such a server is what the tests check.
OSD_DEB=$NET.12  # Debian's shipped smtpd.conf rules: local delivery, relays "from local"
OSD_DEFER=$NET.13 # a builtin filter answers 451 to every RCPT (greylisting-like)
OSD_DROP=$NET.14 # a builtin filter disconnects with 421 at MAIL FROM
OSD_HELO=$NET.15 # a builtin filter refuses EHLO with 502: the client must fall back to HELO
# Sendmail: one daemon per configuration (own sendmail.cf, queue, pid file).
SM=$NET.21       # Debian's sendmail.mc privacy flags (VRFY/EXPN answered), greet_pause 1 s,
#                  STARTTLS, 465 implicit TLS, 587 submission (AUTH required, offered only
#                  after STARTTLS)
SM_PRIV=$NET.22  # PrivacyOptions=goaway (novrfy, noexpn, ...), no STARTTLS, refuses to relay
#                  for the probe (which it sees as an outside client; see sm_config)
SM_RELAY=$NET.23 # relays for 127.0.0.0/8 (RELAY_DOMAIN(127)); a three-line greeting

DNS=$NET.53      # NSD, authoritative for $DOMAIN (MX -> opensmtpd, sendmail; a domain hosted
#                  elsewhere for relay tests); the tests give it to the probe with --resolver
ELSEWHERE_MX=$NET.98 # the MX of elsewhere.$DOMAIN: nothing listens there

OSD_DIR=$STATE/opensmtpd
NSD_DIR=$STATE/nsd
SM_DIR=$STATE/sendmail
PKI=$STATE/pki
OSD_ROOT=$PKG/opensmtpd
SM_ROOT=$PKG/sendmail
OSD_DEBS=(opensmtpd)
SM_DEBS=(sendmail-bin sendmail-base sendmail-cf m4)
# The libraries the two daemons link to (apt-cache depends opensmtpd sendmail-bin), and
# the tools the script uses (netbase: /etc/services, for Sendmail's Port=smtp).
LIBS=(libevent-2.1-7 libdb5.3 libpam0g libssl3 zlib1g libcrypt1 libldap-2.5-0 liblockfile1
    libnsl2 libsasl2-2 libsasl2-modules libwrap0 openssl iproute2 util-linux passwd procps nsd
    bind9-dnsutils netbase)

check_settings() {
    check_dir "SMTPPROBE_MTAS_DIR=$STATE" "$STATE"
    check_root "packages, port 25, the daemons' privilege separation"
}

# --- packages ----------------------------------------------------------------

install_packages() {
    local missing
    mapfile -t missing < <(missing_packages "${LIBS[@]}")
    if ((${#missing[@]})); then
        # Never remove anything (above all not Postfix); no service may start (nsd's default
        # configuration listens everywhere).
        apt_install --no-remove --disable nsd "${TMPDIR:-/tmp}/smtpprobe-real-mtas-apt.log" "${missing[@]}"
    fi
    extract_debs "$OSD_ROOT" "$PKG/apt.log" "${OSD_DEBS[@]}"
    extract_debs "$SM_ROOT" "$PKG/apt.log" "${SM_DEBS[@]}"
    # The users Debian's maintainer scripts would create.
    ensure_user opensmtpd opensmtpd /nonexistent
    ensure_user opensmtpq opensmtpq /nonexistent
    ensure_user smmta smmta /nonexistent
    getent group smmsp >/dev/null || groupadd --system smmsp
}

# --- certificates ------------------------------------------------------------

make_pki() {
    mkdir -p "$PKI"
    (
        cd "$PKI"
        umask 077
        make_ca "smtpprobe real-MTA test CA"
        # OpenSMTPD gets an RSA key as most of its users have (ECDSA keys are a known
        # failure of its privilege-separated signing); see osd_config for what happens.
        make_cert opensmtpd "opensmtpd.$DOMAIN" "DNS:opensmtpd.$DOMAIN" -newkey rsa:2048
        make_cert sendmail "sendmail.$DOMAIN" "DNS:sendmail.$DOMAIN"
        chmod 644 ca.pem opensmtpd.pem sendmail.pem
    )
}

# --- OpenSMTPD ---------------------------------------------------------------

osd_config() {
    mkdir -p "$OSD_DIR/spool" "$OSD_DIR/run" "$OSD_DIR/lib/opensmtpd/empty" "$OSD_DIR/mail"
    local name=opensmtpd.$DOMAIN nobody
    nobody=$(id -u nobody):$(id -g nobody)
    # Local users without system accounts: a userbase table (the uid/gid are nobody's;
    # nothing is ever delivered, the probe sends no DATA).
    printf '%s\t%s:%s\n' alice "$nobody" "$OSD_DIR/mail/alice" bob "$nobody" "$OSD_DIR/mail/bob" \
        postmaster "$nobody" "$OSD_DIR/mail/postmaster" >"$OSD_DIR/users"
    printf '%s\n' "staff: alice, bob" "root: postmaster" "MAILER-DAEMON: postmaster" \
        >"$OSD_DIR/aliases"
    # AUTH on 587 (after STARTTLS): one user, password "secret".
    printf 'alice\t%s\n' "$("$OSD_ROOT/usr/libexec/opensmtpd/encrypt" secret)" >"$OSD_DIR/creds"
    chmod 640 "$OSD_DIR/creds"
    chgrp opensmtpd "$OSD_DIR/creds"
    cat >"$OSD_DIR/smtpd.conf" <<EOF
# smtpprobe real-mtas.sh: OpenSMTPD $(osd_version) on $NET.x only.
pki $name cert "$PKI/opensmtpd.pem"
pki $name key "$PKI/opensmtpd.key"

table aliases file:$OSD_DIR/aliases
table users file:$OSD_DIR/users
table creds file:$OSD_DIR/creds
# internal.$DOMAIN is not in DNS (an internal domain, as behind split DNS).
table domains { $DOMAIN, $name, internal.$DOMAIN }
table loopback { 127.0.0.0/8 }
table everyone { ".*" }

filter defer phase rcpt-to match rcpt-to regex <everyone> reject "451 4.7.1 Greylisted, please try again later"
filter noehlo phase ehlo match src <loopback> reject "502 5.5.1 EHLO not supported here, use HELO"
filter drop phase mail-from match !auth disconnect "421 4.7.0 $name Too many sessions from your address, closing"

# $OSD: the normal MX: mail for $DOMAIN, no relaying; STARTTLS; SMTPS; submission.
listen on $OSD port 25 tls pki $name hostname $name tag main
listen on $OSD port 465 smtps pki $name hostname $name tag main
listen on $OSD port 587 tls-require pki $name hostname $name auth <creds> tag submission
# $OSD_DEB: Debian's shipped rules (listen on localhost; local delivery; relay from local).
listen on $OSD_DEB port 25 hostname $name tag debian
# $OSD_DEFER: 451 to every RCPT.
listen on $OSD_DEFER port 25 hostname $name filter defer tag defer
# $OSD_DROP: 421 and close at MAIL FROM.
listen on $OSD_DROP port 25 hostname $name filter drop tag drop
# $OSD_HELO: EHLO refused with 502 (a builtin filter), HELO accepted.
listen on $OSD_HELO port 25 hostname $name filter noehlo tag heloonly

action "local" maildir "$OSD_DIR/mail/%{user.username}" alias <aliases> userbase <users>
action "relay" relay host smtp://$NET.99:25

match tag main from any for domain <domains> action "local"
match tag submission from any for domain <domains> action "local"
match tag submission from auth for any action "relay"
match tag debian for local action "local"
match tag debian for domain <domains> action "local"
match tag debian from local for any action "relay"
match tag defer from any for domain <domains> action "local"
match tag drop from any for domain <domains> action "local"
match tag heloonly from any for domain <domains> action "local"
EOF
}

osd_version() {
    "$OSD_ROOT/usr/sbin/smtpd" -h 2>&1 | sed -n 's/^version: //p' | head -1
}

# Run a command in OpenSMTPD's private mount namespace.
osd_ns() {
    # shellcheck disable=SC2016 # expanded by the inner bash
    unshare --mount --propagation private -- bash -c '
        set -e
        mount --bind "$1/spool" /var/spool
        mount --bind "$1/run" /run
        mount --bind "$1/lib" /var/lib
        shift
        exec "$@"' _ "$OSD_DIR" "$@"
}

osd_start() {
    log "starting $(osd_version) on $OSD (25, 465, 587), $OSD_DEB, $OSD_DEFER, $OSD_DROP, $OSD_HELO"
    osd_ns "$OSD_ROOT/usr/sbin/smtpd" -n -f "$OSD_DIR/smtpd.conf" >"$OSD_DIR/check.log" 2>&1 || {
        cat "$OSD_DIR/check.log" >&2
        die "OpenSMTPD configuration check failed"
    }
    # -d: foreground, log to stderr (no syslog needed); -T smtp: every SMTP line in the log.
    # shellcheck disable=SC2016 # expanded by the inner bash
    setsid bash -c 'echo $$ >"$1"; exec "${@:2}"' _ "$OSD_DIR/smtpd.pid" \
        unshare --mount --propagation private -- bash -c '
            mount --bind "$1/spool" /var/spool && mount --bind "$1/run" /run &&
            mount --bind "$1/lib" /var/lib && exec "$2" -d -v -T smtp -f "$1/smtpd.conf"' \
        _ "$OSD_DIR" "$OSD_ROOT/usr/sbin/smtpd" </dev/null >>"$OSD_DIR/smtpd.log" 2>&1 &
}

# --- Sendmail ----------------------------------------------------------------

# One instance per configuration: sendmail.mc rendered with the extracted cf/ tree into
# $SM_DIR/<name>/sendmail.cf, its own queue, pid file, aliases and SMTP trace (-X; there is
# no syslog in a container). Like OpenSMTPD it runs in a private mount namespace, where
# /etc/passwd is a copy with the test users alice and bob added (Sendmail's local mailer
# looks users up with getpwnam: F=w) and /etc/resolv.conf names the bed's NSD, so the
# system's files and users are untouched and its DNS is the bed's.
sm_version() { # upstream version of the extracted sendmail-bin (8.17.1.9)
    # (not `sendmail -d0.1`: that canonifies this host's name in DNS first, a minute
    # without network)
    dpkg-deb -f "$SM_ROOT".debs/sendmail-bin_*.deb Version | sed 's/-.*//'
}

sm_instance() { # name addr privacy-flags extra-m4
    local name=$1 addr=$2 privacy=$3 extra=$4 dir=$SM_DIR/$1 cf=$SM_ROOT/usr/share/sendmail/cf
    mkdir -p "$dir/queue"
    chmod 700 "$dir/queue"
    printf '%s\n' "root: postmaster" "postmaster: alice" "staff: alice, bob" \
        "MAILER-DAEMON: postmaster" "abuse: postmaster" >"$dir/aliases"
    cat >"$dir/sendmail.mc" <<EOF
divert(-1)
# smtpprobe real-mtas.sh: Sendmail $(sm_version) "$name" on $addr only.
divert(0)dnl
OSTYPE(\`linux')dnl
define(\`confDOMAIN_NAME', \`sendmail.$DOMAIN')dnl
define(\`confPID_FILE', \`$dir/sendmail.pid')dnl
define(\`QUEUE_DIR', \`$dir/queue')dnl
define(\`STATUS_FILE', \`$dir/sendmail.st')dnl
define(\`ALIAS_FILE', \`$dir/aliases')dnl
define(\`HELP_FILE', \`$SM_ROOT/etc/mail/helpfile')dnl
define(\`confHOST_STATUS_DIRECTORY', \`')dnl
define(\`confDEF_USER_ID', \`smmta:smmta')dnl
define(\`confTRUSTED_USER', \`smmta')dnl
define(\`confDONT_BLAME_SENDMAIL', \`TrustStickyBit,GroupWritableDirPathSafe')dnl
define(\`confDONT_PROBE_INTERFACES', \`True')dnl
define(\`confPRIVACY_FLAGS', \`$privacy')dnl
define(\`confSERVER_CERT', \`$PKI/sendmail.pem')dnl
define(\`confSERVER_KEY', \`$PKI/sendmail.key')dnl
define(\`confCACERT', \`$PKI/ca.pem')dnl
define(\`confCACERT_PATH', \`$PKI')dnl
define(\`confTO_IDENT', \`0s')dnl
define(\`confTO_RESOLVER_RETRANS', \`1s')dnl
define(\`confTO_RESOLVER_RETRY', \`1')dnl
define(\`confSERVICE_SWITCH_FILE', \`$SM_DIR/service.switch')dnl
FEATURE(\`no_default_msa')dnl
DAEMON_OPTIONS(\`Family=inet, Name=MTA-$name, Port=smtp, Addr=$addr')dnl
LOCAL_DOMAIN(\`$DOMAIN')dnl
$extra
MAILER(\`local')dnl
MAILER(\`smtp')dnl
EOF
    m4 -D_CF_DIR_="$cf/" "$cf/m4/cf.m4" "$dir/sendmail.mc" >"$dir/sendmail.cf" 2>"$dir/m4.log" || {
        cat "$dir/m4.log" >&2
        die "m4 failed for Sendmail $name"
    }
    sm_ns "$SM_ROOT/usr/libexec/sendmail/sendmail" -C "$dir/sendmail.cf" -bi >"$dir/newaliases.log" 2>&1 || {
        cat "$dir/newaliases.log" >&2
        die "newaliases failed for Sendmail $name"
    }
}

sm_config() {
    mkdir -p "$SM_DIR"
    # m4 from the extracted package (not installed).
    export PATH=$SM_ROOT/usr/bin:$PATH
    { cat /etc/passwd; printf '%s\n' \
        "alice:x:60101:65534:Alice Example:/nonexistent:/usr/sbin/nologin" \
        "bob:x:60102:65534:Bob Example:/nonexistent:/usr/sbin/nologin"; } >"$SM_DIR/passwd"
    chmod 644 "$SM_DIR/passwd"
    echo "nameserver $DNS" >"$SM_DIR/resolv.conf"
    # Sendmail canonifies this machine's name at start (and for newaliases): from a hosts
    # file, never from DNS (a lookup of a bare host name would wait for resolver timeouts).
    { cat /etc/hosts; echo "$SM sendmail.$DOMAIN $(hostname)"; } >"$SM_DIR/hosts"
    printf '%s\n' "hosts files dns" "aliases files" >"$SM_DIR/service.switch"
    local debian='needmailhelo,needexpnhelo,needvrfyhelo,restrictqrun,restrictexpand,nobodyreturn,authwarnings'
    # Debian's sendmail.mc privacy flags (VRFY and EXPN answered), its 1 s greet_pause,
    # STARTTLS, SMTPS on 465, and submission on 587 (M=Ea: AUTH required). AUTH PLAIN LOGIN
    # with AuthOptions=p: not offered before TLS (Cyrus SASL mechanisms; nobody can log in,
    # there is no sasldb: the probe never authenticates).
    sm_instance default "$SM" "$debian" \
        "FEATURE(\`greet_pause', \`1000')dnl
define(\`confAUTH_MECHANISMS', \`PLAIN LOGIN')dnl
define(\`confAUTH_OPTIONS', \`A,p')dnl
TRUST_AUTH_MECH(\`PLAIN LOGIN')dnl
DAEMON_OPTIONS(\`Family=inet, Name=MTA-SSL, Port=465, Addr=$SM, M=s')dnl
DAEMON_OPTIONS(\`Family=inet, Name=MSA, Port=587, Addr=$SM, M=Ea')dnl"
    # PrivacyOptions=goaway: VRFY and EXPN refused (252 / 502), no STARTTLS (M=S). Sendmail
    # lets any client whose name is in class w (its own names, "localhost") relay, and the
    # probe connects from 127.0.0.1 = localhost: in this instance's hosts file 127.0.0.1 is
    # "client.example.net", so the probe is an outside client and relaying is refused.
    mkdir -p "$SM_DIR/private"
    { echo "127.0.0.1 client.example.net"; grep -v '^127\.0\.0\.1[[:space:]]' /etc/hosts || true
        echo "$SM_PRIV sendmail.$DOMAIN $(hostname)"; } >"$SM_DIR/private/hosts"
    sm_instance private "$SM_PRIV" "goaway,restrictqrun,restrictexpand" ""
    sed -i "s/Name=MTA-private, Port=smtp, Addr=$SM_PRIV/&, M=S/" "$SM_DIR/private/sendmail.mc"
    m4 -D_CF_DIR_="$SM_ROOT/usr/share/sendmail/cf/" "$SM_ROOT/usr/share/sendmail/cf/m4/cf.m4" \
        "$SM_DIR/private/sendmail.mc" >"$SM_DIR/private/sendmail.cf"
    # sendmail.cf also lets 127.0.0.1 relay outright ("R127.0.0.1 $@ RELAY originated
    # locally"): without that rule (and with the hosts file above) this instance treats the
    # probe as any client from outside.
    sed -i '/^R127\.0\.0\.1[[:space:]].*originated locally/d' "$SM_DIR/private/sendmail.cf"
    ! grep -q '^R127\.0\.0\.1[[:space:]]' "$SM_DIR/private/sendmail.cf" ||
        die "could not remove the loopback relay rule from the private Sendmail"
    # Relays for 127.0.0.0/8 (class R: relay-domains), as an access map "Connect:127 RELAY".
    # A three-line greeting (Sendmail turns each "\n" of SmtpGreetingMessage into a 220- line).
    sm_instance relay "$SM_RELAY" "$debian" "RELAY_DOMAIN(\`127')dnl
define(\`confSMTP_LOGIN_MSG', \`\$j Sendmail \$v/\$Z; \$b\\nNo UCE/UBE: this host relays for 127.0.0.0/8\\nsmtpprobe real-MTA test bed')dnl"
}

sm_ns() {
    # shellcheck disable=SC2016 # expanded by the inner bash
    unshare --mount --propagation private -- bash -c '
        set -e
        mount --bind "$1/passwd" /etc/passwd
        mount --bind "$1/resolv.conf" /etc/resolv.conf
        mount --bind "$1/hosts" /etc/hosts
        shift
        exec "$@"' _ "$SM_DIR" "$@"
}

sm_start() {
    local name addr hosts
    for name in default:$SM private:$SM_PRIV relay:$SM_RELAY; do
        addr=${name#*:} name=${name%%:*} hosts=$SM_DIR/hosts
        [[ -e $SM_DIR/$name/hosts ]] && hosts=$SM_DIR/$name/hosts
        log "starting Sendmail $(sm_version) \"$name\" on $addr"
        # -bD: daemon in the foreground; -X: every SMTP line into the trace file.
        # shellcheck disable=SC2016 # expanded by the inner bash
        setsid bash -c 'echo $$ >"$1"; exec "${@:2}"' _ "$SM_DIR/$name/daemon.pid" \
            unshare --mount --propagation private -- bash -c '
                mount --bind "$1/passwd" /etc/passwd &&
                mount --bind "$1/resolv.conf" /etc/resolv.conf &&
                mount --bind "$4" /etc/hosts &&
                exec "$2" -bD -C "$1/$3/sendmail.cf" -X "$1/$3/trace"' \
            _ "$SM_DIR" "$SM_ROOT/usr/libexec/sendmail/sendmail" "$name" "$hosts" \
            </dev/null >>"$SM_DIR/$name/daemon.log" 2>&1 &
    done
}

# --- NSD ---------------------------------------------------------------------

nsd_config() {
    mkdir -p "$NSD_DIR/xfr"
    {
        nsd_conf "$NSD_DIR" "$DNS"
        nsd_zone "$DOMAIN"
    } >"$NSD_DIR/nsd.conf"
    cat >"$NSD_DIR/$DOMAIN.zone" <<EOF
\$ORIGIN $DOMAIN.
\$TTL 60
@           IN SOA  ns.$DOMAIN. hostmaster.$DOMAIN. ( 1 3600 600 86400 60 )
            IN NS   ns.$DOMAIN.
ns          IN A    $DNS
; The bed's mail domain: both MTAs are its exchangers.
@           IN MX   10 opensmtpd.$DOMAIN.
@           IN MX   20 sendmail.$DOMAIN.
opensmtpd   IN A    $OSD
sendmail    IN A    $SM
; A domain whose mail goes to another host: a server that accepts it relays.
elsewhere   IN MX   10 mx.elsewhere.$DOMAIN.
mx.elsewhere IN A   $ELSEWHERE_MX
EOF
    nsd-checkzone "$DOMAIN" "$NSD_DIR/$DOMAIN.zone" >/dev/null
    nsd-checkconf "$NSD_DIR/nsd.conf"
}

dns_answers() { dns_answers_at "$DNS" 53 "opensmtpd.$DOMAIN" "$OSD"; }

# --- start, wait, stop -------------------------------------------------------

tcp_open() { # ip port
    # shellcheck disable=SC2016 # expanded by the inner bash
    timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null
}


# The pids of every process of ours: the recorded ones and their descendants.
our_pids() {
    local p roots=()
    for f in "$OSD_DIR/smtpd.pid" "$NSD_DIR/nsd.pid" "$SM_DIR"/*/daemon.pid; do
        p=$(read_pid "$f")
        owns "$p" && roots+=("$p")
    done
    local all=("${roots[@]}") kids
    while ((${#roots[@]})); do
        kids=$(pgrep -P "$(
            IFS=,
            echo "${roots[*]}"
        )" || true)
        roots=()
        for p in $kids; do
            roots+=("$p")
            all+=("$p")
        done
    done
    echo "${all[@]}"
}

# Every listening socket of our daemons must be on 127.0.8.x.
check_loopback() {
    local pids
    read -ra pids <<<"$(our_pids)"
    check_listening '^127\.0\.8\.[0-9]+:[0-9]+$' "outside 127.0.8.x" "127.0.8.x only" "${pids[@]}"
}

start_servers() {
    log "starting NSD on $DNS:53"
    nsd -c "$NSD_DIR/nsd.conf"
    wait_until "NSD" dns_answers
    # After NSD: Sendmail's newaliases looks names up in the bed's DNS.
    sm_config
    osd_start
    wait_until "OpenSMTPD $OSD:25" smtp_answers "$OSD" 25
    # Debian 12's OpenSMTPD cannot complete a TLS handshake (see osd_config): 465 is only
    # checked to accept connections.
    wait_until "OpenSMTPD $OSD:465" tcp_open "$OSD" 465
    wait_until "OpenSMTPD $OSD:587" smtp_answers "$OSD" 587
    wait_until "OpenSMTPD $OSD_DEB:25" smtp_answers "$OSD_DEB" 25
    wait_until "OpenSMTPD $OSD_DEFER:25" smtp_answers "$OSD_DEFER" 25
    wait_until "OpenSMTPD $OSD_DROP:25" smtp_answers "$OSD_DROP" 25
    wait_until "OpenSMTPD $OSD_HELO:25" smtp_answers "$OSD_HELO" 25
    sm_start
    wait_until "Sendmail $SM:25" smtp_answers "$SM" 25
    wait_until "Sendmail $SM:465" smtp_answers "$SM" 465 tls "sendmail.$DOMAIN"
    wait_until "Sendmail $SM:587" smtp_answers "$SM" 587
    wait_until "Sendmail $SM_PRIV:25" smtp_answers "$SM_PRIV" 25
    wait_until "Sendmail $SM_RELAY:25" smtp_answers "$SM_RELAY" 25
    check_loopback
}

write_env() {
    cat >"$STATE/env.tmp" <<EOF
SMTPPROBE_MTAS_DIR=$STATE
SMTPPROBE_MTAS_DOMAIN=$DOMAIN
SMTPPROBE_MTAS_CA=$PKI/ca.pem
SMTPPROBE_MTAS_RESOLVER=$DNS:53
SMTPPROBE_MTAS_OSD=$OSD
SMTPPROBE_MTAS_OSD_DEB=$OSD_DEB
SMTPPROBE_MTAS_OSD_DEFER=$OSD_DEFER
SMTPPROBE_MTAS_OSD_DROP=$OSD_DROP
SMTPPROBE_MTAS_OSD_HELO=$OSD_HELO
SMTPPROBE_MTAS_OSD_NAME=opensmtpd.$DOMAIN
SMTPPROBE_MTAS_SM=$SM
SMTPPROBE_MTAS_SM_PRIV=$SM_PRIV
SMTPPROBE_MTAS_SM_RELAY=$SM_RELAY
SMTPPROBE_MTAS_SM_NAME=sendmail.$DOMAIN
SMTPPROBE_MTAS_SM_VERSION=$(sm_version)
SMTPPROBE_MTAS_OSD_VERSION=$(osd_version | sed "s/^OpenSMTPD //")
EOF
    mv "$STATE/env.tmp" "$STATE/env"
}

cmd_down() {
    check_settings
    local pids p
    pids=$(our_pids 2>/dev/null || true)
    # The recorded parents first (they stop their children), then any child left over.
    stop_pid "OpenSMTPD" "$(read_pid "$OSD_DIR/smtpd.pid")"
    stop_pid "NSD" "$(read_pid "$NSD_DIR/nsd.pid")"
    for f in "$SM_DIR"/*/daemon.pid; do
        [[ -r $f ]] && stop_pid "Sendmail" "$(read_pid "$f")"
    done
    for p in $pids; do stop_pid "process" "$p"; done
    rm -f "$STATE/env"
    log "down"
}

cmd_up() {
    check_settings
    install_packages
    fresh_state "$NET"
    make_pki
    osd_config
    nsd_config
    start_servers
    write_env
    log "up: $(osd_version) on $OSD/$OSD_DEB/$OSD_DEFER/$OSD_DROP/$OSD_HELO, Sendmail $(sm_version) on $SM/$SM_PRIV/$SM_RELAY; env in $STATE/env"
}

cmd_status() {
    check_settings
    local pids
    pids=$(our_pids)
    if [[ -n $pids ]]; then
        echo "pids: $pids"
        ss -ltnupH | grep -E "pid=($(tr ' ' '|' <<<"$pids"))," || true
    else
        echo "not running"
    fi
    [[ -r $STATE/env ]] && cat "$STATE/env"
    return 0
}

run_tests() { SMTPPROBE_MTAS=1 cargo test --test real_mtas "$@" -- --ignored --test-threads=1; }

bed_main "$@"
