# shellcheck shell=bash
# What the three real-server beds share (scripts/real-servers.sh, real-exim.sh, real-mtas.sh):
# logging, settings checks, apt-get with no service starting, Debian packages downloaded and
# unpacked without being installed, system users, the test CA, waiting for a daemon to
# answer, stopping daemons, the check that they listen where they should, NSD's
# configuration, and the command line (up|down|test|status) with its traps, which stop the
# servers whatever happens.
#
# Sourced by each script after it has set
#   BED      its name in log lines (real-servers, real-exim, real-mtas)
#   TESTS    what its tests are called in the timing line ("Exim tests")
#   ROOT     the repository; STATE its state directory; PKI where its test CA is
# and it defines check_settings, cmd_up, cmd_down, cmd_status and run_tests (its cargo
# test, run by `test` in $ROOT with the bed's env file in the environment), then ends with
# `bed_main "$@"`. A bed that runs daemons unpacked from Debian's packages sets UNPACKED
# to where they are (see owns).

: "${BED:?}" "${TESTS:?}" "${ROOT:?}"

log() { printf '%s: %s\n' "$BED" "$*" >&2; }
die() {
    log "error: $*"
    exit 1
}

# --- settings ----------------------------------------------------------------

check_net() { # what prefix: a 127.x.y prefix (loopback only)
    [[ $2 =~ ^127\.[0-9]{1,3}\.[0-9]{1,3}$ ]] ||
        die "$1=$2: must be a 127.x.y prefix (loopback only)"
}

