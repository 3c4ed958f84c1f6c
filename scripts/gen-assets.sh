#!/usr/bin/env bash
# Generates what the Debian package installs besides the binary, from the binary itself so
# that they always match its flags: the man page, bash/zsh/fish completions, and the
# Nagios/Icinga command definitions of docs/monitoring.md as example files (with the
# packaged binary's path). Writes target/assets/; `cargo deb --no-build` picks them up.
#
#   scripts/gen-assets.sh [BINARY]      (default: target/release/smtpprobe)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/smtpprobe}
out=target/assets
[ -x "$bin" ] || { echo "gen-assets: $bin is missing: run cargo build --release first" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out/examples"
"$bin" man | gzip -9n >"$out/smtpprobe.1.gz"
"$bin" completions bash >"$out/smtpprobe.bash"
"$bin" completions zsh >"$out/_smtpprobe"
"$bin" completions fish >"$out/smtpprobe.fish"

# The first fenced block after the heading $1 in docs/monitoring.md.
block() {
    awk -v heading="$1" '
        $0 == heading { found = 1; next }
        found && /^```/ { if (inside) exit; inside = 1; next }
        inside { print }
    ' docs/monitoring.md | sed 's|/usr/local/bin/smtpprobe|/usr/bin/smtpprobe|g'
}
block '### Nagios command and service' >"$out/examples/nagios-smtpprobe.cfg"
block '### Icinga 2 CheckCommand' >"$out/examples/icinga2-smtpprobe.conf"
for f in "$out"/examples/*; do
    [ -s "$f" ] || { echo "gen-assets: no definition found for $f in docs/monitoring.md" >&2; exit 1; }
done
echo "gen-assets: wrote $(find "$out" -type f | wc -l) files to $out"
