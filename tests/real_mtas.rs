//! Opt-in tests of the built `smtpprobe` binary against real MTAs other than Postfix, on
//! loopback (127.0.8.x): OpenSMTPD 6.8 and Sendmail 8.17 from Debian 12's packages, run
//! from the extracted packages (never installed: they would remove Postfix) by
//! `scripts/real-mtas.sh`, with NSD serving the bed's domain `mtas.smtpprobe.test`.
//!
//! Opt-in like `tests/real_servers.rs`: every test is `#[ignore]`d, so plain `cargo test`
//! passes anywhere; asked for with `--ignored` but without `SMTPPROBE_MTAS` set, a test fails
//! with a message saying how to run it (it never passes without having talked to the MTAs).
//! `scripts/real-mtas.sh test` starts the servers, runs
//! `SMTPPROBE_MTAS=1 cargo test --test real_mtas -- --ignored --test-threads=1` and stops the
//! servers whatever happens.
//!
//! Addresses come from `$SMTPPROBE_MTAS_DIR/env` (default `/tmp/smtpprobe-real-mtas/env`),
//! written by `scripts/real-mtas.sh up`; variables of the same names in the environment win.
//!
//! What each test asserts is what the server really did (its log, the transcript), not what
//! the probe said when the test was written: where the two differed, the assertion's message
//! starts with "finding N" (N numbers the discrepancy in the report of the session that wrote
//! these tests: the MTA, configuration, transcript and the reference for the right answer).

#[path = "common/bed.rs"]
mod bed;

use bed::{
    Run, assert_explained_and_no_data, check, commands, finding_ids, servers, steps, strings,
    target,
};
use serde_json::Value;
use std::process::Command;

/// Where the MTAs are.
struct Mtas {
    resolver: String,
    ca: String,
    domain: String,
    /// OpenSMTPD: the MX (25 STARTTLS, 465, 587), Debian's rules, 451 at RCPT, 421 at MAIL.
    osd: String,
    osd_deb: String,
    osd_defer: String,
    osd_drop: String,
    /// OpenSMTPD refusing EHLO with 502 (HELO accepted).
    osd_helo: String,
    osd_name: String,
    /// Sendmail: Debian's privacy flags + STARTTLS + 465; `goaway` and closed to relaying;
    /// relaying for 127.0.0.0/8.
    sm: String,
    sm_priv: String,
    sm_relay: String,
    sm_name: String,
}

impl Mtas {
    /// `LABEL.mtas.smtpprobe.test`
    fn name(&self, label: &str) -> String {
        format!("{label}.{}", self.domain)
    }
}

const NOT_ENABLED: &str = "real-MTA test run without the MTAs: SMTPPROBE_MTAS is not set (or is 0). \
    Run `scripts/real-mtas.sh test` as root (it extracts OpenSMTPD and Sendmail from Debian's \
    packages without installing them, starts them with NSD on 127.0.8.x, runs these tests and \
    stops the servers), or start them with `scripts/real-mtas.sh up` as root and run \
    `SMTPPROBE_MTAS=1 cargo test --test real_mtas -- --ignored --test-threads=1`";

/// The MTAs. Fails the test when they are not enabled.
fn mtas() -> Mtas {
    let env = bed::Bed::load(
        "SMTPPROBE_MTAS",
        "/tmp/smtpprobe-real-mtas",
        "scripts/real-mtas.sh",
        NOT_ENABLED,
    );
    Mtas {
        resolver: env.get("SMTPPROBE_MTAS_RESOLVER"),
        ca: env.get("SMTPPROBE_MTAS_CA"),
        domain: env.get("SMTPPROBE_MTAS_DOMAIN"),
        osd: env.get("SMTPPROBE_MTAS_OSD"),
        osd_deb: env.get("SMTPPROBE_MTAS_OSD_DEB"),
        osd_defer: env.get("SMTPPROBE_MTAS_OSD_DEFER"),
        osd_drop: env.get("SMTPPROBE_MTAS_OSD_DROP"),
        osd_helo: env.get("SMTPPROBE_MTAS_OSD_HELO"),
        osd_name: env.get("SMTPPROBE_MTAS_OSD_NAME"),
        sm: env.get("SMTPPROBE_MTAS_SM"),
        sm_priv: env.get("SMTPPROBE_MTAS_SM_PRIV"),
        sm_relay: env.get("SMTPPROBE_MTAS_SM_RELAY"),
        sm_name: env.get("SMTPPROBE_MTAS_SM_NAME"),
    }
}

/// Runs the built binary with `args` plus the bed's resolver and short timeouts.
fn run_raw(m: &Mtas, args: &[&str]) -> Run {
    bed::run(args, false, &m.resolver, "20")
}

/// [`run_raw`] with `--json`, checking the contract every report keeps.
fn probe(m: &Mtas, args: &[&str]) -> Run {
    let run = bed::run(args, true, &m.resolver, "20");
    for s in servers(&run) {
        for c in bed::checks(s) {
            // docs/json.md: `inconclusive` has status `unknown`.
            if c["outcome"] == "inconclusive" {
                assert_eq!(
                    c["status"], "unknown",
                    "finding 2: docs/json.md gives inconclusive the status unknown {run}"
                );
            }
        }
    }
    run
}

