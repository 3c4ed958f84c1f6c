//! The command-line surface: help, usage errors (exit 3, never clap's 2), JSON that parses
//! into the documented contract.

mod common;

use assert_cmd::Command;
use common::*;
use predicates::prelude::*;
use serde::Deserialize;

fn bin() -> Command {
    Command::cargo_bin("smtpprobe").expect("binary built")
}

#[test]
fn help_exits_zero_and_names_exit_codes() {
    bin()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("--vrfy").and(predicate::str::contains("3 UNKNOWN")));
}

#[test]
fn usage_errors_exit_3_not_2() {
    bin().assert().code(3);
    bin().arg("--no-such-flag").assert().code(3);
    bin()
        .args(["example.test", "--port", "notaport"])
        .assert()
        .code(3);
    bin()
        .args(["example.test", "--mail-from", "a@b.test"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("--rcpt"));
}

#[test]
fn injection_is_refused_before_any_connection() {
    for (flag, value) in [
        ("--vrfy", "alice\r\nDATA"),
        ("--expn", "staff\n"),
        ("--rcpt", "a@b.test\r\nRCPT TO:<x@y>"),
        ("--helo", "evil\x01name"),
    ] {
        // Port 9 on loopback: if the probe connected at all, the test would still not touch
        // any other host; but it must not get that far.
        bin()
            .args(["127.0.0.1:9", flag, value])
            .assert()
            .code(3)
            .stderr(predicate::str::contains(flag).and(predicate::str::contains("control")));
    }
    bin()
        .args([
            "127.0.0.1:9",
            "--mail-from",
            "p@x.test\r\nDATA",
            "--rcpt",
            "a@b.test",
        ])
        .assert()
        .code(3);
}

/// The JSON contract (docs/json.md), as another tool would read it: only the names that are
/// promised, deserialised strictly by type.
#[derive(Deserialize)]
struct JReport {
    schema: u32,
    target: String,
    status: String,
    exit_code: i32,
    dns: JDns,
    servers: Vec<JServer>,
}
#[derive(Deserialize)]
struct JDns {
    kind: String,
    mx: Vec<JMx>,
    error: Option<serde_json::Value>,
}
#[derive(Deserialize)]
struct JMx {
    preference: u16,
    exchange: String,
    addresses: Vec<String>,
}
#[derive(Deserialize)]
struct JServer {
    host: String,
    address: Option<String>,
    port: u16,
    status: String,
    extensions: Vec<String>,
    steps: Vec<JStep>,
    checks: Vec<JCheck>,
    error: Option<JError>,
}
#[derive(Deserialize)]
struct JStep {
    command: Option<String>,
    code: u16,
    enhanced: Option<String>,
    lines: Vec<String>,
    elapsed_ms: f64,
    meaning: String,
}
#[derive(Deserialize)]
struct JCheck {
    kind: String,
    argument: String,
    code: Option<u16>,
    outcome: String,
    meaning: String,
    canary: Option<JCanary>,
    discriminates: Option<bool>,
}
#[derive(Deserialize)]
struct JCanary {
    argument: String,
    code: Option<u16>,
}
#[derive(Deserialize)]
struct JError {
    phase: String,
    message: String,
}

#[test]
fn json_output_follows_the_contract() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("VRFY alice", "252 2.0.0 alice\r\n"),
        Step::Expect(
            "VRFY nx-probe-",
            "550 5.1.1 <nx>: Recipient address rejected: User unknown\r\n",
        ),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let target = s.addr.to_string();
    let out = bin()
        .args([
            target.as_str(),
            "--vrfy",
            "alice",
            "--json",
            "--starttls",
            "never",
        ])
        .output()
        .expect("run");
    s.finish();
    assert_eq!(out.status.code(), Some(0));
    let r: JReport = serde_json::from_slice(&out.stdout).expect("JSON follows the contract");
    assert_eq!(r.schema, 1);
    assert_eq!(r.target, target);
    assert_eq!((r.status.as_str(), r.exit_code), ("ok", 0));
    assert_eq!(r.dns.kind, "direct");
    assert!(r.dns.error.is_none());
    assert_eq!(r.dns.mx[0].addresses, vec!["127.0.0.1".to_owned()]);
    let _ = (r.dns.mx[0].preference, &r.dns.mx[0].exchange);
    let srv = &r.servers[0];
    assert_eq!(
        (srv.host.as_str(), srv.address.as_deref(), srv.port),
        ("127.0.0.1", Some("127.0.0.1"), s_port(&target))
    );
    assert_eq!(srv.status, "ok");
    assert!(srv.extensions.contains(&"SIZE 10240000".to_owned()));
    assert_eq!(srv.steps[0].command, None);
    assert_eq!(srv.steps[0].code, 220);
    assert!(
        srv.steps
            .iter()
            .all(|st| st.elapsed_ms >= 0.0 && !st.meaning.is_empty() && !st.lines.is_empty())
    );
    assert_eq!(srv.steps[2].enhanced.as_deref(), Some("2.0.0"));
    let c = &srv.checks[0];
    assert_eq!(
        (c.kind.as_str(), c.argument.as_str(), c.code),
        ("vrfy", "alice", Some(252))
    );
    assert_eq!(c.outcome, "exists");
    assert!(!c.meaning.is_empty());
    let canary = c.canary.as_ref().expect("canary");
    assert!(canary.argument.starts_with("nx-probe-"));
    assert_eq!(canary.code, Some(550));
    assert_eq!(c.discriminates, Some(true));
    assert!(srv.error.as_ref().map(|e| (&e.phase, &e.message)).is_none());
}

fn s_port(target: &str) -> u16 {
    target
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("port")
}

#[test]
fn refused_connection_is_critical_with_phase_in_json() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("bind")
        .port();
    let out = bin()
        .args([&format!("127.0.0.1:{port}"), "--json"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let r: JReport = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(r.status, "critical");
    let e = r.servers[0].error.as_ref().expect("error");
    assert_eq!(e.phase, "connect");
    assert!(!e.message.is_empty());
}

#[test]
fn human_report_escapes_server_text() {
    let s = FakeSmtp::start(vec![
        Step::Send("220 mx.test \x1b]0;owned\x07\x1b[31mred\r\n"),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let target = s.addr.to_string();
    let out = bin()
        .args([target.as_str(), "--color", "never"])
        .output()
        .expect("run");
    s.finish();
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        !text.contains('\x1b'),
        "raw escape reached the terminal: {text}"
    );
    assert!(text.contains("\\x1b]0;owned\\x07"));
    assert!(text.contains("C: EHLO"));
    assert!(text.contains("Verdict:"));
}
