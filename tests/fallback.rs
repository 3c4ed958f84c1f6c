//! Issue 10 item 5: opportunistic TLS that fails must not stop the checks. With
//! `--starttls auto` (the default), a server that accepts STARTTLS (220) but whose TLS
//! handshake then fails is probed again in plain text on a second connection, as
//! opportunistic senders deliver to it: a WARNING finding `starttls_handshake_failed` with
//! the precise reason, the checks done in plain text, both connections in the report.
//! `--starttls require` stays CRITICAL, with no second connection; a certificate that merely
//! does not verify is no handshake failure.
//!
//! The servers are in-process (`common/tls_server.rs`) on 127.0.0.1:0; each accepts any
//! number of connections and logs every line it received (`plain:` / `tls:`), so a test can
//! count the connections (each says EHLO once in plain text) and see what went where.

#[path = "common/tls_server.rs"]
mod tls_server;

use serde_json::Value;
use smtpprobe::report::Report;
use tls_server::*;

struct Run {
    code: i32,
    report: Report,
    json: Value,
}

fn run(server: &TestServer, extra: &[&str]) -> std::process::Output {
    let target = server.target();
    let mut args = vec![
        target.as_str(),
        "--timeout",
        "5",
        "--connect-timeout",
        "2",
        "--helo",
        "probe.test",
    ];
    args.extend_from_slice(extra);
    std::process::Command::new(env!("CARGO_BIN_EXE_smtpprobe"))
        .args(&args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run smtpprobe")
}

fn probe(server: &TestServer, extra: &[&str]) -> Run {
    let mut args = vec!["--json"];
    args.extend_from_slice(extra);
    let out = run(server, &args);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let json: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "not a JSON report ({e}):\n{stdout}\nstderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let report: Report = serde_json::from_value(json.clone()).expect("the report model");
    Run {
        code: out.status.code().unwrap_or(-1),
        report,
        json,
    }
}

/// A STARTTLS server whose handshake fails as a TLS-1.0-only server's does (a
/// protocol_version alert to our TLS 1.2/1.3 ClientHello), knowing the user alice.
fn old_tls_server() -> TestServer {
    let pki = Pki::new();
    let mut script = Script::new(pki.leaf(LeafSpec::default()));
    script.tls_below_12 = true;
    script.users = &["alice"];
    TestServer::start(script)
}

fn outcome(o: smtpprobe::vocab::Outcome) -> String {
    serde_json::to_value(o)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn count(lines: &[String], line: &str) -> usize {
    lines.iter().filter(|l| *l == line).count()
}

#[test]
fn a_failed_starttls_handshake_in_auto_mode_is_a_warning_and_the_checks_run_in_plain_text() {
    let server = old_tls_server();
    let r = probe(&server, &["--vrfy", "alice"]);
    assert_eq!(r.code, 1, "{:#?}", r.json);
    let s = &r.report.servers[0];
    assert_eq!(s.status.label(), "WARNING");

    // The finding, WARNING, with the precise reason.
    let f = &s.findings[0];
    assert_eq!(f.id.to_string(), "starttls_handshake_failed");
    assert_eq!(f.status.label(), "WARNING");
    assert!(f.message.contains("(protocol_version)"), "{}", f.message);
    assert!(f.message.contains("TLS 1.0/1.1"), "{}", f.message);
    assert!(
        f.message
            .contains("retried in plain text on a new connection and ran the checks"),
        "{}",
        f.message
    );
    assert!(f.message.contains("travels unencrypted"), "{}", f.message);

    // The checks ran, in plain text, on the second connection.
    assert_eq!(s.checks.len(), 1);
    let c = &s.checks[0];
    assert_eq!((c.argument.as_str(), c.code), ("alice", Some(250)));
    assert_eq!(outcome(c.outcome), "exists");
    assert!(s.error.is_none(), "{:?}", s.error);
    assert!(s.steps.iter().all(|st| !st.tls));
    assert!(s.steps.iter().all(|st| st.context.name() != "starttls"));
    assert!(
        s.steps
            .iter()
            .any(|st| st.context.name() == "quit" && st.code == 221)
    );

    // The first connection: up to the 220 to STARTTLS, given up in the handshake; the
    // server's TLS is what that handshake found.
    assert_eq!(s.attempts.len(), 1);
    let a = &s.attempts[0];
    let last = a.steps.last().expect("steps");
    assert_eq!((last.context.name(), last.code), ("starttls", 220));
    let e = a.error.as_ref().expect("the handshake error");
    assert_eq!(e.phase.error_name(), "tls_handshake");
    let tls = s.tls.as_ref().expect("tls");
    assert_eq!(tls.mode.as_str(), "starttls");
    assert_eq!(tls.version, None);
    assert_eq!(
        tls.verify_error.as_ref().map(|v| v.reason.as_str()),
        Some("protocol_version")
    );

    // The JSON as documented (docs/json.md): `attempts` beside the plain-text connection.
    let js = &r.json["servers"][0];
    assert_eq!(js["attempts"].as_array().map(Vec::len), Some(1));
    assert_eq!(js["attempts"][0]["error"]["phase"], "tls_handshake");
    assert_eq!(js["checks"][0]["outcome"], "exists");
    assert_eq!(js["findings"][0]["id"], "starttls_handshake_failed");
    assert!(
        r.report.summary.contains("protocol_version"),
        "{}",
        r.report.summary
    );

    // Two connections: STARTTLS on the first only, VRFY on the second, in plain text.
    let lines = server.lines();
    assert_eq!(count(&lines, "plain: EHLO probe.test"), 2, "{lines:?}");
    assert_eq!(count(&lines, "plain: STARTTLS"), 1, "{lines:?}");
    assert_eq!(
        count(&lines, "[sent protocol_version alert]"),
        1,
        "{lines:?}"
    );
    assert_eq!(count(&lines, "plain: VRFY alice"), 1, "{lines:?}");
    assert!(!lines.iter().any(|l| l.starts_with("tls:")), "{lines:?}");
}

#[test]
fn require_mode_stays_critical_with_no_second_connection() {
    let server = old_tls_server();
    let r = probe(&server, &["--vrfy", "alice", "--starttls", "require"]);
    assert_eq!(r.code, 2, "{:#?}", r.json);
    let s = &r.report.servers[0];
    assert!(s.attempts.is_empty());
    assert!(r.json["servers"][0].get("attempts").is_none());
    assert!(
        !s.findings
            .iter()
            .any(|f| f.id == "starttls_handshake_failed")
    );
    assert_eq!(
        s.error.as_ref().map(|e| e.phase.error_name()),
        Some("tls_handshake")
    );
    assert_eq!(outcome(s.checks[0].outcome), "not_checked");
    let lines = server.lines();
    assert_eq!(count(&lines, "plain: EHLO probe.test"), 1, "{lines:?}");
    assert_eq!(count(&lines, "plain: VRFY alice"), 0, "{lines:?}");
}

/// A server that closes the connection after its 220 to STARTTLS: the handshake failed
/// (`closed`), so the probe retries in plain text too.
#[test]
fn a_close_after_220_to_starttls_also_falls_back() {
    let pki = Pki::new();
    let mut script = Script::new(pki.leaf(LeafSpec::default()));
    script.close_after_220 = true;
    script.users = &["alice"];
    let server = TestServer::start(script);
    let r = probe(&server, &["--vrfy", "alice"]);
    assert_eq!(r.code, 1, "{:#?}", r.json);
    let s = &r.report.servers[0];
    assert!(
        s.findings[0].message.contains("(closed)"),
        "{}",
        s.findings[0].message
    );
    assert_eq!(outcome(s.checks[0].outcome), "exists");
    assert_eq!(s.attempts.len(), 1);
}

/// In auto mode a certificate that does not verify is no handshake failure: the probe goes
/// on over the unverified TLS, on one connection.
#[test]
fn a_certificate_that_does_not_verify_is_no_reason_to_fall_back() {
    let pki = Pki::new();
    let mut script = Script::new(pki.leaf(LeafSpec::default()));
    script.users = &["alice"];
    let server = TestServer::start(script);
    // No --ca-file: the private CA is unknown.
    let r = probe(&server, &["--vrfy", "alice"]);
    assert_eq!(r.code, 1, "{:#?}", r.json);
    let s = &r.report.servers[0];
    assert!(s.attempts.is_empty());
    assert!(s.findings.iter().any(|f| f.id == "tls_certificate_invalid"));
    assert!(
        !s.findings
            .iter()
            .any(|f| f.id == "starttls_handshake_failed")
    );
    let lines = server.lines();
    assert_eq!(count(&lines, "plain: EHLO probe.test"), 1, "{lines:?}");
    assert_eq!(count(&lines, "tls: VRFY alice"), 1, "{lines:?}");
}

#[test]
fn the_human_report_shows_both_connections() {
    let server = old_tls_server();
    let out = run(&server, &["--vrfy", "alice", "--color", "never"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    let first = text.find("Connection 1: STARTTLS; given up: the TLS handshake failed");
    let second = text.find("Connection 2: plain text");
    let (Some(first), Some(second)) = (first, second) else {
        panic!("both connections are shown:\n{text}");
    };
    assert!(first < second, "{text}");
    // The handshake's reason and advice under the first; its message once, in the findings.
    let failed = text.find("HANDSHAKE FAILED (protocol_version): see Findings");
    assert!(failed.is_some_and(|f| first < f && f < second), "{text}");
    assert!(
        text.contains("what to do: enable TLS 1.2 and 1.3"),
        "{text}"
    );
    assert!(
        text.contains("TLS none (the retry stayed in plain text)"),
        "{text}"
    );
    assert!(text.contains("VRFY alice → 250 OK (exists)"), "{text}");
    let findings = text.find("  Findings").expect("findings");
    assert!(second < findings, "{text}");
    assert!(
        text[findings..].contains(
            "WARNING STARTTLS was accepted, but the TLS handshake failed (protocol_version)"
        ),
        "{text}"
    );
    assert!(text.contains("2 connections, total"), "{text}");
}

/// Monitoring outputs count the server once, with the plain-text connection's result.
#[test]
fn nagios_and_prometheus_count_the_server_once() {
    let server = old_tls_server();
    let out = run(&server, &["--vrfy", "alice", "--format", "nagios"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    let head = lines.next().unwrap_or_default();
    assert!(head.starts_with("SMTP WARNING - "), "{text}");
    assert!(head.contains("protocol_version"), "{text}");
    let servers: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("127.0.0.1 ["))
        .collect();
    assert_eq!(servers.len(), 1, "{text}");
    assert!(servers[0].contains("WARNING"), "{text}");
    assert!(servers[0].contains("VRFY 250"), "{text}");
    assert!(!servers[0].contains("STARTTLS"), "{text}");
    assert!(
        text.contains("  WARNING STARTTLS was accepted, but the TLS handshake failed"),
        "{text}"
    );

    let out = run(&server, &["--vrfy", "alice", "--format", "prometheus"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    let status: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("smtpprobe_server_status{"))
        .collect();
    assert_eq!(status.len(), 1, "{text}");
    assert!(status[0].ends_with(" 1"), "{text}");
    let up: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("smtpprobe_up{"))
        .collect();
    assert_eq!(up.len(), 1, "{text}");
    assert!(up[0].ends_with(" 1"), "{text}");
    assert!(text.contains("smtpprobe_status{target=\""), "{text}");
}
