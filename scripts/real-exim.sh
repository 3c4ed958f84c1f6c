#!/usr/bin/env bash
# Real Exim 4 (Debian 12: exim4-daemon-light 4.96, GnuTLS) on loopback for smtpprobe's
# opt-in tests in tests/real_exim.rs.
#
#   scripts/real-exim.sh up      fetch and extract the Exim packages if needed (never
#                                installed: apt-get install exim4 would remove Postfix),
#                                install their missing libraries, make a test CA, generate
#                                the configurations with Debian's own update-exim4.conf,
#                                start one Exim daemon per configuration, write $STATE/env
#   scripts/real-exim.sh down    stop every daemon this script started (idempotent)
#   scripts/real-exim.sh test    up, run SMTPPROBE_EXIM=1 cargo test --test real_exim
#                                -- --ignored --test-threads=1, down whatever happens;
#                                extra arguments go to cargo test (a name filter)
#   scripts/real-exim.sh status  show what is running and what it listens on
#
# Everything listens on 127.0.7.x only (SMTPPROBE_EXIM_NET, default 127.0.7); every file the
# servers use lives under $SMTPPROBE_EXIM_DIR (default /tmp/smtpprobe-real-exim), the
# extracted packages under $SMTPPROBE_EXIM_PKGS (default /tmp/smtpprobe-real-exim-pkgs,
# kept across runs). Needs root (port 25, Exim's privilege handling).
#
# Accounts: Exim runs as Debian-exim (created with useradd --system if missing, as the
# package's postinst would), and the local users alice and bob are system accounts
# (useradd --system, no home, no shell; created if missing) because Debian's local_user
# router finds users with check_local_user (getpwnam). They are left in place by `down`.
#
# The configurations, one daemon each (Debian's generated configuration, type "local",
# plus the few macros and options named):
#
#   $NET.11 :25   default  Debian's defaults: relay_from_hosts = 127.0.0.1 : ::1 (so a
#                          probe from 127.0.0.1 may relay: an open relay as seen from
#                          here), no acl_smtp_vrfy/expn (VRFY 252, EXPN 550), STARTTLS
#                          with the certificate Exim makes on the fly (no tls_certificate)
#   $NET.12 :25   closed   MAIN_RELAY_NETS empty: relaying refused ("relay not permitted"),
#                          RCPT verified; STARTTLS with a certificate from the test CA for
#                          mx.exim.test; :465 implicit TLS (tls_on_connect_ports);
#                          :587 AUTH PLAIN advertised only after STARTTLS
#   $NET.13 :25   vrfy     closed + acl_smtp_vrfy = accept, acl_smtp_expn = accept (VRFY
#                          and EXPN answered), the list staff (alice, bob) in its aliases;
#                          GnuTLS limited to TLS 1.0/1.1 (tls_require_ciphers), so the
#                          handshake after STARTTLS fails with a modern client
#   $NET.14 :25   defer    closed + every RCPT deferred (a greylisting-like ACL: 451) and a
#                          two-line greeting (smtp_banner with a newline); TLS 1.2 only
#   $NET.15 :25   drop     closed + EHLO refused by acl_smtp_helo (HELO accepted), and every
#                          RCPT answered by "drop" (Exim then closes the connection)
#   $NET.16 :25   busy     closed + acl_smtp_connect that says "defer": Exim's greeting is
#                          then "451 4.3.2 …" and it closes the connection
#   $NET.17 :25   notls    closed, but tls_advertise_hosts empty: no STARTTLS (what Exim
#                          before 4.92 did without a certificate)
#   $NET.18 :25   deny     closed + acl_smtp_connect that says "deny" (as a DNSBL check at
#                          connect time does): Exim's greeting is "550 5.7.1 …", then close
#   $NET.53 :53   NSD      authoritative for exim.test (MX mx.exim.test, the name in every
#                          instance's greeting: the servers' own domain), elsewhere.test
#                          (MX mx.elsewhere.test, 192.0.2.25: a domain whose mail goes
#                          elsewhere, for --relay-test=ADDR) and nullmx.test (MX 0 .). The
#                          probe needs DNS to tell relaying from a catch-all: it looks up
#                          every recipient domain (docs/json.md, checks[]); nothing is ever
#                          sent to 192.0.2.25.
set -euo pipefail

