//! Monitoring outputs (nagios, prometheus) and thresholds, on fixed reports built in code,
//! plus the binary's exit codes, `--quiet` and `--output` against a scripted local server.
//!
//! Snapshots live in `tests/snapshots/`; a missing or different one fails. Run
//! `UPDATE_SNAPSHOTS=1 cargo test --test monitoring` to write them after an intended change
//! (or for a new snapshot), then review the diff.

use smtpprobe::assess::thresholds;
use smtpprobe::cli::OutputFormat;
use smtpprobe::exit::Status;
use smtpprobe::output;
use smtpprobe::report::{Report, nagios, prometheus};
use smtpprobe::thresholds::Thresholds;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::Command;

// ---------------------------------------------------------------- fixtures

fn step(
    command: Option<&str>,
    context: &str,
    code: u16,
    enhanced: Option<&str>,
    line: &str,
    ms: f64,
    status: &str,
) -> serde_json::Value {
    serde_json::json!({
        "command": command, "request": command, "context": context, "code": code,
        "enhanced": enhanced, "lines": [line], "elapsed_ms": ms,
        "meaning": format!("reply {code} (class {}xx)", code / 100), "advice": "",
        "status": status, "rule": format!("class:{}", code / 100), "server_hint": null,
        "anomalies": [], "tls": false
    })
}

fn server(host: &str, address: &str, steps: Vec<serde_json::Value>) -> serde_json::Value {
    serde_json::json!({
        "host": host, "address": address, "port": 25, "probed": true, "status": "ok",
        "helo": "probe.example.net", "extensions": ["PIPELINING"], "connect_ms": 4.0,
        "steps": steps, "checks": [], "findings": [], "error": null, "elapsed_ms": 25.0
    })
}

/// Builds a report from servers the way the probe does: statuses merged from the steps and
/// the verdict computed by `probe::verdict`.
fn report(servers: Vec<serde_json::Value>) -> Report {
    let v = serde_json::json!({
        "schema": 1, "tool": "smtpprobe 0.1.0", "target": "example.com", "status": "ok",
        "exit_code": 0, "summary": "",
        "dns": {"kind": "mx", "resolver": "system", "error": null, "elapsed_ms": 2.0,
                "mx": [{"preference": 10, "exchange": "mx1.example.com",
                        "addresses": ["192.0.2.10"], "error": null}]},
        "servers": servers, "elapsed_ms": 30.0
    });
    let mut r: Report = serde_json::from_value(v).expect("fixture is a valid report");
    for s in &mut r.servers {
        let steps = s.steps.iter().map(|st| st.status);
        s.status = smtpprobe::exit::merge_all(steps);
        if s.error.is_some() {
            s.status = s.status.merge(Status::Critical);
        }
    }
    let (status, summary) = smtpprobe::assess::verdict::verdict(&r.dns, &r.servers, false);
    r.status = status;
    r.exit_code = status.exit_code();
    r.summary = summary;
    r
}

fn ok_report() -> Report {
    report(vec![server(
        "mx1.example.com",
        "192.0.2.10",
        vec![
            step(
                None,
                "greeting",
                220,
                None,
                "220 mx1.example.com ESMTP",
                12.5,
                "ok",
            ),
            step(
                Some("EHLO"),
                "ehlo",
                250,
                None,
                "250 mx1.example.com",
                3.25,
                "ok",
            ),
            step(
                Some("QUIT"),
                "quit",
                221,
                Some("2.0.0"),
                "221 2.0.0 Bye",
                1.0,
                "ok",
            ),
        ],
    )])
}

/// 530 5.7.57 to MAIL: the greeting was fine, a later reply was not.
fn refused_report() -> Report {
    report(vec![server(
        "mx1.example.com",
        "192.0.2.10",
        vec![
            step(
                None,
                "greeting",
                220,
                None,
                "220 mx1.example.com ESMTP",
                12.5,
                "ok",
            ),
            step(
                Some("EHLO"),
                "ehlo",
                250,
                None,
                "250 mx1.example.com",
                3.25,
                "ok",
            ),
            step(
                Some("MAIL"),
                "mail",
                530,
                Some("5.7.57"),
                "530 5.7.57 Client not authenticated to send mail",
                2.0,
                "critical",
            ),
            step(Some("QUIT"), "quit", 221, None, "221 Bye", 1.0, "ok"),
        ],
    )])
}