/// The only server of a direct-target run.
fn only_server(run: &Run) -> &Value {
    let s = servers(run);
    assert_eq!(s.len(), 1, "one server {run}");
    &s[0]
}

/// Talked until QUIT and got its 221; every reply explained; never DATA/BDAT.
fn assert_completed(run: &Run, s: &Value) {
    assert!(s["error"].is_null(), "{} failed {run}", s["host"]);
    bed::assert_greeting_220(run, s);
    bed::assert_quit_221(run, s);
    assert_explained_and_no_data(run, s);
}

/// (code, outcome, status) of a check.
fn cos(c: &Value) -> (Option<u64>, Option<&str>, Option<&str>) {
    (
        c["code"].as_u64(),
        c["outcome"].as_str(),
        c["status"].as_str(),
    )
}

fn finding<'a>(s: &'a Value, id: &str) -> Option<&'a Value> {
    s["findings"]
        .as_array()
        .and_then(|f| f.iter().find(|x| x["id"] == id))
}

// --- OpenSMTPD 6.8.0p2 --------------------------------------------------------------------
//
// Debian 12's OpenSMTPD cannot complete a TLS handshake it serves (OpenSSL 3 breaks its
// privilege-separated key: an internal_error alert right after the 220 to STARTTLS, or as
// the first thing on 465). The tests check what a sender sees from such a server.

#[test]
#[ignore = "needs OpenSMTPD on loopback: scripts/real-mtas.sh test"]
fn osd_vrfy_and_expn_are_unimplemented_and_said_so() {
    let m = mtas();
    let t = target(&m.osd, 25);
    let run = probe(
        &m,
        &[
            &t,
            "--starttls",
            "never",
            "--vrfy",
            "alice",
            "--vrfy",
            "nosuchuser",
            "--expn",
            "staff",
        ],
    );
    let s = only_server(&run);
    assert_completed(&run, s);
    let greeting = &steps(s)[0];
    assert!(
        strings(&greeting["lines"])
            .concat()
            .contains(&format!("220 {} ESMTP OpenSMTPD", m.osd_name)),
        "{run}"
    );
    for (kind, arg) in [("vrfy", "alice"), ("vrfy", "nosuchuser"), ("expn", "staff")] {
        let c = check(&run, s, kind, arg);
        // "500 5.5.1 Invalid command: Command unrecognized": not implemented at all.
        assert_eq!(
            cos(c),
            (Some(500), Some("disabled"), Some("ok")),
            "{kind} {arg} {run}"
        );
    }
    // No canary for a command the server does not implement.
    assert_eq!(
        commands(s).iter().filter(|c| c.starts_with("VRFY")).count(),
        2,
        "{run}"
    );
    assert!(finding(s, "user_disclosure").is_none(), "{run}");
    assert_eq!(run.code, 0, "{run}");
}

#[test]
#[ignore = "needs OpenSMTPD on loopback: scripts/real-mtas.sh test"]
fn osd_rcpt_in_its_own_domain_tells_users_apart() {
    let m = mtas();
    let t = target(&m.osd, 25);
    let (alice, nobody) = (
        format!("alice@{}", m.domain),
        format!("nosuchuser@{}", m.domain),
    );
    for from in [None, Some("probe@example.org")] {
        let mut args = vec![
            t.as_str(),
            "--starttls",
            "never",
            "--rcpt",
            &alice,
            "--rcpt",
            &nobody,
        ];
        if let Some(f) = from {
            args.extend(["--mail-from", f]);
        }
        let run = probe(&m, &args);
        let s = only_server(&run);
        assert_completed(&run, s);
        let mail = steps(s)
            .iter()
            .find(|x| x["command"] == "MAIL")
            .unwrap_or_else(|| panic!("no MAIL {run}"));
        assert_eq!(mail["code"], 250, "{run}");
        // "250 2.1.5 Destination address valid: Recipient ok"
        let a = check(&run, s, "rcpt", &alice);
        assert_eq!(cos(a), (Some(250), Some("exists"), Some("ok")), "{run}");
        assert_eq!(a["discriminates"], true, "{run}");
        // "550 Invalid recipient: <…>" (no enhanced code), and the same for the canary.
        let n = check(&run, s, "rcpt", &nobody);
        assert_eq!(n["code"], 550, "{run}");
        assert_eq!(n["outcome"], "unknown_user", "{run}");
        assert_eq!(n["canary"]["code"], 550, "{run}");
        assert!(finding(s, "open_relay").is_none(), "{run}");
        assert!(commands(s).contains(&"RSET".to_owned()), "{run}");
        assert_eq!(run.code, 1, "unknown user is a WARNING {run}");
    }
}

