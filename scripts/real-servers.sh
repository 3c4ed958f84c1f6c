#!/usr/bin/env bash
# Real mail and DNS servers on loopback for smtpprobe's real-server tests (issue 6).
#
#   scripts/real-servers.sh up      install packages if missing, make a test CA and
#                                   certificates, render configs, start Postfix + NSD,
#                                   wait until they answer, write $STATE/env
#   scripts/real-servers.sh down    stop everything this script started (idempotent)
#   scripts/real-servers.sh test    up, run the opt-in tests (cargo test --test real_servers),
#                                   down whatever happens; extra arguments go to cargo test
#                                   (the tests are #[ignore]d: this runs them with --ignored)
#   scripts/real-servers.sh status  show what is running and what it listens on
#
# Everything listens only on loopback (127.0.6.x by default) and every file lives under
# one state directory: $SMTPPROBE_REAL_DIR (default /tmp/smtpprobe-real). Needs root
# (packages, ports 25/53/465/587, Postfix's own privilege handling).
set -euo pipefail

BED=real-servers
TESTS="real-server tests"
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib/bed.sh
. "$ROOT/scripts/lib/bed.sh"
TEMPLATES=$ROOT/tests/real
STATE=${SMTPPROBE_REAL_DIR:-/tmp/smtpprobe-real}
NET=${SMTPPROBE_REAL_NET:-127.0.6}
DOMAIN=smtpprobe.test
DNS_IP=$NET.53
DNS_PORT=${SMTPPROBE_REAL_DNS_PORT:-53}
MX1=$NET.11  # Postfix: VRFY on, STARTTLS; 465 implicit TLS; 587 submission; 2525 relays for loopback
MX2=$NET.12  # Postfix: disable_vrfy_command = yes, STARTTLS; 2525 TLS 1.0/1.1 only
DOWN=$NET.13 # nothing listens here
PS=$NET.14   # Postfix postscreen in front of smtpd (multi-line greeting)
POLICY=$NET.21     # MTA-STS policy host (tests/real/policy_server.py), HTTPS on 443
POLICY_BAD=$NET.22 # the same server, presenting a certificate for another name
VALIDATOR=$NET.54  # Unbound: validating resolver (trust anchor: the signed zone's KSK)
UNSIGNED=unsigned.test # a second zone, not signed (TLSA there is insecure)

PF_ETC=$STATE/postfix/etc
PF_QUEUE=$STATE/postfix/queue
PF_DATA=$STATE/postfix/data
PF_LOG=$STATE/postfix/maillog
NSD_DIR=$STATE/nsd
UNBOUND_DIR=$STATE/unbound
PKI=$STATE/pki
PACKAGES=(postfix nsd bind9-dnsutils openssl libsasl2-modules iproute2 ldnsutils unbound python3)

check_settings() {
    check_net SMTPPROBE_REAL_NET "$NET"
    check_dir "SMTPPROBE_REAL_DIR=$STATE" "$STATE"
    check_root "packages, ports 25/53/465/587, Postfix"
}

# --- packages ----------------------------------------------------------------