/// The connection itself refused: nothing listens on port 25.
fn connect_refused_report() -> Report {
    let mut s = server("mx1.example.com", "192.0.2.10", vec![]);
    s["connect_ms"] = serde_json::Value::Null;
    s["helo"] = serde_json::Value::Null;
    s["extensions"] = serde_json::json!([]);
    s["error"] = serde_json::json!({"phase": "connect", "kind": "refused",
        "message": "cannot connect to 192.0.2.10:25: Connection refused (os error 111); nothing listens on that port (is the MTA running, on this port and address?)"});
    report(vec![s])
}

/// DNS could not answer (SERVFAIL): nothing is known about the servers.
fn unknown_dns_report() -> Report {
    let mut r = report(vec![]);
    r.dns.mx.clear();
    r.dns.error = Some(smtpprobe::vocab::DnsProblem {
        kind: smtpprobe::vocab::DnsProblemKind::Servfail,
        message: "the resolver answered SERVFAIL for example.com MX".into(),
        status: Status::Unknown,
    });
    let (status, summary) = smtpprobe::assess::verdict::verdict(&r.dns, &r.servers, false);
    r.status = status;
    r.exit_code = status.exit_code();
    r.summary = summary;
    r
}

fn render(report: &Report, format: OutputFormat, t: &Thresholds) -> String {
    let mut out = Vec::new();
    output::render(report, format, false, t, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// Compares `actual` with `tests/snapshots/NAME`. A missing or different snapshot fails;
/// with `UPDATE_SNAPSHOTS` set, the file is (re)written instead.
fn snapshot(name: &str, actual: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    snapshot_in(&dir, name, actual, update);
}

fn snapshot_in(dir: &Path, name: &str, actual: &str, update: bool) {
    let path = dir.join(name);
    if update {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(&path, actual).unwrap();
        eprintln!("wrote snapshot {}", path.display());
        return;
    }
    let expected = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => panic!(
            "snapshot {name} is missing ({}: {e}); create it with \
             `UPDATE_SNAPSHOTS=1 cargo test --test monitoring`, then review and commit it",
            path.display()
        ),
    };
    assert_eq!(
        actual, expected,
        "snapshot {name} differs (UPDATE_SNAPSHOTS=1 cargo test --test monitoring to rewrite)"
    );
}

#[test]
fn a_missing_snapshot_fails_and_says_how_to_create_it() {
    let dir = tempfile::tempdir().unwrap();
    let missing = std::panic::catch_unwind(|| snapshot_in(dir.path(), "missing.txt", "x", false));
    let message = match missing {
        Ok(()) => panic!("a missing snapshot passed"),
        Err(p) => p
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_default(),
    };
    assert!(
        message.contains("missing.txt")
            && message.contains("UPDATE_SNAPSHOTS=1 cargo test --test monitoring"),
        "{message}"
    );
    assert!(!dir.path().join("missing.txt").exists(), "written anyway");
    // The real helper too, on a name no test uses (unless snapshots are being rewritten).
    if std::env::var_os("UPDATE_SNAPSHOTS").is_none() {
        let name = "no-such-snapshot.txt";
        assert!(std::panic::catch_unwind(|| snapshot(name, "x")).is_err());
        let real = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/snapshots")
            .join(name);
        assert!(!real.exists(), "snapshot() wrote {}", real.display());
    }
    // With UPDATE_SNAPSHOTS the file is written, and then matches.
    snapshot_in(dir.path(), "missing.txt", "x", true);
    snapshot_in(dir.path(), "missing.txt", "x", false);
    assert!(
        std::panic::catch_unwind(|| snapshot_in(dir.path(), "missing.txt", "y", false)).is_err()
    );
}

// ---------------------------------------------------------------- snapshots

#[test]
fn ok_report_in_every_format() {
    let r = ok_report();
    let none = Thresholds::default();
    assert_eq!(r.status, Status::Ok);
    snapshot("ok.nagios", &render(&r, OutputFormat::Nagios, &none));
    snapshot("ok.prom", &render(&r, OutputFormat::Prometheus, &none));
    snapshot("ok.json", &render(&r, OutputFormat::Json, &none));
    snapshot("ok.txt", &render(&r, OutputFormat::Human, &none));
}

#[test]
fn slow_greeting_is_a_warning_named_in_the_summary_and_perfdata() {
    let mut r = ok_report();
    let t = Thresholds::from_args(Some("20"), Some("60"), &["greeting=0.01,1".into()]).unwrap();
    thresholds::apply(&mut r, &t);
    assert_eq!(r.status, Status::Warning);
    assert_eq!(r.exit_code, 1);
    assert!(
        r.summary
            .starts_with("greeting of mx1.example.com took 0.0125 s > 0.01 s"),
        "{}",
        r.summary
    );
    assert!(
        r.servers[0]
            .findings
            .iter()
            .any(|f| f.id == "threshold_greeting" && f.status == Status::Warning)
    );
    let n = render(&r, OutputFormat::Nagios, &t);
    assert!(n.starts_with("SMTP WARNING - greeting of mx1.example.com took"));
    assert!(
        n.contains("'mx1.example.com_greeting'=0.0125s;0.01;1;0"),
        "{n}"
    );
    assert!(n.contains("'total'=0.03s;20;60;0"), "{n}");
    snapshot("warning-threshold.nagios", &n);
    snapshot(
        "warning-threshold.prom",
        &render(&r, OutputFormat::Prometheus, &t),
    );
    snapshot(
        "warning-threshold.json",
        &render(&r, OutputFormat::Json, &t),
    );
}

#[test]
fn total_time_over_critical_is_critical() {
    let mut r = ok_report();
    let t = Thresholds::from_args(Some("0.01"), Some("0.02"), &[]).unwrap();
    thresholds::apply(&mut r, &t);
    assert_eq!(r.status, Status::Critical);
    assert!(
        r.summary.starts_with("total took 0.03 s > 0.02 s"),
        "{}",
        r.summary
    );
}

#[test]
fn a_refused_mail_from_is_critical_even_after_a_good_greeting() {
    let r = refused_report();
    assert_eq!(r.status, Status::Critical);
    assert_eq!(r.exit_code, 2);
    let n = render(&r, OutputFormat::Nagios, &Thresholds::default());
    let first = n.lines().next().unwrap();
    assert!(first.starts_with("SMTP CRITICAL - "), "{first}");
    assert!(
        first.contains("MAIL answered \"530 5.7.57 Client not authenticated to send mail\""),
        "{first}"
    );
    snapshot("critical-refusal.nagios", &n);
    snapshot(
        "critical-refusal.prom",
        &render(&r, OutputFormat::Prometheus, &Thresholds::default()),
    );
}

#[test]
fn connection_refused_is_critical() {
    let r = connect_refused_report();
    assert_eq!((r.status, r.exit_code), (Status::Critical, 2));
    let none = Thresholds::default();
    let n = render(&r, OutputFormat::Nagios, &none);
    assert!(n.starts_with("SMTP CRITICAL - mx1.example.com [192.0.2.10]:25: cannot connect"));
    snapshot("critical-connect-refused.nagios", &n);
    snapshot(
        "critical-connect-refused.prom",
        &render(&r, OutputFormat::Prometheus, &none),
    );
}

#[test]
fn dns_servfail_is_unknown() {
    let r = unknown_dns_report();
    assert_eq!((r.status, r.exit_code), (Status::Unknown, 3));
    let none = Thresholds::default();
    let n = render(&r, OutputFormat::Nagios, &none);
    assert!(
        n.starts_with("SMTP UNKNOWN - the resolver answered SERVFAIL"),
        "{n}"
    );
    snapshot("unknown-dns.nagios", &n);
    snapshot(
        "unknown-dns.prom",
        &render(&r, OutputFormat::Prometheus, &none),
    );
}

#[test]
fn labels_name_the_address_when_a_host_has_several() {
    let steps = || vec![step(None, "greeting", 220, None, "220 hi", 1.0, "ok")];
    let r = report(vec![
        server("mx1.example.com", "192.0.2.10", steps()),
        server("mx1.example.com", "2001:db8::10", steps()),
        server("mx2.example.com", "192.0.2.20", steps()),
    ]);
    let n = render(&r, OutputFormat::Nagios, &Thresholds::default());
    assert!(
        n.contains("'mx1.example.com[192.0.2.10]_greeting'=0.001s"),
        "{n}"
    );
    assert!(
        n.contains("'mx1.example.com[2001:db8::10]_greeting'=0.001s"),
        "{n}"
    );
    assert!(n.contains("'mx2.example.com_greeting'=0.001s"), "{n}");
    let p = render(&r, OutputFormat::Prometheus, &Thresholds::default());
    check_exposition(&p);
    promtool(&p);
}

#[test]
fn thresholds_within_limits_change_nothing_but_are_recorded() {
    let mut r = ok_report();
    let before = r.summary.clone();
    let t = Thresholds::from_args(Some("10"), None, &["greeting=1,2".into()]).unwrap();
    thresholds::apply(&mut r, &t);
    assert_eq!(r.status, Status::Ok);
    assert_eq!(r.summary, before);
    assert_eq!(r.thresholds.len(), 2);
    assert!(r.thresholds.iter().all(|t| t.status == Status::Ok));
}

// ---------------------------------------------------------------- hostile text

fn evil_report() -> Report {
    let evil = "550 no|pe\r\nSMTP OK - all fine | 'x'=1s\n\"quoted\" back\\slash \u{1b}[2J";
    let mut r = report(vec![server(
        "mx1.example.com",
        "192.0.2.10",
        vec![
            step(None, "greeting", 220, None, evil, 1.0, "ok"),
            step(Some("EHLO"), "ehlo", 554, None, evil, 1.0, "critical"),
        ],
    )]);
    r.servers[0]
        .findings
        .push(smtpprobe::report::FindingReport {
            id: smtpprobe::vocab::FindingId::MailRefused,
            status: Status::Warning,
            message: evil.into(),
        });
    r.servers[0].host = "mx'1=|\"\\\n.example.com".into();
    r.summary = format!("{} {evil}", r.summary);
    r
}

#[test]
fn hostile_server_text_cannot_corrupt_the_nagios_output() {
    let r = evil_report();
    let out = render(&r, OutputFormat::Nagios, &Thresholds::default());
    let mut lines = out.lines();
    let first = lines.next().unwrap();
    assert!(first.starts_with("SMTP CRITICAL - "), "{first}");
    // Exactly one '|': the one that starts perfdata.
    assert_eq!(out.matches('|').count(), 1, "{out}");
    let (_, perf) = first.split_once(" | ").unwrap();
    for item in nagios_perf_items(perf) {
        let (label, rest) = item.rsplit_once('=').unwrap();
        assert!(label.starts_with('\'') && label.ends_with('\''), "{item}");
        let inner = &label[1..label.len() - 1];
        assert!(!inner.replace("''", "").contains('\''), "{item}");
        let value = rest.split(';').next().unwrap();
        let number = value.trim_end_matches('s');
        assert!(number.parse::<f64>().is_ok(), "{item}");
        assert!(!number.contains('e'), "{item}");
    }
    for line in lines {
        assert!(!line.chars().any(char::is_control), "{line:?}");
        assert!(!line.starts_with("SMTP "), "{line:?}");
    }
}

/// Splits perfdata on spaces outside single-quoted labels.
fn nagios_perf_items(perf: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in perf.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                cur.push(c);
            }
            ' ' if !quoted => {
                if !cur.is_empty() {
                    items.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        items.push(cur);
    }
    assert!(!quoted, "unbalanced quotes in {perf}");
    items
}

#[test]
fn hostile_server_text_cannot_corrupt_the_metrics() {
    let r = evil_report();
    let out = render(&r, OutputFormat::Prometheus, &Thresholds::default());
    check_exposition(&out);
    assert!(
        out.contains("host=\"mx'1=|\\\"\\\\\\n.example.com\""),
        "{out}"
    );
    promtool(&out);
}

/// A small, strict reader of the exposition format: HELP/TYPE once per family before its
/// samples, families contiguous, `name{k="v",…} value` with escapes only `\\ \" \n`.
fn check_exposition(text: &str) {
    let mut typed: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("# ") {
            let mut parts = rest.splitn(3, ' ');
            let kind = parts.next().unwrap();
            let name = parts.next().unwrap().to_owned();
            assert!(kind == "HELP" || kind == "TYPE", "{line}");
            if kind == "HELP" {
                assert!(!typed.contains(&name), "family {name} appears twice");
                typed.push(name.clone());
                current = name;
            } else {
                assert_eq!(name, current, "TYPE without HELP: {line}");
                assert_eq!(parts.next(), Some("gauge"));
            }
            continue;
        }
        let (name, rest) = line.split_once('{').expect("labels");
        assert_eq!(name, current, "sample outside its family: {line}");
        let mut chars = rest.chars();
        loop {
            let key: String = chars.by_ref().take_while(|c| *c != '=').collect();
            assert!(
                key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
                "{line}"
            );
            assert_eq!(chars.next(), Some('"'), "{line}");
            loop {
                match chars.next().expect("unterminated label value") {
                    '\\' => assert!(matches!(chars.next(), Some('\\' | '"' | 'n')), "{line}"),
                    '"' => break,
                    '\n' => panic!("raw newline"),
                    _ => {}
                }
            }
            match chars.next() {
                Some(',') => continue,
                Some('}') => break,
                other => panic!("{other:?} after a label in {line}"),
            }
        }
        let value: String = chars.collect();
        let value = value.strip_prefix(' ').expect("space before value");
        assert!(value.parse::<f64>().is_ok(), "{line}");
    }
}