/// Finding 2: a domain the server handles but DNS does not know (split DNS). The canary is
/// asked; its 550 next to alice's 250 shows the server knows this domain's users.
#[test]
#[ignore = "needs OpenSMTPD on loopback: scripts/real-mtas.sh test"]
fn osd_rcpt_in_an_internal_domain_uses_the_canary() {
    let m = mtas();
    let t = target(&m.osd, 25);
    let internal = m.name("internal");
    let (alice, nobody) = (
        format!("alice@{internal}"),
        format!("nosuchuser@{internal}"),
    );
    let run = probe(
        &m,
        &[
            &t,
            "--starttls",
            "never",
            "--rcpt",
            &alice,
            "--rcpt",
            &nobody,
        ],
    );
    let s = only_server(&run);
    assert_completed(&run, s);
    assert!(
        steps(s)
            .iter()
            .any(|x| x["canary"] == true && x["code"] == 550),
        "the canary was asked and refused {run}"
    );
    let a = check(&run, s, "rcpt", &alice);
    let n = check(&run, s, "rcpt", &nobody);
    // The canary's answer is evidence and is reported.
    assert_eq!(
        a["discriminates"], true,
        "finding 2: alice discriminates {run}"
    );
    assert_eq!(n["canary"]["code"], 550, "finding 2: canary reported {run}");
    // 250 vs 550 for a made-up name in the same domain: the server knows its users.
    assert_eq!(cos(a), (Some(250), Some("exists"), Some("ok")), "{run}");
    assert_eq!(n["outcome"], "unknown_user", "{run}");
    assert!(finding(s, "open_relay").is_none(), "{run}");
}

/// Finding 1: `localhost` is the server itself (RFC 6761 §6.3); Debian's rules deliver it
/// locally (`match for local action "local"`).
#[test]
#[ignore = "needs OpenSMTPD on loopback: scripts/real-mtas.sh test"]
fn osd_debian_localhost_is_local_delivery_not_relay() {
    let m = mtas();
    let t = target(&m.osd_deb, 25);
    let run = probe(
        &m,
        &[
            &t,
            "--rcpt",
            "alice@localhost",
            "--rcpt",
            "nosuchuser@localhost",
        ],
    );
    let s = only_server(&run);
    assert_completed(&run, s);
    let a = check(&run, s, "rcpt", "alice@localhost");
    let n = check(&run, s, "rcpt", "nosuchuser@localhost");
    assert!(
        finding(s, "open_relay").is_none(),
        "finding 1: localhost is the server itself, not a relay {run}"
    );
    assert_eq!(a["outcome"], "exists", "{run}");
    assert_eq!(n["outcome"], "unknown_user", "{run}");
    assert_ne!(run.code, 2, "{run}");
}

#[test]
#[ignore = "needs OpenSMTPD on loopback: scripts/real-mtas.sh test"]
fn osd_debian_rules_relay_for_local_clients_open_relay() {
    let m = mtas();
    let t = target(&m.osd_deb, 25);
    let other = format!("someone@{}", m.name("elsewhere"));
    let relay = format!("--relay-test={other}");
    let run = probe(&m, &[&t, &relay]);
    let s = only_server(&run);
    assert_completed(&run, s);
    let c = check(&run, s, "rcpt", &other);
    assert_eq!(c["relay_test"], true, "{run}");
    assert_eq!(
        cos(c),
        (Some(250), Some("relayed"), Some("critical")),
        "{run}"
    );
    let f = finding(s, "open_relay").unwrap_or_else(|| panic!("open_relay {run}"));
    assert_eq!(f["status"], "critical", "{run}");
    // No STARTTLS configured on this listener: a WARNING of its own.
    assert!(
        finding_ids(s).contains(&"starttls_missing".to_owned()),
        "{run}"
    );
    assert!(commands(s).contains(&"RSET".to_owned()), "{run}");
    assert_eq!(run.code, 2, "{run}");

    // Nagios: one CRITICAL line naming the relay.
    let run = run_raw(&m, &[&t, &relay, "--format", "nagios"]);
    let first = run.stdout.lines().next().unwrap_or("");
    assert!(first.starts_with("SMTP CRITICAL - "), "{run}");
    assert!(first.contains("relays to"), "{run}");
    assert_eq!(run.code, 2, "{run}");
}

#[test]
#[ignore = "needs OpenSMTPD on loopback: scripts/real-mtas.sh test"]
fn osd_mx_refuses_relaying() {
    let m = mtas();
    let t = target(&m.osd, 25);
    let other = format!("someone@{}", m.name("elsewhere"));
    let relay = format!("--relay-test={other}");
    let run = probe(&m, &[&t, "--starttls", "never", &relay]);
    let s = only_server(&run);
    assert_completed(&run, s);
    // OpenSMTPD says "550 Invalid recipient: <…>" to a relay attempt too: the domain's MX
    // set (elsewhere) decides that it is a relay refusal.
    let c = check(&run, s, "rcpt", &other);
    assert_eq!(
        cos(c),
        (Some(550), Some("relay_denied"), Some("ok")),
        "{run}"
    );
    assert!(finding(s, "open_relay").is_none(), "{run}");
    assert_eq!(run.code, 0, "{run}");

    let run = run_raw(
        &m,
        &[&t, "--starttls", "never", &relay, "--format", "nagios"],
    );
    assert!(run.stdout.starts_with("SMTP OK - "), "{run}");
    assert_eq!(run.code, 0, "{run}");
}