install_packages() {
    local missing
    mapfile -t missing < <(missing_packages "${PACKAGES[@]}")
    ((${#missing[@]} == 0)) && return 0
    # Debian's Postfix must not configure or start itself: no main.cf, no daemon on *:25.
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
    # Where systemd runs, the packaged daemons (default configs listen on every interface)
    # are kept from starting now or at boot: we run our own instances.
    apt_install --disable "postfix nsd unbound" "${TMPDIR:-/tmp}/smtpprobe-real-apt.log" "${missing[@]}"
}

# --- certificates ------------------------------------------------------------

make_pki() {
    mkdir -p "$PKI"
    (
        cd "$PKI"
        umask 077
        make_ca "smtpprobe real-server test CA"
        local host sans d
        for host in mx1 mx2 ps sts www; do
            sans="DNS:$host.$DOMAIN"
            # The implicit-MX domain points at mx1's address: mx1's certificate names it.
            [[ $host == mx1 ]] && sans+=",DNS:implicit.$DOMAIN"
            # The MTA-STS policy host of every sts-* test domain.
            if [[ $host == sts ]]; then
                for d in ok mismatch two testing wild malformed 404 wrongcert expired; do
                    sans+=",DNS:mta-sts.sts-$d.$DOMAIN"
                done
            fi
            make_cert "$host" "$host.$DOMAIN" "$sans"
        done
        expired_cert mx2
        chmod 644 ca.pem mx1.pem mx2.pem mx2-expired.pem ps.pem sts.pem www.pem
    )
}

# A certificate for $1 with $1's key, issued by the test CA but expired in 2025 (`openssl
# ca` takes explicit dates; `openssl x509 -req` cannot backdate): DANE-EE ignores expiry,
# so a 3 1 1 record of the key still authenticates it (RFC 7672 §3.1.1).
expired_cert() {
    local host=$1 db
    db=$(mktemp -d)
    touch "$db/index.txt"
    echo 01 >"$db/serial"
    printf '%s\n' "[ca]" "default_ca = d" "[d]" "database = $db/index.txt" \
        "new_certs_dir = $db" "serial = $db/serial" "default_md = sha256" "policy = p" \
        "unique_subject = no" "[p]" "commonName = supplied" "organizationName = optional" \
        "[x]" "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
        "extendedKeyUsage=serverAuth" "subjectAltName=DNS:$host.$DOMAIN,DNS:dane-$host.$DOMAIN" \
        >"$db/ca.cnf"
    openssl req -new -key "$host.key" -subj "/O=smtpprobe/CN=$host.$DOMAIN" -out "$db/req.csr" 2>/dev/null
    openssl ca -batch -config "$db/ca.cnf" -cert ca.pem -keyfile ca.key -in "$db/req.csr" \
        -out "$host-expired.pem" -startdate 20250101000000Z -enddate 20250201000000Z \
        -extensions x -notext 2>/dev/null
    rm -rf "$db"
}

# --- configuration -----------------------------------------------------------

# SHA-256 of a certificate's SubjectPublicKeyInfo, hex: the data of a TLSA 3 1 1 record.
spki_sha256() {
    openssl x509 -in "$1" -noout -pubkey | openssl pkey -pubin -outform DER |
        openssl dgst -sha256 -hex | awk '{print $NF}'
}

render() { # template output
    sed -e "s|@DOMAIN@|$DOMAIN|g" \
        -e "s|@POLICY@|$POLICY|g" -e "s|@POLICY_BAD@|$POLICY_BAD|g" \
        -e "s|@VALIDATOR@|$VALIDATOR|g" -e "s|@UNSIGNED@|$UNSIGNED|g" \
        -e "s|@UNBOUND_DIR@|$UNBOUND_DIR|g" \
        -e "s|@MX1_SPKI@|${MX1_SPKI:-}|g" -e "s|@MX2_SPKI@|${MX2_SPKI:-}|g" -e "s|@CA_SPKI@|${CA_SPKI:-}|g" \
        -e "s|@DNS_IP@|$DNS_IP|g" -e "s|@DNS_PORT@|$DNS_PORT|g" \
        -e "s|@MX1@|$MX1|g" -e "s|@MX2@|$MX2|g" -e "s|@DOWN@|$DOWN|g" -e "s|@PS@|$PS|g" \
        -e "s|@PF_ETC@|$PF_ETC|g" -e "s|@PF_QUEUE@|$PF_QUEUE|g" \
        -e "s|@PF_DATA@|$PF_DATA|g" -e "s|@PF_LOG@|$PF_LOG|g" \
        -e "s|@NSD_DIR@|$NSD_DIR|g" -e "s|@PKI@|$PKI|g" \
        "$1" >"$2"
    if grep -q '@[A-Z_0-9]*@' "$2"; then
        die "unrendered placeholder in $2: $(grep -o '@[A-Z_0-9]*@' "$2" | head -1)"
    fi
}

write_configs() {
    mkdir -p "$PF_ETC/sasl" "$PF_QUEUE" "$PF_DATA" "$NSD_DIR/xfr"
    render "$TEMPLATES/main.cf.in" "$PF_ETC/main.cf"
    render "$TEMPLATES/master.cf.in" "$PF_ETC/master.cf"
    cp "$TEMPLATES/recipients" "$PF_ETC/recipients"
    : >"$PF_ETC/empty"
    # Cyrus SASL: only so that AUTH can be advertised (after STARTTLS on 587/465).
    printf '%s\n' "pwcheck_method: auxprop" "auxprop_plugin: sasldb" \
        "mech_list: PLAIN LOGIN" "sasldb_path: $STATE/postfix/sasldb2" >"$PF_ETC/sasl/smtpd.conf"
    chown root:root "$PF_ETC" "$PF_QUEUE"
    chown postfix:postfix "$PF_DATA"
    touch "$PF_LOG"

    MX1_SPKI=$(spki_sha256 "$PKI/mx1.pem")
    MX2_SPKI=$(spki_sha256 "$PKI/mx2.pem")
    CA_SPKI=$(spki_sha256 "$PKI/ca.pem")
    render "$TEMPLATES/nsd.conf.in" "$NSD_DIR/nsd.conf"
    render "$TEMPLATES/zone.in" "$NSD_DIR/$DOMAIN.zone"
    render "$TEMPLATES/unsigned.zone.in" "$NSD_DIR/$UNSIGNED.zone"
    sign_zone
    nsd-checkzone "$DOMAIN" "$NSD_DIR/$DOMAIN.zone.signed" >/dev/null
    nsd-checkzone "$UNSIGNED" "$NSD_DIR/$UNSIGNED.zone" >/dev/null
    nsd-checkconf "$NSD_DIR/nsd.conf"
    mkdir -p "$UNBOUND_DIR"
    render "$TEMPLATES/unbound.conf.in" "$UNBOUND_DIR/unbound.conf"
    unbound-checkconf "$UNBOUND_DIR/unbound.conf" >/dev/null
}

# DNSSEC: the test zone signed with a fresh KSK and ZSK (ECDSA P-256, NSEC); the KSK's DS
# is Unbound's trust anchor. Two signatures are then broken on purpose: the TLSA record of
# dane-bogus-mx (its data changed after signing) and the MX record of mx-bogus (its
# preference changed), which a validator must call bogus.
# For smtpprobe's in-process validation (--trust-anchor) the KSK is also written as a
# DNSKEY file and as a DS file (ldns-key2ds, SHA-256), and a key that signs nothing as a
# trust anchor that does not match the zone.
sign_zone() {
    (
        cd "$NSD_DIR"
        local ksk zsk
        ksk=$(ldns-keygen -a ECDSAP256SHA256 -k "$DOMAIN")
        zsk=$(ldns-keygen -a ECDSAP256SHA256 "$DOMAIN")
        ldns-signzone -f "$DOMAIN.zone.signed" "$DOMAIN.zone" "$zsk" "$ksk"
        sed -i -E "/^_25\._tcp\.dane-bogus-mx\.$DOMAIN\.[[:space:]].*TLSA/ s/[0-9a-fA-F]{8}\$/00000000/" \
            "$DOMAIN.zone.signed"
        grep -q "dane-bogus-mx.*TLSA.*00000000\$" "$DOMAIN.zone.signed" ||
            die "could not break the signature of dane-bogus-mx's TLSA record"
        sed -i -E "/^mx-bogus\.$DOMAIN\.[[:space:]].*[[:space:]]MX[[:space:]]+10[[:space:]]/ s/([[:space:]]MX[[:space:]]+)10([[:space:]])/\120\2/" \
            "$DOMAIN.zone.signed"
        grep -Eq "^mx-bogus\.$DOMAIN\.[[:space:]].*[[:space:]]MX[[:space:]]+20[[:space:]]" "$DOMAIN.zone.signed" ||
            die "could not break the signature of mx-bogus's MX record"
        mkdir -p "$UNBOUND_DIR"
        cp "$ksk.ds" "$UNBOUND_DIR/anchor.ds"
        cp "$ksk.key" "$STATE/anchor.dnskey"
        ldns-key2ds -n -2 "$ksk.key" >"$STATE/anchor.ds"
        local other
        other=$(ldns-keygen -a ECDSAP256SHA256 -k "$DOMAIN")
        cp "$other.key" "$STATE/anchor-wrong.dnskey"
        rm -f "$other".*
        chmod 644 "$STATE"/anchor*.d*
    )
}

# --- start, wait, stop -------------------------------------------------------

dns_answers() { dns_answers_at "$DNS_IP" "$DNS_PORT" "mx1.$DOMAIN" "$MX1"; }

# Unbound answers, and validates: AD set on a signed name.
validator_answers() {
    dig +dnssec +time=1 +tries=1 "@$VALIDATOR" "mx1.$DOMAIN" A 2>/dev/null | grep -q 'flags:.* ad'
}

policy_answers() {
    local out
    # The server closes without close_notify: s_client exits 1 after printing the answer.
    out=$(curl_like "$POLICY" "mta-sts.sts-ok.$DOMAIN") || true
    [[ $out == *"version: STSv1"* ]]
}

curl_like() { # ip host: GET the MTA-STS policy with openssl
    printf 'GET /.well-known/mta-sts.txt HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n' "$2" |
        timeout 3 openssl s_client -quiet -connect "$1:443" -servername "$2" \
            -CAfile "$PKI/ca.pem" -verify_return_error 2>/dev/null | tr -d '\r'
}

# Every listening socket of our daemons must be on loopback.
check_loopback() {
    local pids=() p
    p=$(read_pid "$PF_QUEUE/pid/master.pid") && [[ -n $p ]] && pids+=("$p")
    p=$(read_pid "$NSD_DIR/nsd.pid") && [[ -n $p ]] && pids+=("$p")
    p=$(read_pid "$UNBOUND_DIR/unbound.pid") && [[ -n $p ]] && pids+=("$p")
    p=$(read_pid "$STATE/policy-server.pid") && [[ -n $p ]] && pids+=("$p")
    check_listening '^(127\.[0-9.]+|\[::1\]|::1):[0-9]+$' "on a non-loopback address" \
        "loopback only" "${pids[@]}"
}

# Postfix prints its errors only to syslog (absent in containers) or to a terminal,
# so on failure run the command again under script(1) to show why.
postfix_cmd() {
    postfix -c "$PF_ETC" "$@" >/dev/null 2>&1 && return 0
    script -qec "postfix -c '$PF_ETC' $*" /dev/null >&2 || true
    die "postfix $* failed (log: $PF_LOG)"
}

start_servers() {
    log "starting NSD on $DNS_IP:$DNS_PORT"
    nsd -c "$NSD_DIR/nsd.conf"
    log "starting Postfix on $MX1 (25, 465, 587, 2525), $MX2 (25, 2525, 2526, 2527, 2528), $PS:25"
    postfix_cmd start # runs `postfix check` itself
    wait_until "NSD" dns_answers
    wait_until "Postfix $MX1:25" smtp_answers "$MX1" 25
    wait_until "Postfix $MX1:587" smtp_answers "$MX1" 587
    wait_until "Postfix $MX1:2525" smtp_answers "$MX1" 2525
    wait_until "Postfix $MX1:465" smtp_answers "$MX1" 465 tls "mx1.$DOMAIN"
    wait_until "Postfix $MX2:25" smtp_answers "$MX2" 25
    wait_until "Postfix $MX2:2525" smtp_answers "$MX2" 2525
    wait_until "Postfix $MX2:2526" smtp_answers "$MX2" 2526
    wait_until "Postfix $MX2:2527" smtp_answers "$MX2" 2527
    wait_until "Postfix $MX2:2528" smtp_answers "$MX2" 2528
    wait_until "Postfix $PS:25" smtp_answers "$PS" 25
    log "starting Unbound (validating) on $VALIDATOR:53, the MTA-STS policy host on $POLICY:443 and $POLICY_BAD:443"
    unbound -c "$UNBOUND_DIR/unbound.conf"
    setsid python3 "$TEMPLATES/policy_server.py" "$DOMAIN" \
        "$POLICY" "$PKI/sts.pem" "$PKI/sts.key" "$POLICY_BAD" "$PKI/www.pem" "$PKI/www.key" \
        </dev/null >>"$STATE/policy-server.log" 2>&1 &
    echo $! >"$STATE/policy-server.pid"
    wait_until "Unbound" validator_answers
    wait_until "the policy host" policy_answers
    check_loopback
}

write_env() {
    local version
    version=$(postconf -c "$PF_ETC" -h mail_version)
    cat >"$STATE/env.tmp" <<EOF
SMTPPROBE_REAL_DIR=$STATE
SMTPPROBE_REAL_DOMAIN=$DOMAIN
SMTPPROBE_REAL_RESOLVER=$DNS_IP:$DNS_PORT
SMTPPROBE_REAL_CA=$PKI/ca.pem
SMTPPROBE_REAL_MX1=$MX1
SMTPPROBE_REAL_MX2=$MX2
SMTPPROBE_REAL_DOWN=$DOWN
SMTPPROBE_REAL_PS=$PS
SMTPPROBE_REAL_VALIDATOR=$VALIDATOR:53
SMTPPROBE_REAL_ANCHOR_DNSKEY=$STATE/anchor.dnskey
SMTPPROBE_REAL_ANCHOR_DS=$STATE/anchor.ds
SMTPPROBE_REAL_ANCHOR_WRONG=$STATE/anchor-wrong.dnskey
SMTPPROBE_REAL_POSTFIX_VERSION=$version
EOF
    mv "$STATE/env.tmp" "$STATE/env"
}

cmd_down() {
    check_settings
    local master nsd_pid i
    master=$(read_pid "$PF_QUEUE/pid/master.pid")
    if owns "$master"; then
        postfix -c "$PF_ETC" stop >/dev/null 2>&1 || true
        for ((i = 0; i < 50; i++)); do
            pid_alive "$master" || break
            sleep 0.1
        done
        stop_pid "Postfix master" "$master"
    fi
    nsd_pid=$(read_pid "$NSD_DIR/nsd.pid")
    stop_pid "NSD" "$nsd_pid"
    stop_pid "Unbound" "$(read_pid "$UNBOUND_DIR/unbound.pid")"
    stop_pid "the policy server" "$(read_pid "$STATE/policy-server.pid")"
    rm -f "$STATE/env"
    log "down"
}

cmd_up() {
    check_settings
    install_packages
    fresh_state "$NET"
    make_pki
    write_configs
    start_servers
    write_env
    log "up: DNS $DNS_IP:$DNS_PORT, Postfix $(postconf -c "$PF_ETC" -h mail_version) on $MX1/$MX2/$PS; env in $STATE/env"
}

cmd_status() {
    check_settings
    local master nsd_pid
    master=$(read_pid "$PF_QUEUE/pid/master.pid")
    nsd_pid=$(read_pid "$NSD_DIR/nsd.pid")
    owns "$master" && echo "postfix master: pid $master" || echo "postfix: not running"
    owns "$nsd_pid" && echo "nsd: pid $nsd_pid" || echo "nsd: not running"
    ss -ltnupH | grep -E "pid=(${master:-x}|${nsd_pid:-x})," || true
    [[ -r $STATE/env ]] && cat "$STATE/env"
    return 0
}

run_tests() { SMTPPROBE_REAL=1 cargo test --test real_servers "$@" -- --ignored --test-threads=1; }

bed_main "$@"