/// Runs `promtool check metrics` on the text when promtool is installed.
fn promtool(text: &str) {
    let child = Command::new("promtool")
        .args(["check", "metrics"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        eprintln!("promtool not found: skipping `promtool check metrics`");
        return;
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "promtool check metrics failed:\n{}{}\n---\n{text}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn metrics_pass_promtool_for_every_fixture() {
    let t = Thresholds::from_args(None, None, &["greeting=0.01,1".into()]).unwrap();
    for mut r in [
        ok_report(),
        refused_report(),
        connect_refused_report(),
        unknown_dns_report(),
    ] {
        thresholds::apply(&mut r, &t);
        let out = render(&r, OutputFormat::Prometheus, &t);
        check_exposition(&out);
        promtool(&out);
    }
}

#[test]
fn nagios_renderer_is_usable_directly() {
    let mut out = Vec::new();
    nagios::render(&ok_report(), &Thresholds::default(), &mut out).unwrap();
    let mut prom = Vec::new();
    prometheus::render(&ok_report(), &mut prom).unwrap();
    assert!(String::from_utf8(out).unwrap().starts_with("SMTP OK - "));
    assert!(
        String::from_utf8(prom)
            .unwrap()
            .contains("smtpprobe_status{target=\"example.com\"} 0")
    );
}

// ---------------------------------------------------------------- the binary

/// A scripted SMTP server on 127.0.0.1:0 for one connection; `mail` is the reply to MAIL.
/// Returns the port and a handle that yields the commands it received.
fn scripted_server(mail: &'static str) -> (u16, std::thread::JoinHandle<Vec<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let handle = std::thread::spawn(move || {
        let mut seen = Vec::new();
        let Ok((stream, _)) = listener.accept() else {
            return seen;
        };
        let mut w = stream.try_clone().unwrap();
        let mut r = BufReader::new(stream);
        let _ = w.write_all(b"220 test.example ESMTP ready\r\n");
        let mut line = String::new();
        while r.read_line(&mut line).map(|n| n > 0).unwrap_or(false) {
            let verb = line.split_whitespace().next().unwrap_or("").to_uppercase();
            seen.push(line.trim_end().to_owned());
            let reply = match verb.as_str() {
                "EHLO" => "250-test.example\r\n250 PIPELINING\r\n",
                "MAIL" => mail,
                "RCPT" | "RSET" => "250 2.0.0 OK\r\n",
                "VRFY" => "252 2.0.0 Cannot VRFY user\r\n",
                "QUIT" => "221 2.0.0 Bye\r\n",
                _ => "502 5.5.1 Not implemented\r\n",
            };
            let _ = w.write_all(reply.as_bytes());
            if verb == "QUIT" {
                break;
            }
            line.clear();
        }
        seen
    });
    (port, handle)
}