#[test]
#[ignore = "needs OpenSMTPD on loopback: scripts/real-mtas.sh test"]
fn osd_starttls_handshake_failure_falls_back_to_plain_text() {
    let m = mtas();
    let t = target(&m.osd, 25);
    let alice = format!("alice@{}", m.domain);
    let tls_name = ["--tls-name", m.osd_name.as_str()];
    let mut args = vec![t.as_str(), "--ca-file", &m.ca, "--rcpt", &alice];
    args.extend(tls_name);
    let run = probe(&m, &args);
    let s = only_server(&run);
    assert_completed(&run, s);
    let f = finding(s, "starttls_handshake_failed")
        .unwrap_or_else(|| panic!("starttls_handshake_failed {run}"));
    assert_eq!(f["status"], "warning", "{run}");
    assert_eq!(s["tls"]["mode"], "starttls", "{run}");
    assert_eq!(s["tls"]["verified"], false, "{run}");
    assert_eq!(
        s["tls"]["verify_error"]["reason"], "handshake_failed",
        "{run}"
    );
    // The given-up connection: up to the 220 to STARTTLS.
    let a = &s["attempts"][0];
    assert_eq!(a["error"]["phase"], "tls_handshake", "{run}");
    // The checks ran on the plain-text retry.
    assert!(!commands(s).contains(&"STARTTLS".to_owned()), "{run}");
    assert_eq!(check(&run, s, "rcpt", &alice)["outcome"], "exists", "{run}");
    assert_eq!(run.code, 1, "{run}");

    // Required: CRITICAL, no retry, the check not asked, and the report does not call a
    // handshake the server aborted before sending any certificate a verification failure.
    let mut args = vec![
        t.as_str(),
        "--ca-file",
        &m.ca,
        "--rcpt",
        &alice,
        "--starttls",
        "require",
    ];
    args.extend(tls_name);
    let run = probe(&m, &args);
    let s = only_server(&run);
    assert_eq!(run.code, 2, "{run}");
    assert!(s.get("attempts").is_none(), "{run}");
    assert_eq!(s["error"]["phase"], "tls_handshake", "{run}");
    let c = check(&run, s, "rcpt", &alice);
    assert_eq!(c["outcome"], "not_checked", "{run}");
    let human = run_raw(&m, &args);
    assert!(
        !human.stdout.contains("NOT VERIFIED"),
        "finding 4: no certificate was received, nothing was verified {human}"
    );
}

#[test]
#[ignore = "needs OpenSMTPD on loopback: scripts/real-mtas.sh test"]
fn osd_implicit_tls_465_handshake_failure_is_critical() {
    let m = mtas();
    let t = target(&m.osd, 465);
    let run = probe(&m, &[&t, "--ca-file", &m.ca, "--tls-name", &m.osd_name]);
    let s = only_server(&run);
    assert_eq!(s["tls"]["mode"], "implicit", "{run}");
    assert_eq!(s["error"]["phase"], "tls_handshake", "{run}");
    assert_eq!(
        s["tls"]["verify_error"]["reason"], "handshake_failed",
        "{run}"
    );
    assert!(steps(s).is_empty(), "no SMTP before TLS on 465 {run}");
    assert_eq!(run.code, 2, "{run}");
}

#[test]
#[ignore = "needs OpenSMTPD on loopback: scripts/real-mtas.sh test"]
fn osd_submission_587_requires_tls_before_mail() {
    let m = mtas();
    let t = target(&m.osd, 587);
    let alice = format!("alice@{}", m.domain);
    let run = probe(&m, &[&t, "--starttls", "never", "--rcpt", &alice]);
    let s = only_server(&run);
    assert_completed(&run, s);
    // No AUTH before TLS (OpenSMTPD offers it only on a TLS session).
    let ext = strings(&s["extensions"]);
    assert!(ext.iter().any(|e| e == "STARTTLS"), "{run}");
    assert!(!ext.iter().any(|e| e.starts_with("AUTH")), "{run}");
    let mail = steps(s)
        .iter()
        .find(|x| x["command"] == "MAIL")
        .unwrap_or_else(|| panic!("no MAIL {run}"));
    // "530 5.5.1 Invalid command: Must issue a STARTTLS command first"
    assert_eq!(mail["code"], 530, "{run}");
    assert_eq!(
        check(&run, s, "rcpt", &alice)["outcome"],
        "not_checked",
        "{run}"
    );
    assert!(finding_ids(s).contains(&"mail_refused".to_owned()), "{run}");
    assert_eq!(run.code, 1, "{run}");

    // Finding 3: the advice must not name an option that does not exist.
    let human = run_raw(&m, &[&t, "--starttls", "never", "--rcpt", &alice]);
    assert!(
        !human.stdout.contains("--no-starttls"),
        "finding 3: there is no --no-starttls {human}"
    );
}