check_dir() { # what dir: everything the bed writes is under an absolute path naming smtpprobe
    case $2 in
    /*smtpprobe*) ;;
    *) die "$1: must be an absolute path containing 'smtpprobe'" ;;
    esac
}

check_root() { # why
    [[ $(id -u) == 0 ]] || die "must run as root ($1)"
}

# --- packages ----------------------------------------------------------------

apt_() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 "$@"; }

missing_packages() { # package...: prints those not installed, one a line
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
            echo "$p"
    done
}

# A policy-rc.d that forbids starting services, while apt-get runs: packaged daemons (NSD,
# Postfix, Unbound) would start with default configurations that listen everywhere. Only
# ever removed by us if we made it; the EXIT traps remove it too (drop_policy).
POLICY_RC=/usr/sbin/policy-rc.d
POLICY_OURS=0
hold_services() {
    [[ -e $POLICY_RC ]] && return 0
    printf '#!/bin/sh\n# smtpprobe %s.sh: no service starts during apt-get\nexit 101\n' "$BED" >"$POLICY_RC"
    chmod 755 "$POLICY_RC"
    POLICY_OURS=1
}
drop_policy() {
    if ((POLICY_OURS)); then
        rm -f "$POLICY_RC"
        POLICY_OURS=0
    fi
}

# apt-get update, then apt-get install --no-install-recommends with no service starting.
# --no-remove: simulate first and install nothing if anything would be removed (Postfix
# above all). --disable "NAMES": where systemd runs, those services are then disabled and
# stopped (we run our own instances). The output goes to LOG; its tail is shown on failure.
apt_install() { # [--no-remove] [--disable "service..."] log package...
    local no_remove=0 disable=""
    while [[ $1 == --* ]]; do
        case $1 in
        --no-remove) no_remove=1 ;;
        --disable)
            disable=$2
            shift
            ;;
        *) die "apt_install: unknown option $1" ;;
        esac
        shift
    done
    local aptlog=$1 rc=0
    shift
    log "installing $*"
    apt_ update -qq >"$aptlog" 2>&1 || log "apt-get update failed (see $aptlog); installing all the same"
    if ((no_remove)); then
        local sim
        sim=$(apt_ install -s --no-install-recommends "$@" 2>&1) ||
            die "apt-get install -s $* failed: $sim"
        if grep -q '^Remv' <<<"$sim"; then
            die "installing $* would remove: $(grep '^Remv' <<<"$sim" | tr '\n' ' ')"
        fi
    fi
    hold_services
    apt_ install -y -qq --no-install-recommends "$@" >>"$aptlog" 2>&1 || rc=$?
    drop_policy
    if ((rc != 0)); then
        tail -20 "$aptlog" >&2
        die "apt-get install $* failed (see $aptlog)"
    fi
    if [[ -n $disable && -d /run/systemd/system ]]; then
        # shellcheck disable=SC2086 # a list of names
        systemctl disable --now $disable >/dev/null 2>&1 || true
    fi
}

# Debian packages fetched with apt-get download and unpacked with dpkg-deb -x into ROOT,
# never installed (an MTA package would replace Postfix); the .deb files stay in ROOT.debs.
# Done once: ROOT/.done marks a complete unpacking. A failed download is tried again after
# apt-get update (a machine with no or stale package lists).
extract_debs() { # root log package...
    local root=$1 aptlog=$2 deb
    shift 2
    [[ -e $root/.done ]] && return 0
    log "downloading and extracting $* into $root (not installed)"
    rm -rf "$root.debs" "$root.tmp"
    mkdir -p "$root.debs" "$root.tmp"
    chmod 777 "$root.debs" # apt-get download runs as _apt when it can
    (cd "$root.debs" && apt_ download "$@") >"$aptlog" 2>&1 || {
        apt_ update -qq >>"$aptlog" 2>&1 || true
        (cd "$root.debs" && apt_ download "$@") >>"$aptlog" 2>&1 ||
            die "apt-get download $* failed (see $aptlog)"
    }
    for deb in "$root.debs"/*.deb; do dpkg-deb -x "$deb" "$root.tmp"; done
    rm -rf "$root"
    mv "$root.tmp" "$root"
    touch "$root/.done"
}

# A system account as a package's maintainer script makes it (no home, no shell); created
# when missing, left in place by `down`.
ensure_user() { # user group home [why]
    getent group "$2" >/dev/null || groupadd --system "$2"
    if ! getent passwd "$1" >/dev/null; then
        log "creating the system user $1${4:+ ($4)}"
        useradd --system --gid "$2" --home-dir "$3" --no-create-home \
            --shell /usr/sbin/nologin "$1"
    fi
}

# --- certificates ------------------------------------------------------------

# In the current directory: ca.key and ca.pem, a test CA (P-256, 30 days).
make_ca() { # common name
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
        -keyout ca.key -out ca.pem -days 30 -sha256 \
        -subj "/O=smtpprobe/CN=$1" \
        -addext "basicConstraints=critical,CA:TRUE" \
        -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -addext "subjectKeyIdentifier=hash" 2>/dev/null
}

# In the current directory: FILE.key and FILE.pem, a server certificate from the test CA
# (30 days); its key P-256 unless key options are given (-newkey rsa:2048).
make_cert() { # file common-name subjectAltName [key options...]
    local file=$1 cn=$2 sans=$3
    shift 3
    (($#)) || set -- -newkey ec -pkeyopt ec_paramgen_curve:P-256
    openssl req "$@" -nodes -keyout "$file.key" -out "$file.csr" \
        -subj "/O=smtpprobe/CN=$cn" 2>/dev/null
    printf '%s\n' \
        "basicConstraints=critical,CA:FALSE" \
        "keyUsage=critical,digitalSignature" \
        "extendedKeyUsage=serverAuth" \
        "subjectAltName=$sans" \
        "subjectKeyIdentifier=hash" \
        "authorityKeyIdentifier=keyid" >"$file.ext"
    openssl x509 -req -in "$file.csr" -CA ca.pem -CAkey ca.key \
        -set_serial "0x$(openssl rand -hex 12)" -days 30 -sha256 \
        -extfile "$file.ext" -out "$file.pem" 2>/dev/null
    rm -f "$file.csr" "$file.ext"
}

# --- start, wait, stop -------------------------------------------------------

smtp_answers() { # ip port [tls name]: reads a 220 greeting, then says QUIT
    if [[ ${3:-} == tls ]]; then
        # Implicit TLS: also proves the certificate chain and name against the test CA.
        local greeting
        greeting=$(printf 'QUIT\r\n' | timeout 3 openssl s_client -quiet -connect "$1:$2" \
            -CAfile "$PKI/ca.pem" -verify_hostname "$4" -verify_return_error 2>/dev/null |
            head -1) || true
        [[ $greeting == 220* ]]
    else
        # shellcheck disable=SC2016 # expanded by the inner bash
        timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1" && IFS= read -r line <&3 && [[ $line == 220* ]] && printf "QUIT\r\n" >&3' \
            "$1" "$2" 2>/dev/null
    fi
}

dns_answers_at() { # server port name address: the server gives address as name's A record
    [[ $(dig +short +time=1 +tries=1 -p "$2" "@$1" "$3" A 2>/dev/null) == "$4" ]]
}

wait_until() { # description command...: 15 s at most
    local what=$1 deadline=$((SECONDS + 15))
    shift
    until "$@"; do
        ((SECONDS < deadline)) || die "$what did not answer within 15 s"
        sleep 0.1
    done
}

pid_alive() { [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null; }

read_pid() { if [[ -r $1 ]]; then tr -dc '0-9' <"$1"; fi; }

# Whether a pid read from one of our pid files is a live process of ours: a pid file can
# outlive its process (a machine restarted, a bed killed), and its pid be reused by anything
# since. Ours: its executable is under $UNPACKED (where a bed unpacks the daemons it runs,
# if it does), or its working directory or command line is under $STATE (NSD, Unbound and
# Exim are given their configuration there; Postfix's master works in its queue there).
owns() { # pid
    pid_alive "${1:-}" || return 1
    local exe cwd
    exe=$(readlink "/proc/$1/exe" 2>/dev/null) || return 1
    [[ -n ${UNPACKED:-} && $exe == "$UNPACKED"/* ]] && return 0
    cwd=$(readlink "/proc/$1/cwd" 2>/dev/null) || true
    [[ $cwd == "$STATE"/* ]] && return 0
    tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF "$STATE/"
}

# SIGTERM to every pid that is ours, all at once; up to 5 s for them to exit; then SIGKILL.
stop_pids() { # what pid...
    local what=$1 p i alive pids=()
    shift
    for p in "$@"; do
        owns "$p" && kill -TERM "$p" 2>/dev/null && pids+=("$p")
    done
    for ((i = 0; i < 50; i++)); do
        alive=0
        for p in "${pids[@]}"; do pid_alive "$p" && alive=1; done
        ((alive)) || return 0
        sleep 0.1
    done
    for p in "${pids[@]}"; do
        if pid_alive "$p"; then
            log "$what (pid $p) ignored SIGTERM, killing"
            kill -KILL "$p" 2>/dev/null || true
        fi
    done
}

stop_pid() { stop_pids "$1" "${2:-}"; } # what pid

# Nothing may listen on the bed's prefix before it starts: a daemon left over from an
# earlier bed whose state directory is gone would hold the ports, and ours would never
# answer. Says who holds them instead.
check_free() { # prefix (127.x.y)
    local taken
    taken=$(ss -ltnupH | awk -v net="$1." 'index($5, net) == 1 { print $5, $7 }' || true)
    [[ -z $taken ]] || die "already listening on $1.x (left over from an earlier run?): $(tr '\n' ' ' <<<"$taken")"
}

# Before starting: whatever a previous `up` left running stopped (cmd_down), the prefix
# free (check_free), and an empty state directory.
fresh_state() { # prefix
    cmd_down 2>/dev/null
    check_free "$1"
    rm -rf "$STATE"
    mkdir -p "$STATE"
    chmod 755 "$STATE"
}

# Every listening socket of our daemons (the pids given) must match RE (address:port).
check_listening() { # re where label pid...
    local re=$1 where=$2 label=$3 ours bad
    shift 3
    (($#)) || die "no daemon pids found"
    ours=$(ss -ltnupH | grep -E "pid=($(
        IFS='|'
        echo "$*"
    ))," | awk '{print $5}' || true)
    [[ -n $ours ]] || die "cannot see the daemons' sockets with ss"
    bad=$(grep -Ev "$re" <<<"$ours" || true)
    [[ -z $bad ]] || die "listening $where: $bad"
    log "listening ($label): $(sort -u <<<"$ours" | tr '\n' ' ')"
}

# --- NSD ---------------------------------------------------------------------

# The server part of an nsd.conf: authoritative only, on ip:53, every file in dir, no
# chroot, no user change, no remote control; zone stanzas (nsd_zone) follow.
nsd_conf() { # dir ip
    cat <<EOF
server:
    ip-address: $2
    port: 53
    do-ip4: yes
    do-ip6: no
    username: ""
    chroot: ""
    zonesdir: "$1"
    database: ""
    zonelistfile: "$1/zone.list"
    xfrdfile: "$1/xfrd.state"
    xfrdir: "$1/xfr"
    pidfile: "$1/nsd.pid"
    logfile: "$1/nsd.log"
    server-count: 1
    verbosity: 1
    hide-version: yes
    hide-identity: yes
    refuse-any: yes
remote-control:
    control-enable: no
EOF
}

nsd_zone() { # name: its zone file is name.zone in the zonesdir
    printf 'zone:\n    name: "%s"\n    zonefile: "%s.zone"\n' "$1" "$1"
}

# --- the command line --------------------------------------------------------

# `test`: up, the bed's tests (run_tests with its arguments, in $ROOT, with $STATE/env in
# the environment), down whatever happens; exits with the tests' status.
bed_test() {
    check_settings
    trap 'drop_policy; cmd_down' EXIT
    local t0 t1 t2 rc=0
    t0=$EPOCHREALTIME
    cmd_up
    t1=$EPOCHREALTIME
    (
        cd "$ROOT"
        set -a
        # shellcheck disable=SC1091
        . "$STATE/env"
        set +a
        run_tests "$@"
    ) || rc=$?
    t2=$EPOCHREALTIME
    log "$(awk -v a="$t0" -v b="$t1" -v c="$t2" -v what="$TESTS" \
        'BEGIN { printf "timing: servers up in %.1f s, %s in %.1f s", b - a, what, c - b }')"
    return "$rc"
}

bed_main() {
    # The EXIT traps stop the servers; signals exit through them too.
    trap 'exit 129' HUP
    trap 'exit 130' INT
    trap 'exit 143' TERM
    case ${1:-} in
    up)
        check_settings
        # A failed start leaves nothing running.
        trap 'rc=$?; drop_policy; ((rc == 0)) || cmd_down; exit $rc' EXIT
        cmd_up
        ;;
    down) cmd_down ;;
    status) cmd_status ;;
    test)
        shift
        bed_test "$@"
        ;;
    *)
        echo "usage: $0 up|down|test [cargo test args]|status" >&2
        exit 3
        ;;
    esac
}