# Findings of a live Exim run not fixed yet: their tests assert what is right and fail
# today; `test` skips them unless EXIM_OPEN=1. The six findings of the first run
# (2026-12-03) are fixed; the list stays for the next ones.
OPEN_FINDINGS=()

BED=real-exim
TESTS="Exim tests"
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib/bed.sh
. "$ROOT/scripts/lib/bed.sh"
STATE=${SMTPPROBE_EXIM_DIR:-/tmp/smtpprobe-real-exim}
PKGS=${SMTPPROBE_EXIM_PKGS:-/tmp/smtpprobe-real-exim-pkgs}
UNPACKED=$PKGS # see owns in lib/bed.sh
NET=${SMTPPROBE_EXIM_NET:-127.0.7}
DOMAIN=exim.test         # the local mail domain of every instance
HOSTNAME_=mx.$DOMAIN     # primary_hostname (banner, EHLO, certificate name)
INSTANCES=(default closed vrfy defer drop busy notls deny)
declare -A ADDR=([default]=$NET.11 [closed]=$NET.12 [vrfy]=$NET.13 [defer]=$NET.14 [drop]=$NET.15 [busy]=$NET.16 [notls]=$NET.17 [deny]=$NET.18)
declare -A PORTS=([default]=25 [closed]="25 465 587" [vrfy]=25 [defer]=25 [drop]=25 [busy]=25 [notls]=25 [deny]=25)
DNS_IP=$NET.53
DEBS=(exim4-daemon-light exim4-base exim4-config)
EXIM=$PKGS/root/usr/sbin/exim4
PKI=$STATE/pki

check_settings() {
    check_net SMTPPROBE_EXIM_NET "$NET"
    check_dir "$STATE" "$STATE"
    check_dir "$PKGS" "$PKGS"
    check_root "port 25, Exim's privilege handling"
}

# --- packages ----------------------------------------------------------------

# The Exim packages are downloaded and extracted, never installed: installing exim4 would
# remove Postfix (both provide mail-transport-agent). Only their libraries are installed,
# and only after a simulation shows that nothing would be removed.
fetch_exim() {
    extract_debs "$PKGS/root" "$PKGS/apt.log" "${DEBS[@]}"
    # Library dependencies (libidn12 is the one a Postfix machine usually lacks), the tools
    # used here, and /etc/services (netbase, which exim4-base depends on).
    local deps=() missing=()
    mapfile -t deps < <(dpkg-deb -f "$PKGS"/root.debs/exim4-daemon-light_*.deb Depends |
        tr ',' '\n' | sed -E 's/\(.*\)//; s/\|.*//; s/[[:space:]]//g' | grep -E '^lib' || true)
    mapfile -t missing < <(missing_packages "${deps[@]}" iproute2 openssl nsd bind9-dnsutils netbase)
    if ((${#missing[@]})); then
        # No packaged daemon (NSD) may start itself on every interface.
        apt_install --no-remove --disable nsd "$PKGS/apt.log" "${missing[@]}"
    fi
    ldd "$EXIM" | grep -q 'not found' && die "$EXIM: $(ldd "$EXIM" | grep 'not found')"
    return 0
}

ensure_accounts() {
    ensure_user Debian-exim Debian-exim /var/spool/exim4 "Exim's compiled-in exim_user"
    local u
    for u in alice bob; do
        ensure_user "$u" "$u" /nonexistent "a local mailbox for Exim's check_local_user"
    done
}

# --- certificates ------------------------------------------------------------

make_pki() {
    mkdir -p "$PKI"
    (
        cd "$PKI"
        umask 077
        make_ca "smtpprobe real-exim test CA"
        make_cert mx "$HOSTNAME_" "DNS:$HOSTNAME_"
        chmod 644 ca.pem mx.pem
        chgrp Debian-exim mx.key
        chmod 640 mx.key
    )
}

# --- configuration -----------------------------------------------------------

# Debian's exim4.conf.localmacros for one instance: macros win over the generated ones
# (those are all .ifndef), and main options the template never sets.
localmacros() { # instance
    local i=$1 dir=$STATE/$1 a=${ADDR[$1]} p ifaces=""
    for p in ${PORTS[$1]}; do ifaces+="${ifaces:+ ; }$a.$p"; done
    cat <<EOF
# smtpprobe real-exim.sh: instance $i
CONFDIR = $dir/etc
SPOOLDIR = $dir/spool
MAIN_HARDCODE_PRIMARY_HOSTNAME = $HOSTNAME_
# What /etc/mailname gives on an installed Debian (qualify_domain: EXPN members, bare names).
ETC_MAILNAME = $DOMAIN
MAIN_LOCAL_INTERFACES = <; $ifaces
log_file_path = $dir/log/%slog
pid_file_path = $dir/exim.pid
EOF
    case $i in
    default) ;;
    notls) echo "MAIN_RELAY_NETS = :" ;;
    *)
        cat <<EOF
MAIN_RELAY_NETS = :
MAIN_TLS_ENABLE = yes
MAIN_TLS_CERTIFICATE = $PKI/mx.pem
MAIN_TLS_PRIVATEKEY = $PKI/mx.key
EOF
        ;;
    esac
    case $i in
    closed) echo "tls_on_connect_ports = 465" ;;
    notls) echo "tls_advertise_hosts =" ;;
    vrfy)
        printf '%s\n' "acl_smtp_vrfy = accept" "acl_smtp_expn = accept" \
            "tls_require_ciphers = NORMAL:-VERS-ALL:+VERS-TLS1.1:+VERS-TLS1.0"
        ;;
    defer)
        echo "tls_require_ciphers = NORMAL:-VERS-TLS1.3"
        # The banner's \n makes a two-line 220 reply.
        # shellcheck disable=SC2016 # $… are Exim expansions
        printf '%s\n' 'smtp_banner = $smtp_active_hostname ESMTP Exim $version_number $tod_full\nNo UCE here: real-exim test bed' \
            "CHECK_RCPT_LOCAL_ACL_FILE = $dir/etc/rcpt-defer.acl"
        printf '%s\n' "  defer" "    message = 4.7.1 Greylisted, please try again later" \
            "    log_message = greylisted (real-exim test)" >"$dir/etc/rcpt-defer.acl"
        ;;
    drop)
        printf '%s\n' "acl_smtp_helo = acl_check_helo_real" \
            "CHECK_RCPT_LOCAL_ACL_FILE = $dir/etc/rcpt-drop.acl"
        printf '%s\n' "  drop" "    message = 5.7.1 Too many connections from your network, closing" \
            "    log_message = dropped (real-exim test)" >"$dir/etc/rcpt-drop.acl"
        ;;
    esac
}