#[test]
#[ignore = "needs OpenSMTPD on loopback: scripts/real-mtas.sh test"]
fn osd_451_to_every_rcpt_is_a_temporary_failure() {
    let m = mtas();
    let t = target(&m.osd_defer, 25);
    let alice = format!("alice@{}", m.domain);
    let run = probe(&m, &[&t, "--starttls", "never", "--rcpt", &alice]);
    let s = only_server(&run);
    assert_completed(&run, s);
    let c = check(&run, s, "rcpt", &alice);
    assert_eq!(
        cos(c),
        (Some(451), Some("temporary_failure"), Some("warning")),
        "{run}"
    );
    assert_eq!(c["enhanced"], "4.7.1", "{run}");
    assert!(finding(s, "open_relay").is_none(), "{run}");
    assert_eq!(run.code, 1, "{run}");
}

#[test]
#[ignore = "needs OpenSMTPD on loopback: scripts/real-mtas.sh test"]
fn osd_421_at_mail_from_closes_the_session() {
    let m = mtas();
    let t = target(&m.osd_drop, 25);
    let alice = format!("alice@{}", m.domain);
    let run = probe(
        &m,
        &[
            &t,
            "--starttls",
            "never",
            "--rcpt",
            &alice,
            "--mail-from",
            "probe@example.org",
        ],
    );
    let s = only_server(&run);
    assert_explained_and_no_data(&run, s);
    let last = steps(s).last().unwrap_or_else(|| panic!("no steps {run}"));
    assert_eq!(
        (last["command"].as_str(), last["code"].as_u64()),
        (Some("MAIL"), Some(421)),
        "{run}"
    );
    // The server closed: nothing is sent after its 421.
    assert!(!commands(s).contains(&"QUIT".to_owned()), "{run}");
    assert!(
        finding_ids(s).contains(&"server_closing".to_owned()),
        "{run}"
    );
    assert_eq!(
        check(&run, s, "rcpt", &alice)["outcome"],
        "not_checked",
        "{run}"
    );
    assert_eq!(run.code, 2, "{run}");
}

/// Finding 8: the domain's best MX is OpenSMTPD, whose STARTTLS handshake fails: the
/// per-sender verdict must follow the session (plain text after the failed handshake).
#[test]
#[ignore = "needs OpenSMTPD on loopback: scripts/real-mtas.sh test"]
fn osd_policy_verdict_follows_the_failed_handshake() {
    let m = mtas();
    let run = probe(&m, &[&m.domain, "--ca-file", &m.ca]);
    let s = servers(&run)
        .iter()
        .find(|s| s["host"] == m.osd_name.as_str())
        .unwrap_or_else(|| panic!("no {} {run}", m.osd_name));
    assert!(finding(s, "starttls_handshake_failed").is_some(), "{run}");
    let senders = run.json["policy"]["senders"]
        .as_array()
        .unwrap_or_else(|| panic!("policy.senders {run}"));
    let opportunistic = senders
        .iter()
        .find(|x| x["sender"] == "opportunistic")
        .unwrap_or_else(|| panic!("opportunistic sender {run}"));
    let reason = opportunistic["reason"].as_str().unwrap_or("");
    assert!(
        !reason.contains("over STARTTLS") && reason.contains("plain text"),
        "finding 8: the handshake failed, the conversation is in plain text: {reason:?} {run}"
    );
    assert_eq!(run.code, 1, "{run}");
}

/// Finding 7: after EHLO is refused the session has no extensions, hence no STARTTLS.
#[test]
#[ignore = "needs OpenSMTPD on loopback: scripts/real-mtas.sh test"]
fn osd_ehlo_refused_falls_back_to_helo_and_has_no_tls() {
    let m = mtas();
    let t = target(&m.osd_helo, 25);
    let alice = format!("alice@{}", m.domain);
    let run = probe(&m, &[&t, "--rcpt", &alice]);
    let s = only_server(&run);
    assert_completed(&run, s);
    let cmds = commands(s);
    assert_eq!(
        cmds.get(..2),
        Some(&["EHLO".to_owned(), "HELO".to_owned()][..]),
        "{run}"
    );
    assert_eq!(steps(s)[1]["code"], 502, "{run}");
    assert!(finding(s, "helo_fallback").is_some(), "{run}");
    assert_eq!(check(&run, s, "rcpt", &alice)["outcome"], "exists", "{run}");
    assert_eq!(s["tls"]["mode"], "none", "{run}");
    // No STARTTLS is possible: the same WARNING as a server whose EHLO lacks it.
    assert!(
        finding(s, "starttls_missing").is_some(),
        "finding 7: a HELO-only session has no STARTTLS {run}"
    );
    assert_eq!(run.code, 1, "{run}");
    // Required TLS that cannot happen is CRITICAL.
    let run = probe(&m, &[&t, "--starttls", "require"]);
    assert_eq!(
        run.code, 2,
        "finding 7: --starttls require without any TLS {run}"
    );
}

// --- Sendmail 8.17.1.9 ----------------------------------------------------------------------

