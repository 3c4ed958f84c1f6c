#!/usr/bin/env bash
# Rebuilds the seed corpus of each fuzz target (fuzz/corpus/<target>/) from the recorded
# and reconstructed SMTP conversations in fixtures/ (see fixtures/README.md for where each
# comes from), plus a few hand-written hostile inputs. The input layout of each target is
# described at the top of its file in fuzz_targets/.
set -euo pipefail
cd "$(dirname "$0")"
fx=../fixtures
out=corpus
for t in reply_chunks ehlo session_render explain_input explain_log; do
    rm -rf "${out:?}/$t"
    mkdir -p "$out/$t"
done

# The verb of a command line: "RCPT TO:<x>" -> RCPT.
verb() {
    local v=${1%% *}
    echo "${v%%:*}"
}

for f in "$fx"/transcripts/*.txt "$fx"/postfix/*.txt; do
    name=$(basename "$f" .txt)
    args=()
    checks=0
    blocks=()   # the server's replies between two commands, CRLF line ends
    contexts=() # the command each block answered (GREETING for the first)
    block=""
    context=GREETING
    while IFS= read -r line || [ -n "$line" ]; do
        case "$line" in
        "# vrfy: "*) args+=("${line#\# vrfy: }") && checks=$((checks | 1)) ;;
        "# rcpt: "*) args+=("${line#\# rcpt: }") && checks=$((checks | 4)) ;;
        "S: "*) block+="${line#S: }"$'\r\n' ;;
        "C: "*)
            if [ -n "$block" ]; then
                blocks+=("$block")
                contexts+=("$context")
            fi
            block=""
            context=$(verb "${line#C: }")
            ;;
        esac
    done <"$f"
    if [ -n "$block" ]; then
        blocks+=("$block")
        contexts+=("$context")
    fi
    all=$(printf '%s' "${blocks[@]}")
    # reply_chunks: default limits; and small ones, to reach the limit errors.
    { printf '\0\0\0\0'; printf '%s' "$all"; } >"$out/reply_chunks/$name"
    { printf '\001\040\004\100'; printf '%s' "$all"; } >"$out/reply_chunks/$name-small-limits"
    # ehlo: the EHLO reply alone.
    for i in "${!blocks[@]}"; do
        if [ "${contexts[$i]}" = EHLO ]; then
            printf '%s' "${blocks[$i]}" >"$out/ehlo/$name"
            break
        fi
    done
    # session_render: policy off, canary, names qualified; the checks of the transcript;
    # each reply block one read.
    joined=$(IFS=,; echo "${args[*]:-}")
    {
        printf '\140'
        printf "\\$(printf '%03o' "$checks")"
        printf '%s' "$joined"
        for b in "${blocks[@]}"; do
            printf '\377%s' "$b"
        done
    } >"$out/session_render/$name"
    # explain_input: each reply pasted with the command it answered.
    for i in "${!blocks[@]}"; do
        { printf '@%s\0' "${contexts[$i]}"; printf '%s' "${blocks[$i]//$'\r'/}"; } \
            >"$out/explain_input/$name-$i"
    done
done

# Hand-written: STARTTLS offered and accepted (opportunistic, handshake succeeds), with
# bytes injected after the 220; a hostile greeting with C1, bidi and terminal escapes.
hostile=$'220 mx.example \xe2\x80\xae gpj.exe \xc2\x9b31m \x1b]0;pwned\x07 \xd8\x9c \xe2\x81\xa6 | x\r\n'
{
    printf '\145\001alice'
    printf '\377%s' "$hostile" $'250-mx.example\r\n250-PIPELINING\r\n250 STARTTLS\r\n' \
        $'220 2.0.0 Ready to start TLS\r\n250 injected\r\n' \
        $'250-mx.example\r\n250 SIZE 1000\r\n' $'252 2.0.0 alice\r\n' $'250 2.0.0 Ok\r\n' \
        $'221 2.0.0 Bye\r\n'
} >"$out/session_render/starttls-hostile"
{ printf '\0\0\0\0'; printf '%s' "$hostile"; } >"$out/reply_chunks/hostile-greeting"
printf '%s' $'250-mx \xe2\x80\xae\r\n250-AUTH PLAIN login\r\n250-X-\xc2\x9b one two\r\n250-size 10\r\n250 STARTTLS\r\n' \
    >"$out/ehlo/hostile"
n=0
for seed in 252 5.1.1 '550 5.1.1' '@RCPT' '999' '7.1.1' 'hello' $'250-mx Hello\n250 SIZE' \
    '<<< 421 4.7.0 Try again later' \
    'Nov 28 18:14:21 mx postfix/smtp[123]: ABC: to=<a@b.example>, relay=mx.b.example[192.0.2.1]:25, status=bounced (host mx.b.example[192.0.2.1] said: 550 5.1.1 <a@b.example>: Recipient address rejected: User unknown (in reply to RCPT TO command))' \
    "$hostile"; do
    printf '%s' "$seed" >"$out/explain_input/seed-$n"
    n=$((n + 1))
done
printf '@VRFY\0252\0550 5.1.1\0%s' "$hostile" >"$out/explain_input/compare-after"

# explain_log: the labelled real log lines of fixtures/bounces (Postfix status= and NOQUEUE,
# Exim ** and ==, Sendmail stat=), 40 to a file as a log would hold them; and the hostile
# greeting as the reply of a bounced delivery.
tail -q -n +2 "$fx"/bounces/*.tsv | cut -f1 |
    grep -E 'status=(deferred|bounced)|reject: | \*\* | == |stat=' | sed 's/\\n/\n/g' |
    split -l 40 - "$out/explain_log/real-"
{ printf '%s\n' 'Nov 30 11:30:13 mx postfix/smtpd[2]: NOQUEUE: reject: RCPT from x[192.0.2.1]: 554 5.7.1 <a@b>: Relay access denied'
  printf '%s status=bounced (%s)\n' 'Nov 30 11:30:14 mx postfix/smtp[3]: A1: to=<a@b>, relay=m[192.0.2.2]:25, dsn=5.0.0,' "$hostile"
} >"$out/explain_log/hostile"