# Debian's configuration as update-exim4.conf generates it from the package's template and
# debconf's answers (type "local", the default), once; every instance starts from it.
generate_debian_config() {
    local gen=$STATE/debian
    mkdir -p "$gen"
    cp -r "$PKGS/root/etc/exim4/." "$gen/"
    cat >"$gen/update-exim4.conf.conf" <<EOF
dc_eximconfig_configtype='local'
dc_other_hostnames='$DOMAIN'
dc_local_interfaces='${ADDR[default]}'
dc_readhost=''
dc_relay_domains=''
dc_minimaldns='false'
dc_relay_nets=''
dc_smarthost=''
CFILEMODE='644'
dc_use_split_config='false'
dc_hide_mailname=''
dc_mailname_in_oh='true'
dc_localdelivery='mail_spool'
EOF
    PATH=$PKGS/root/usr/sbin:$PATH bash "$PKGS/root/usr/sbin/update-exim4.conf" \
        -d "$gen" -o "$gen/exim4.conf" 2>"$gen/update.log" ||
        die "update-exim4.conf failed: $(cat "$gen/update.log")"
}

write_instance() { # instance
    local i=$1 dir=$STATE/$1
    mkdir -p "$dir/etc" "$dir/spool" "$dir/log"
    # update-exim4.conf puts exim4.conf.localmacros in front of the template (it only looks
    # for /etc/exim4/exim4.conf.localmacros, whatever -d says, so do it here): its macros
    # win over the generated ones, which are all .ifndef.
    localmacros "$i" >"$dir/etc/exim4.conf.localmacros"
    cat "$dir/etc/exim4.conf.localmacros" "$STATE/debian/exim4.conf" >"$dir/exim4.conf"
    # The two paths the template hard-codes: the aliases file and exim_path.
    sed -i -e "s|lsearch{/etc/aliases}|lsearch{$dir/etc/aliases}|" \
        -e "s|^exim_path = .*|exim_path = $EXIM|" "$dir/exim4.conf"
    printf '%s\n' "postmaster: root" "staff: alice, bob" >"$dir/etc/aliases"
    if [[ $i == busy || $i == deny ]]; then
        local verb=defer text="4.3.2 Service temporarily unavailable, try again later"
        [[ $i == deny ]] && verb=deny text="5.7.1 Your address is listed in a blocklist, connection refused"
        sed -i -e "s|^begin acl\$|acl_smtp_connect = acl_check_connect_real\\
\\
begin acl\\
\\
acl_check_connect_real:\\
  $verb\\
    message = $text\\
|" "$dir/exim4.conf"
    fi
    if [[ $i == drop ]]; then
        # EHLO refused (HELO accepted): a server that only speaks RFC 821.
        # shellcheck disable=SC2016 # ${if …} and $smtp_command are Exim expansions
        sed -i -e '/^begin acl/a\
\
acl_check_helo_real:\
  deny\
    condition = ${if match{$smtp_command}{\\N^(?i)ehlo\\N}}\
    message = 5.5.2 EHLO not accepted here, use HELO\
  accept\
' "$dir/exim4.conf"
    fi
    if [[ $i == closed ]]; then
        # AUTH only over TLS (RFC 4954 §4's advice; Debian's example authenticators use
        # the same condition). The check never succeeds: no password is accepted.
        cat >>"$dir/exim4.conf" <<'EOF'

plain_server:
  driver = plaintext
  public_name = PLAIN
  server_prompts = :
  server_condition = false
  server_advertise_condition = ${if def:tls_in_cipher}
EOF
    fi
    chown -R Debian-exim:Debian-exim "$dir/spool" "$dir/log"
    "$EXIM" -C "$dir/exim4.conf" -bV >"$dir/bV.log" 2>&1 ||
        die "Exim rejects the configuration of $i: $(tail -5 "$dir/bV.log")"
}