#[test]
#[ignore = "needs Sendmail on loopback: scripts/real-mtas.sh test"]
fn sm_debian_privacy_flags_answer_vrfy_and_expn_over_verified_starttls() {
    let m = mtas();
    let t = target(&m.sm, 25);
    let run = probe(
        &m,
        &[
            &t,
            "--ca-file",
            &m.ca,
            "--tls-name",
            &m.sm_name,
            "--vrfy",
            "alice",
            "--vrfy",
            "nosuchuser",
            "--expn",
            "staff",
        ],
    );
    let s = only_server(&run);
    assert_completed(&run, s);
    // Debian's greet_pause (1 s): the probe waits for the banner and does not talk first.
    let greeting = &steps(s)[0];
    assert!(
        greeting["elapsed_ms"]
            .as_f64()
            .is_some_and(|ms| ms >= 900.0),
        "{run}"
    );
    assert!(
        strings(&greeting["lines"])
            .concat()
            .contains("ESMTP Sendmail 8.17"),
        "{run}"
    );
    let tls = &s["tls"];
    assert_eq!(tls["mode"], "starttls", "{run}");
    assert_eq!(tls["verified"], true, "{run}");
    assert!(tls["verify_error"].is_null(), "{run}");
    // "250 2.1.5 <alice@sendmail.…>" / "550 5.1.1 nosuchuser... User unknown"
    let a = check(&run, s, "vrfy", "alice");
    assert_eq!(cos(a), (Some(250), Some("exists"), Some("ok")), "{run}");
    assert_eq!(a["discriminates"], true, "{run}");
    let n = check(&run, s, "vrfy", "nosuchuser");
    assert_eq!(n["code"], 550, "{run}");
    assert_eq!(n["outcome"], "unknown_user", "{run}");
    // "250-2.1.5 <bob@…>" "250 2.1.5 <alice@…>"
    let e = check(&run, s, "expn", "staff");
    assert_eq!(e["outcome"], "exists", "{run}");
    assert_eq!(e["members"].as_array().map(Vec::len), Some(2), "{run}");
    assert!(finding(s, "user_disclosure").is_some(), "{run}");
    assert_eq!(run.code, 1, "nosuchuser unknown: WARNING {run}");
}

#[test]
#[ignore = "needs Sendmail on loopback: scripts/real-mtas.sh test"]
fn sm_starttls_certificate_reasons() {
    let m = mtas();
    let t = target(&m.sm, 25);
    // No --ca-file: the chain ends at the test CA, which no store trusts.
    let run = probe(&m, &[&t, "--tls-name", &m.sm_name]);
    let s = only_server(&run);
    assert_completed(&run, s);
    assert_eq!(s["tls"]["verified"], false, "{run}");
    assert_eq!(
        s["tls"]["verify_error"]["reason"], "unknown_issuer",
        "{run}"
    );
    assert!(
        finding_ids(s).contains(&"tls_certificate_invalid".to_owned()),
        "{run}"
    );
    assert_eq!(run.code, 1, "opportunistic: WARNING {run}");
    // The test CA, but the IP address as the name: the certificate names sendmail.….
    let run = probe(&m, &[&t, "--ca-file", &m.ca]);
    let s = only_server(&run);
    assert_eq!(s["tls"]["verify_error"]["reason"], "name_mismatch", "{run}");
    assert_eq!(run.code, 1, "{run}");
    // Required and verified.
    let run = probe(
        &m,
        &[
            &t,
            "--ca-file",
            &m.ca,
            "--tls-name",
            &m.sm_name,
            "--starttls",
            "require",
        ],
    );
    let s = only_server(&run);
    assert_completed(&run, s);
    assert_eq!(s["tls"]["verified"], true, "{run}");
    assert_eq!(run.code, 0, "{run}");
    // Required, not trusted: CRITICAL.
    let run = probe(&m, &[&t, "--tls-name", &m.sm_name, "--starttls", "require"]);
    assert_eq!(run.code, 2, "{run}");
    // Never: plain text, no STARTTLS sent.
    let run = probe(&m, &[&t, "--starttls", "never"]);
    let s = only_server(&run);
    assert_completed(&run, s);
    assert!(!commands(s).contains(&"STARTTLS".to_owned()), "{run}");
    assert_eq!(s["tls"]["mode"], "none", "{run}");
}