/// Runs the binary in plain text (`--starttls never`): the scripted server has no TLS.
fn smtpprobe(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_smtpprobe"))
        .args(args)
        .args(["--starttls", "never"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn code(o: &std::process::Output) -> i32 {
    o.status.code().expect("exited normally")
}

#[test]
fn binary_exit_code_ok_with_nagios_output() {
    let (port, server) = scripted_server("250 2.1.0 OK\r\n");
    let target = format!("127.0.0.1:{port}");
    let o = smtpprobe(&[&target, "--format", "nagios", "--timeout", "5"]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(code(&o), 0, "{stdout}");
    assert!(stdout.starts_with("SMTP OK - "), "{stdout}");
    assert!(stdout.contains("'127.0.0.1_greeting'="), "{stdout}");
    assert!(server.join().unwrap().iter().any(|c| c == "QUIT"));
}

#[test]
fn binary_530_to_mail_is_critical_and_named() {
    let (port, server) = scripted_server("530 5.7.57 Client not authenticated\r\n");
    let target = format!("127.0.0.1:{port}");
    let o = smtpprobe(&[
        &target,
        "--format",
        "nagios",
        "--rcpt",
        "user@example.com",
        "--no-canary",
        "--timeout",
        "5",
    ]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(code(&o), 2, "{stdout}");
    let first = stdout.lines().next().unwrap_or("");
    assert!(first.starts_with("SMTP CRITICAL - "), "{first}");
    assert!(first.contains("530 5.7.57"), "{first}");
    let seen = server.join().unwrap();
    assert!(seen.iter().any(|c| c.starts_with("MAIL FROM")), "{seen:?}");
}

#[test]
fn binary_exit_codes_for_warning_and_critical_thresholds() {
    for (flag, expected, label) in [("-w", 1, "WARNING"), ("-c", 2, "CRITICAL")] {
        let (port, server) = scripted_server("250 OK\r\n");
        let target = format!("127.0.0.1:{port}");
        // No probe finishes within a microsecond.
        let o = smtpprobe(&[&target, "--format", "nagios", flag, "0.000001"]);
        let stdout = String::from_utf8_lossy(&o.stdout);
        assert_eq!(code(&o), expected, "{stdout}");
        assert!(
            stdout.starts_with(&format!("SMTP {label} - total took")),
            "{stdout}"
        );
        assert!(stdout.contains(";0.000001"), "{stdout}");
        server.join().unwrap();
    }
}

#[test]
fn binary_connection_refused_is_critical() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let target = format!("127.0.0.1:{port}");
    let o = smtpprobe(&[&target, "--format", "nagios", "--connect-timeout", "2"]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(code(&o), 2, "{stdout}");
    assert!(stdout.starts_with("SMTP CRITICAL - "), "{stdout}");
}

#[test]
fn binary_usage_errors_are_unknown() {
    for args in [
        &["example.com", "--threshold", "bogus=1"][..],
        &["example.com", "--format", "xml"],
        &["example.com", "-w", "soon"],
        &["example.com", "--output", "/nonexistent-dir/x.prom"],
    ] {
        let o = smtpprobe(args);
        assert_eq!(code(&o), 3, "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        assert!(!o.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn binary_quiet_prints_nothing() {
    let (port, server) = scripted_server("250 OK\r\n");
    let target = format!("127.0.0.1:{port}");
    let o = smtpprobe(&[&target, "--quiet", "-c", "0.000001"]);
    assert_eq!(code(&o), 2);
    assert!(o.stdout.is_empty() && o.stderr.is_empty());
    server.join().unwrap();
}

#[test]
fn binary_output_file_is_written_whole_with_no_temporary_left() {
    let (port, server) = scripted_server("250 OK\r\n");
    let target = format!("127.0.0.1:{port}");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("smtp.prom");
    std::fs::write(&file, "stale\n").unwrap();
    let o = smtpprobe(&[
        &target,
        "--format",
        "prometheus",
        "--output",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    assert!(o.stdout.is_empty());
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.ends_with('\n') && text.contains("smtpprobe_up{"),
        "{text}"
    );
    check_exposition(&text);
    promtool(&text);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("smtp.prom")]);
    server.join().unwrap();
}

#[test]
fn binary_output_failure_is_one_line_and_unknown() {
    let (port, server) = scripted_server("250 OK\r\n");
    let target = format!("127.0.0.1:{port}");
    let dir = tempfile::tempdir().unwrap();
    // The file name is taken by a non-empty directory: rename fails after probing.
    let file = dir.path().join("taken");
    std::fs::create_dir(&file).unwrap();
    std::fs::write(file.join("x"), "").unwrap();
    let o = smtpprobe(&[&target, "--output", file.to_str().unwrap()]);
    assert_eq!(code(&o), 3);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("smtpprobe: cannot write "), "{err}");
    server.join().unwrap();
}