write_dns() {
    local d=$STATE/nsd z
    mkdir -p "$d/xfr"
    nsd_conf "$d" "$DNS_IP" >"$d/nsd.conf"
    for z in $DOMAIN elsewhere.test nullmx.test; do
        nsd_zone "$z" >>"$d/nsd.conf"
        printf '%s\n' "\$ORIGIN $z." "\$TTL 300" \
            "@ IN SOA ns.$z. hostmaster.$z. 1 3600 600 86400 300" \
            "@ IN NS ns.$z." "ns IN A $DNS_IP" >"$d/$z.zone"
    done
    printf '%s\n' "@ IN MX 10 mx" "mx IN A ${ADDR[closed]}" >>"$d/$DOMAIN.zone"
    printf '%s\n' "@ IN MX 10 mx" "mx IN A 192.0.2.25" >>"$d/elsewhere.test.zone"
    printf '%s\n' "@ IN MX 0 ." >>"$d/nullmx.test.zone"
    for z in $DOMAIN elsewhere.test nullmx.test; do
        nsd-checkzone "$z" "$d/$z.zone" >/dev/null
    done
    nsd-checkconf "$d/nsd.conf"
}

# --- start, wait, stop -------------------------------------------------------

dns_answers() { dns_answers_at "$DNS_IP" 53 "mx.$DOMAIN" "${ADDR[closed]}"; }

smtp_refuses() { # ip port: reads a 4xx/5xx greeting line (the busy and deny instances)
    # shellcheck disable=SC2016 # expanded by the inner bash
    timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1" && IFS= read -r line <&3 && [[ $line == [45][0-9][0-9]* ]]' \
        "$1" "$2" 2>/dev/null
}

daemon_pids() {
    local i p
    for i in "${INSTANCES[@]}"; do
        p=$(read_pid "$STATE/$i/exim.pid")
        owns "$p" && echo "$p"
    done
    p=$(read_pid "$STATE/nsd/nsd.pid")
    owns "$p" && echo "$p"
    return 0
}