/// Finding 9: on the submission port, AUTH required for MAIL is the server doing its job.
#[test]
#[ignore = "needs Sendmail on loopback: scripts/real-mtas.sh test"]
fn sm_submission_587_auth_only_after_starttls() {
    let m = mtas();
    let t = target(&m.sm, 587);
    let tls = ["--ca-file", m.ca.as_str(), "--tls-name", m.sm_name.as_str()];
    let mut args = vec![t.as_str()];
    args.extend(tls);
    let run = probe(&m, &args);
    let s = only_server(&run);
    assert_completed(&run, s);
    let before = strings(&s["extensions"]);
    assert!(before.iter().any(|e| e == "STARTTLS"), "{run}");
    assert!(
        !before.iter().any(|e| e.starts_with("AUTH")),
        "no AUTH before TLS {run}"
    );
    assert_eq!(s["tls"]["verified"], true, "{run}");
    let after = strings(&s["tls"]["extensions_after_tls"]);
    assert!(after.iter().any(|e| e == "AUTH PLAIN LOGIN"), "{run}");
    assert_eq!(run.code, 0, "{run}");

    let alice = format!("alice@{}", m.domain);
    args.extend(["--rcpt", alice.as_str()]);
    let run = probe(&m, &args);
    let s = only_server(&run);
    assert_completed(&run, s);
    let mail = steps(s)
        .iter()
        .find(|x| x["command"] == "MAIL")
        .unwrap_or_else(|| panic!("no MAIL {run}"));
    // "530 5.7.0 Authentication required"
    assert_eq!(mail["code"], 530, "{run}");
    assert_eq!(
        check(&run, s, "rcpt", &alice)["outcome"],
        "not_checked",
        "{run}"
    );
    assert_eq!(
        run.code, 1,
        "finding 9: AUTH required on 587 is normal (RFC 6409); only the check is missing {run}"
    );
}

#[test]
#[ignore = "needs Sendmail on loopback: scripts/real-mtas.sh test"]
fn sm_implicit_tls_465_verified() {
    let m = mtas();
    let t = target(&m.sm, 465);
    let run = probe(&m, &[&t, "--ca-file", &m.ca, "--tls-name", &m.sm_name]);
    let s = only_server(&run);
    assert_completed(&run, s);
    assert_eq!(s["tls"]["mode"], "implicit", "{run}");
    assert_eq!(s["tls"]["verified"], true, "{run}");
    assert!(!commands(s).contains(&"STARTTLS".to_owned()), "{run}");
    assert_eq!(run.code, 0, "{run}");
}

#[test]
#[ignore = "needs Sendmail on loopback: scripts/real-mtas.sh test"]
fn sm_goaway_vrfy_252_cannot_verify_and_expn_502() {
    let m = mtas();
    let t = target(&m.sm_priv, 25);
    let run = probe(
        &m,
        &[
            &t,
            "--vrfy",
            "alice",
            "--vrfy",
            "nosuchuser",
            "--expn",
            "staff",
        ],
    );
    let s = only_server(&run);
    assert_completed(&run, s);
    // "252 2.5.2 Cannot VRFY user; try RCPT to attempt delivery (or try finger)" for all.
    for u in ["alice", "nosuchuser"] {
        let c = check(&run, s, "vrfy", u);
        assert_eq!(
            cos(c),
            (Some(252), Some("cannot_verify"), Some("ok")),
            "{u} {run}"
        );
        assert_eq!(c["discriminates"], false, "{run}");
    }
    // "502 5.7.0 Sorry, we do not allow this operation"
    let e = check(&run, s, "expn", "staff");
    assert_eq!(cos(e), (Some(502), Some("disabled"), Some("ok")), "{run}");
    assert!(finding(s, "user_disclosure").is_none(), "{run}");
    // Finding 6: a 252 is not an error; X.5.2's registry title must not be its meaning.
    for step in steps(s).iter().filter(|x| x["code"] == 252) {
        let meaning = step["meaning"].as_str().unwrap_or("");
        assert!(
            !meaning.contains("Syntax error"),
            "finding 6: 252 2.5.2 explained as a syntax error {run}"
        );
    }
    // This instance offers no STARTTLS: that is the only WARNING.
    assert_eq!(finding_ids(s), ["starttls_missing"], "{run}");
    assert_eq!(run.code, 1, "{run}");
}

#[test]
#[ignore = "needs Sendmail on loopback: scripts/real-mtas.sh test"]
fn sm_closed_to_relaying_is_relay_denied() {
    let m = mtas();
    let t = target(&m.sm_priv, 25);
    let other = format!("someone@{}", m.name("elsewhere"));
    let relay = format!("--relay-test={other}");
    let alice = format!("alice@{}", m.domain);
    let run = probe(&m, &[&t, "--starttls", "never", &relay, "--rcpt", &alice]);
    let s = only_server(&run);
    assert_completed(&run, s);
    // "550 5.7.1 <…>... Relaying denied"
    let c = check(&run, s, "rcpt", &other);
    assert_eq!(
        cos(c),
        (Some(550), Some("relay_denied"), Some("ok")),
        "{run}"
    );
    assert_eq!(c["enhanced"], "5.7.1", "{run}");
    let a = check(&run, s, "rcpt", &alice);
    assert_eq!(cos(a), (Some(250), Some("exists"), Some("ok")), "{run}");
    assert!(finding(s, "open_relay").is_none(), "{run}");
    assert_eq!(run.code, 0, "{run}");
}