# Every listening socket of our daemons must be on 127.0.7.x (our prefix).
check_loopback() {
    local pids=()
    mapfile -t pids < <(daemon_pids)
    ((${#pids[@]})) || die "no Exim daemon pids found"
    check_listening "^${NET//./\\.}\\.[0-9]+:[0-9]+\$" "outside $NET.x" "$NET.x only" "${pids[@]}"
}

start_servers() {
    local i p
    log "starting NSD on $DNS_IP:53"
    nsd -c "$STATE/nsd/nsd.conf"
    wait_until "NSD" dns_answers
    for i in "${INSTANCES[@]}"; do
        log "starting Exim '$i' on ${ADDR[$i]} (ports ${PORTS[$i]})"
        "$EXIM" -C "$STATE/$i/exim4.conf" -bd -oP "$STATE/$i/exim.pid" ||
            die "exim -bd ($i) failed: $(tail -5 "$STATE/$i/log/paniclog" 2>/dev/null)"
    done
    for i in "${INSTANCES[@]}"; do
        for p in ${PORTS[$i]}; do
            if [[ $i == busy || $i == deny ]]; then
                wait_until "Exim $i ${ADDR[$i]}:$p" smtp_refuses "${ADDR[$i]}" "$p"
            elif [[ $p == 465 ]]; then
                wait_until "Exim $i ${ADDR[$i]}:$p (TLS)" smtp_answers "${ADDR[$i]}" "$p" tls "$HOSTNAME_"
            else
                wait_until "Exim $i ${ADDR[$i]}:$p" smtp_answers "${ADDR[$i]}" "$p"
            fi
        done
    done
    check_loopback
}

write_env() {
    cat >"$STATE/env.tmp" <<EOF
SMTPPROBE_EXIM_DIR=$STATE
SMTPPROBE_EXIM_DOMAIN=$DOMAIN
SMTPPROBE_EXIM_HOSTNAME=$HOSTNAME_
SMTPPROBE_EXIM_CA=$PKI/ca.pem
SMTPPROBE_EXIM_RESOLVER=$DNS_IP:53
SMTPPROBE_EXIM_DEFAULT=${ADDR[default]}
SMTPPROBE_EXIM_CLOSED=${ADDR[closed]}
SMTPPROBE_EXIM_VRFY=${ADDR[vrfy]}
SMTPPROBE_EXIM_DEFER=${ADDR[defer]}
SMTPPROBE_EXIM_DROP=${ADDR[drop]}
SMTPPROBE_EXIM_BUSY=${ADDR[busy]}
SMTPPROBE_EXIM_NOTLS=${ADDR[notls]}
SMTPPROBE_EXIM_DENY=${ADDR[deny]}
SMTPPROBE_EXIM_VERSION=$("$EXIM" -C "$STATE/default/exim4.conf" -bV 2>/dev/null | sed -n 's/^Exim version \([^ ]*\).*/\1/p')
EOF
    mv "$STATE/env.tmp" "$STATE/env"
}

cmd_down() {
    check_settings
    local pids=()
    mapfile -t pids < <(daemon_pids)
    stop_pids "Exim or NSD" "${pids[@]}"
    rm -f "$STATE/env"
    log "down"
}

cmd_up() {
    check_settings
    fetch_exim
    ensure_accounts
    fresh_state "$NET"
    make_pki
    local i
    generate_debian_config
    for i in "${INSTANCES[@]}"; do write_instance "$i"; done
    write_dns
    start_servers
    write_env
    log "up: Exim $("$EXIM" -C "$STATE/default/exim4.conf" -bV 2>/dev/null | sed -n 's/^Exim version \([^ ]*\).*/\1/p') on $NET.11-18; env in $STATE/env; logs in $STATE/*/log/mainlog"
}

cmd_status() {
    check_settings
    local i p
    for i in "${INSTANCES[@]}"; do
        p=$(read_pid "$STATE/$i/exim.pid")
        if owns "$p"; then echo "exim $i: pid $p"; else echo "exim $i: not running"; fi
    done
    p=$(read_pid "$STATE/nsd/nsd.pid")
    if owns "$p"; then echo "nsd: pid $p"; else echo "nsd: not running"; fi
    local pids
    pids=$(daemon_pids | paste -sd'|')
    [[ -n $pids ]] && { ss -ltnpH | grep -E "pid=($pids)," || true; }
    [[ -r $STATE/env ]] && cat "$STATE/env"
    return 0
}

# Tests of findings not fixed yet (see tests/real_exim.rs, each test's comment): skipped
# unless EXIM_OPEN=1, so that `test` passes on what is fixed.
run_tests() {
    local skip=() t
    if [[ ${EXIM_OPEN:-0} != 1 ]]; then
        for t in "${OPEN_FINDINGS[@]}"; do skip+=(--skip "$t"); done
    fi
    SMTPPROBE_EXIM=1 cargo test --test real_exim "$@" -- --ignored --test-threads=1 "${skip[@]}"
}

bed_main "$@"