/// Finding 1 again: Sendmail delivers `localhost` locally (class w) and refuses the canary
/// there with 550 5.1.1 User unknown, while refusing to relay anywhere else.
#[test]
#[ignore = "needs Sendmail on loopback: scripts/real-mtas.sh test"]
fn sm_localhost_is_local_delivery_not_relay() {
    let m = mtas();
    let t = target(&m.sm_priv, 25);
    let run = probe(&m, &[&t, "--starttls", "never", "--rcpt", "bob@localhost"]);
    let s = only_server(&run);
    assert_completed(&run, s);
    assert!(
        steps(s)
            .iter()
            .any(|x| x["canary"] == true && x["code"] == 550),
        "{run}"
    );
    let c = check(&run, s, "rcpt", "bob@localhost");
    assert!(
        finding(s, "open_relay").is_none(),
        "finding 1: localhost is the server itself, not a relay {run}"
    );
    assert_eq!(cos(c), (Some(250), Some("exists"), Some("ok")), "{run}");
    assert_eq!(run.code, 0, "{run}");
}

#[test]
#[ignore = "needs Sendmail on loopback: scripts/real-mtas.sh test"]
fn sm_relaying_for_loopback_is_an_open_relay() {
    let m = mtas();
    let t = target(&m.sm_relay, 25);
    let other = format!("someone@{}", m.name("elsewhere"));
    let relay = format!("--relay-test={other}");
    let run = probe(
        &m,
        &[&t, "--ca-file", &m.ca, "--tls-name", &m.sm_name, &relay],
    );
    let s = only_server(&run);
    assert_completed(&run, s);
    // This instance greets with three lines (220-, 220-, 220 ): one reply.
    let greeting = &steps(s)[0];
    assert_eq!(greeting["code"], 220, "{run}");
    assert_eq!(greeting["lines"].as_array().map(Vec::len), Some(3), "{run}");
    assert_eq!(steps(s)[1]["command"], "EHLO", "{run}");
    assert!(finding(s, "unsolicited_reply").is_none(), "{run}");
    assert!(finding(s, "protocol_violation").is_none(), "{run}");
    let c = check(&run, s, "rcpt", &other);
    assert_eq!(c["relay_test"], true, "{run}");
    assert_eq!(
        cos(c),
        (Some(250), Some("relayed"), Some("critical")),
        "{run}"
    );
    let f = finding(s, "open_relay").unwrap_or_else(|| panic!("open_relay {run}"));
    assert_eq!(f["status"], "critical", "{run}");
    assert!(
        f["message"]
            .as_str()
            .is_some_and(|x| x.contains("test from outside")),
        "{run}"
    );
    assert_eq!(run.code, 2, "{run}");
}

/// Finding 10: Sendmail's greet_pause (1 s) against a 0.5 s reply timeout.
#[test]
#[ignore = "needs Sendmail on loopback: scripts/real-mtas.sh test"]
fn sm_greet_pause_longer_than_timeout_names_the_timeout() {
    let m = mtas();
    let t = target(&m.sm, 25);
    // Run directly: the harness (run_raw) gives every probe --timeout 10.
    let out = Command::new(env!("CARGO_BIN_EXE_smtpprobe"))
        .args([&t, "--timeout", "0.5", "--connect-timeout", "3", "--json"])
        .env("NO_COLOR", "1")
        .output()
        .expect("the smtpprobe binary runs");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    assert_eq!(out.status.code(), Some(2), "{json:#}");
    let s = &json["servers"][0];
    assert_eq!(s["error"]["phase"], "greeting", "{json:#}");
    let message = s["error"]["message"].as_str().unwrap_or("");
    assert!(
        message.contains("0.5 s"),
        "finding 10: the timeout was 0.5 s: {message:?}"
    );
}

/// Finding 5: Sendmail checks that the sender's domain resolves (check_mail). With
/// PIPELINING the RCPTs already sent get 503; the report must name the cause (our
/// --mail-from) rather than advise waiting.
#[test]
#[ignore = "needs Sendmail on loopback: scripts/real-mtas.sh test"]
fn sm_unresolvable_sender_domain_is_named_as_the_cause() {
    let m = mtas();
    let t = target(&m.sm, 25);
    let alice = format!("alice@{}", m.domain);
    let run = probe(
        &m,
        &[
            &t,
            "--starttls",
            "never",
            "--rcpt",
            &alice,
            "--mail-from",
            "probe@example.org",
        ],
    );
    let s = only_server(&run);
    assert_completed(&run, s);
    let mail = steps(s)
        .iter()
        .find(|x| x["command"] == "MAIL")
        .unwrap_or_else(|| panic!("no MAIL {run}"));
    // "451 4.1.8 Domain of sender address probe@example.org does not resolve"
    assert_eq!(mail["code"], 451, "{run}");
    assert_eq!(mail["enhanced"], "4.1.8", "{run}");
    // MAIL and RCPT went in one write (PIPELINING): RCPT got 503, and is not_checked.
    assert_eq!(
        check(&run, s, "rcpt", &alice)["outcome"],
        "not_checked",
        "{run}"
    );
    let advice = mail["advice"].as_str().unwrap_or("");
    assert!(
        advice.contains("--mail-from"),
        "finding 5: the sender domain is ours (--mail-from): advice {advice:?} {run}"
    );
    assert_eq!(run.code, 1, "{run}");
}
