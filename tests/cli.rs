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

/// Arguments the probe cannot use, and texts their error must hold.
type BadArgs = &'static [(&'static [&'static str], &'static [&'static str])];

const BAD_ARGUMENTS: BadArgs = &[
    // Non-ASCII goes on the wire only with --smtputf8 (RFC 6531).
    (
        &["127.0.0.1:9", "--vrfy", "jürgen"],
        &["--vrfy \"jürgen\" is not ASCII (U+00FC)", "add --smtputf8"],
    ),
    (
        &["127.0.0.1:9", "--rcpt", "ü@bücher.example"],
        &["--rcpt", "not ASCII", "--smtputf8"],
    ),
    (
        &["127.0.0.1:9", "--expn", "équipe"],
        &["--expn", "not ASCII", "--smtputf8"],
    ),
    (
        &[
            "127.0.0.1:9",
            "--rcpt",
            "a@b.test",
            "--mail-from",
            "ü@x.test",
        ],
        &["--mail-from", "not ASCII", "--smtputf8"],
    ),
    // Bidi and control characters: refused even with --smtputf8.
    (
        &["127.0.0.1:9", "--smtputf8", "--vrfy", "ali\u{202e}ecilA"],
        &[
            "--vrfy \"ali\\u{202e}ecilA\"",
            "bidirectional control character (U+202E)",
        ],
    ),
    (
        &["127.0.0.1:9", "--smtputf8", "--rcpt", "a\u{2066}b@x.test"],
        &["--rcpt", "(U+2066)"],
    ),
    (
        &["127.0.0.1:9", "--smtputf8", "--vrfy", "a\u{200f}b"],
        &["(U+200F)"],
    ),
    (
        &["127.0.0.1:9", "--smtputf8", "--vrfy", "a\u{061c}b"],
        &["(U+061C)"],
    ),
    (
        &["127.0.0.1:9", "--smtputf8", "--vrfy", "a\u{85}b"],
        &["control character (U+0085)"],
    ),
    (
        &["127.0.0.1:9", "--helo", "höst.example"],
        &["--helo \"höst.example\" is not ASCII", "punycode"],
    ),
    // Resolvers: one unicast server.
    (
        &["example.test", "--resolver", "255.255.255.255"],
        &["--resolver \"255.255.255.255\" is the broadcast address"],
    ),
    (
        &["example.test", "--resolver", "224.0.0.251:5353"],
        &["is a multicast address"],
    ),
    (
        &["example.test", "--resolver", "[ff02::fb]:53"],
        &["is a multicast address"],
    ),
    (
        &["example.test", "--resolver", "0.0.0.0"],
        &["is the unspecified address"],
    ),
    (
        &["example.test", "--resolver", "::"],
        &["is the unspecified address"],
    ),
    (
        &["example.test", "--resolver", "127.0.0.1:0"],
        &["has port 0"],
    ),
    // Durations: from 1 ms to a day, and the message says so.
    (
        &["example.test", "--timeout", "1e-300"],
        &[
            "--timeout 1e-300 is out of range",
            "from 0.001 (1 ms) to 86400",
        ],
    ),
    (
        &["example.test", "--timeout", "0"],
        &["--timeout 0 is out of range: give a number of seconds from 0.001"],
    ),
    (
        &["example.test", "--connect-timeout", "0.0009"],
        &["--connect-timeout 0.0009 is out of range"],
    ),
    (
        &["example.test", "--deadline", "86401"],
        &["--deadline 86401 is out of range"],
    ),
    // Targets.
    (
        &["example.test.."],
        &["target \"example.test..\" ends in more than one dot"],
    ),
    (&["mx.example.test..:25"], &["ends in more than one dot"]),
    (
        &["alice@example.test"],
        &[
            "target \"alice@example.test\" is an e-mail address",
            "smtpprobe example.test --rcpt alice@example.test",
        ],
    ),
    (&["@example.test"], &["is an e-mail address", "with --rcpt"]),
    // Ports.
    (
        &["mx.example.test:25", "--port", "26"],
        &[
            "two ports given",
            "says 25, --port says 26",
            "give the port once",
        ],
    ),
    (
        &["example.test", "--port", "0"],
        &["--port 0 is not a port", "1-65535"],
    ),
    // Thresholds: a warning above its critical could never fire.
    (
        &["example.test", "-w", "10", "-c", "5"],
        &[
            "warning threshold 10 s is above the critical threshold 5 s",
            "e.g. -w 5 -c 10",
        ],
    ),
    (
        &["example.test", "--threshold", "greeting=10,5"],
        &["--threshold greeting", "e.g. --threshold greeting=5,10"],
    ),
    (
        &[
            "example.test",
            "--threshold",
            "ehlo=3",
            "--threshold",
            "ehlo=,2",
        ],
        &["--threshold ehlo: the warning threshold 3 s is above the critical threshold 2 s"],
    ),
    // Addresses: a local part and a domain, or a bare name.
    (
        &["example.test", "--rcpt", "alice@"],
        &["--rcpt \"alice@\" has no domain after the @"],
    ),
    (
        &["example.test", "--rcpt", "@example.test"],
        &["has no local part before the @"],
    ),
    (
        &["example.test", "--rcpt", "<>"],
        &["--rcpt \"<>\" is an empty address"],
    ),
    (
        &[
            "example.test",
            "--rcpt",
            "a@b.test",
            "--mail-from",
            "probe@",
        ],
        &["--mail-from \"probe@\" has no domain"],
    ),
];

/// Every argument the probe cannot use is a usage error (exit 3) before any connection, with
/// one line saying what is wrong and what to do instead.
#[test]
fn bad_arguments_exit_3_with_a_message_saying_what_to_do() {
    for (args, texts) in BAD_ARGUMENTS {
        let out = bin().args(*args).output().expect("run");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
        for t in *texts {
            assert!(err.contains(t), "{args:?}: {t:?} not in {err}");
        }
    }
}

/// A 130 KB argument is not echoed in full: 64 characters and a count.
#[test]
fn long_arguments_are_cut_in_errors() {
    let long = "a".repeat(130_000);
    let at = format!("{long}@example.test");
    let cases: &[&[&str]] = &[
        &["127.0.0.1:9", "--vrfy", &long],
        &["127.0.0.1:9", "--rcpt", &at],
        &[&at],
        &[&long],
        &["example.test", "--tls-name", &long],
        &["example.test", "--threshold", &long],
        &["example.test", "--resolver", &long],
        // Values clap itself refuses.
        &["example.test", "--timeout", &long],
        &["example.test", "--format", &long],
    ];
    for args in cases {
        let out = bin().args(*args).output().expect("run");
        let err = String::from_utf8_lossy(&out.stderr);
        let shown: Vec<String> = args.iter().map(|a| a.chars().take(20).collect()).collect();
        assert_eq!(out.status.code(), Some(3), "{shown:?}");
        assert!(err.len() < 600, "{shown:?}: {} bytes of error", err.len());
        assert!(err.contains("more characters)"), "{shown:?}: {err}");
    }
    let flag = format!("--{long}");
    let out = bin().args(["example.test", &flag]).output().expect("run");
    assert_eq!(out.status.code(), Some(3));
    assert!(out.stderr.len() < 600, "{} bytes", out.stderr.len());
}

/// With --smtputf8, a non-ASCII argument goes with the SMTPUTF8 parameter (RFC 6531) to a
/// server that offers it: on VRFY, and on the MAIL of a transaction with a non-ASCII RCPT.
#[test]
fn smtputf8_arguments_are_sent_with_the_parameter_when_offered() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect(
            "EHLO",
            "250-mx.test Hello\r\n250-SMTPUTF8\r\n250 ENHANCEDSTATUSCODES\r\n",
        ),
        Step::Expect("VRFY jürgen", "252 2.0.0 jürgen\r\n"),
        Step::Expect("MAIL FROM:<> SMTPUTF8", "250 2.1.0 Ok\r\n"),
        Step::Expect("RCPT TO:<ü@bücher.example>", "250 2.1.5 Ok\r\n"),
        Step::Expect("RCPT TO:<alice@bücher.example>", "250 2.1.5 Ok\r\n"),
        Step::Expect("RSET", "250 2.0.0 Ok\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let target = s.addr.to_string();
    let out = bin()
        .args([
            target.as_str(),
            "--smtputf8",
            "--vrfy",
            "jürgen@bücher.example",
            "--rcpt",
            "ü@bücher.example",
            "--rcpt",
            "alice@bücher.example",
            "--no-canary",
            "--starttls",
            "never",
        ])
        .output()
        .expect("run");
    let lines = s.finish();
    assert_eq!(
        lines[1..5],
        [
            "VRFY jürgen@bücher.example SMTPUTF8",
            "MAIL FROM:<> SMTPUTF8",
            "RCPT TO:<ü@bücher.example>",
            "RCPT TO:<alice@bücher.example>",
        ],
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(out.status.code(), Some(0));
}

/// A server that does not offer SMTPUTF8 is not asked a non-ASCII check: the check is
/// `not_checked` and says why; the ASCII checks are asked as usual.
#[test]
fn smtputf8_arguments_are_not_asked_of_a_server_without_it() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("VRFY alice", "250 2.0.0 Alice <alice@mx.test>\r\n"),
        Step::Expect("MAIL FROM:<>", "250 2.1.0 Ok\r\n"),
        Step::Expect("RCPT TO:<bob@mx.test>", "250 2.1.5 Ok\r\n"),
        Step::Expect("RSET", "250 2.0.0 Ok\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let target = s.addr.to_string();
    let out = bin()
        .args([
            target.as_str(),
            "--smtputf8",
            "--vrfy",
            "jürgen",
            "--vrfy",
            "alice",
            "--rcpt",
            "ü@mx.test",
            "--rcpt",
            "bob@mx.test",
            "--no-canary",
            "--json",
            "--starttls",
            "never",
        ])
        .output()
        .expect("run");
    let lines = s.finish();
    assert!(
        lines
            .iter()
            .all(|l| l.is_ascii() && !l.contains("SMTPUTF8")),
        "{lines:?}"
    );
    let r: JReport = serde_json::from_slice(&out.stdout).expect("JSON");
    let checks = &r.servers[0].checks;
    let by_arg = |a: &str| checks.iter().find(|c| c.argument == a).expect(a);
    for (kind, arg) in [("vrfy", "jürgen"), ("rcpt", "ü@mx.test")] {
        let c = by_arg(arg);
        assert_eq!((c.kind.as_str(), c.outcome.as_str()), (kind, "not_checked"));
        assert_eq!(c.code, None);
        assert!(
            c.meaning.contains("does not offer") && c.meaning.contains("SMTPUTF8"),
            "{}",
            c.meaning
        );
    }
    assert_eq!(by_arg("alice").outcome, "exists");
    assert_eq!(by_arg("bob@mx.test").code, Some(250));
    // A check that could not be asked is a WARNING, as any check left unanswered.
    assert_eq!((r.status.as_str(), r.exit_code), ("warning", 1));
}

/// A non-ASCII MAIL FROM cannot be sent to a server without SMTPUTF8: no transaction at all.
#[test]
fn a_non_ascii_mail_from_skips_the_transaction_without_smtputf8() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let target = s.addr.to_string();
    let out = bin()
        .args([
            target.as_str(),
            "--smtputf8",
            "--mail-from",
            "prüfer@example.test",
            "--rcpt",
            "bob@mx.test",
            "--no-canary",
            "--json",
            "--starttls",
            "never",
        ])
        .output()
        .expect("run");
    s.finish();
    let r: JReport = serde_json::from_slice(&out.stdout).expect("JSON");
    let c = &r.servers[0].checks[0];
    assert_eq!(c.outcome, "not_checked");
    assert!(
        c.meaning.contains("MAIL FROM address is not ASCII"),
        "{}",
        c.meaning
    );
}

/// `example.com:25` on a mail domain without address records: a port means "this host";
/// the DNS error says so and suggests dropping it (the MX lookup is made only then).
#[test]
fn host_port_on_a_mail_domain_suggests_dropping_the_port() {
    let dns = FakeDns::default().mx(
        "example.test",
        &[(10, "mx1.example.test"), (20, "mx2.example.test")],
    );
    for (target, suggestion) in [
        ("example.test:25", "(smtpprobe example.test)"),
        ("example.test:587", "(smtpprobe example.test --port 587)"),
    ] {
        let cfg = config(&[target]);
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        let env = smtpprobe::run::Env::without_dns(&cfg);
        let r = rt.block_on(smtpprobe::run::probe_with(&env, &cfg, &dns));
        let e = r.dns.error.expect("a DNS error");
        assert!(e.message.contains("NODATA"), "{}", e.message);
        assert!(
            e.message.contains("mx1.example.test, mx2.example.test")
                && e.message.contains("means \"connect to this host\"")
                && e.message.contains(suggestion),
            "{}",
            e.message
        );
        assert_eq!(r.exit_code, 2);
    }
    // A name with neither addresses nor MX: the plain NODATA message, no suggestion.
    let dns = dns.mx_fails("nomail.example.test", smtpprobe::dns::DnsFailure::NoData);
    let cfg = config(&["nomail.example.test:25"]);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let env = smtpprobe::run::Env::without_dns(&cfg);
    let r = rt.block_on(smtpprobe::run::probe_with(&env, &cfg, &dns));
    let e = r.dns.error.expect("a DNS error");
    assert!(e.message.contains("NODATA"), "{}", e.message);
    assert!(!e.message.contains("port"), "{}", e.message);
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
    // The verdict is said once, at the top.
    assert!(text.starts_with("smtpprobe "), "{text}");
    assert!(!text.contains("Verdict:"), "{text}");
}

// ---------------------------------------------------------------------------------------
// Completions and the man page, generated from the clap definitions.

#[test]
fn bash_completions_know_the_subcommands_and_the_format_values() {
    let out = bin().args(["completions", "bash"]).assert().success();
    let script = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    for word in ["demo", "explain", "completions", "man", "--threshold"] {
        assert!(script.contains(word), "{word} not in the bash completions");
    }
    assert!(script.contains("human json jsonl nagios prometheus"));
    assert!(script.contains("postfix-vrfy exim-252 greylisting unsolicited-221 open-relay"));
}

#[test]
fn bash_completions_load_in_bash() {
    if std::process::Command::new("bash")
        .arg("--version")
        .output()
        .is_err()
    {
        return;
    }
    let exe = assert_cmd::cargo::cargo_bin("smtpprobe");
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "source <('{}' completions bash) && complete -p smtpprobe",
            exe.display()
        ))
        .output()
        .expect("bash runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(text.contains("-F _smtpprobe smtpprobe"), "{text}");
}

#[test]
fn every_shell_gets_a_script_and_unknown_shells_are_usage_errors() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        bin()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains("smtpprobe"));
    }
    bin().args(["completions", "tcsh"]).assert().code(3);
    bin().arg("completions").assert().code(3);
}

#[test]
fn the_man_page_is_roff_with_its_sections_and_renders() {
    let out = bin().arg("man").assert().success();
    let roff = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    for section in [
        ".TH smtpprobe 1",
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SH SUBCOMMANDS",
        ".SH \"SMTPPROBE DEMO\"",
        ".SH \"SMTPPROBE EXPLAIN\"",
        ".SH \"EXIT STATUS\"",
    ] {
        assert!(roff.contains(section), "{section} missing");
    }
    assert!(roff.contains("\\-\\-format"));
    // Rendered by man(1) when it is installed.
    let Ok(mut child) = std::process::Command::new("man")
        .args(["-l", "-"])
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
    else {
        return;
    };
    if let Some(mut stdin) = child.stdin.take() {
        use std::io::Write;
        stdin.write_all(roff.as_bytes()).expect("write to man");
    }
    let rendered = child.wait_with_output().expect("man runs");
    let text = String::from_utf8_lossy(&rendered.stdout);
    assert!(rendered.status.success(), "{rendered:?}");
    assert!(text.contains("SYNOPSIS"), "{text}");
}

#[test]
fn a_target_still_parses_beside_the_subcommands() {
    // A domain named like no subcommand is a target; a bad flag after it is a usage error
    // about the flag, not about a subcommand.
    bin()
        .args(["example.test", "--port", "notaport"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("--port"));
}

#[test]
fn version_and_version_verbose_say_what_a_bug_report_needs() {
    let v = format!("smtpprobe {}\n", env!("CARGO_PKG_VERSION"));
    bin().arg("--version").assert().success().stdout(v.clone());
    bin().arg("version").assert().success().stdout(v.clone());
    let out = bin().args(["version", "--verbose"]).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(text.starts_with(&v), "{text}");
    for field in [
        "commit:",
        "build date:",
        "compiler:   rustc ",
        "target:",
        "features:",
    ] {
        assert!(text.contains(field), "{field} not in {text}");
    }
    let tls = text
        .lines()
        .find(|l| l.starts_with("TLS:"))
        .expect("a TLS line");
    assert!(
        tls.contains("rustls 0.23.") && tls.contains("ring 0.17."),
        "{tls}"
    );
    let date = text
        .lines()
        .find_map(|l| l.strip_prefix("build date: "))
        .expect("a date");
    assert_eq!(date.len(), 10, "{date}");
    assert!(!text.contains("aws-lc"), "{text}");
}

/// `explain` takes `--color` like the probe: always colours the status judgement, never and
/// a pipe (auto) do not; errors go to stderr.
#[test]
fn explain_colours_like_the_probe() {
    let run = |extra: &[&str]| {
        let mut args = vec!["explain", "550 5.1.1 User unknown", "--after", "RCPT"];
        args.extend_from_slice(extra);
        let out = bin().args(&args).output().expect("run");
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let always = run(&["--color", "always"]);
    assert!(always.contains('\x1b'), "{always}");
    assert!(!run(&["--color", "never"]).contains('\x1b'));
    assert!(!run(&[]).contains('\x1b'), "auto on a pipe: no colour");
    let out = bin()
        .args(["explain", "250", "--after", "NOSUCHCOMMAND"])
        .output()
        .expect("run");
    assert!(out.stdout.is_empty(), "errors go to stderr");
    assert!(!out.stderr.is_empty());
}

/// A pasted line may start with hyphens (Sendmail's "----- The following addresses had
/// permanent fatal errors -----"): clap cannot tell it from an option, so the usage error
/// (exit 3) says how to pass it; after `--` it is explained.
#[test]
fn explain_says_how_to_pass_pasted_lines_that_start_with_hyphens() {
    let line = "----- The following addresses had permanent fatal errors -----";
    let out = bin()
        .args(["explain", line, "550 5.1.1 <a@b.example>... User unknown"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(3), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("pasted line") && err.contains("explain --"),
        "{err}"
    );
    // A mistyped option keeps clap's own message.
    let out = bin()
        .args(["explain", "250", "--jsno"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(3));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("pasted line"));
    let out = bin()
        .args([
            "explain",
            "--json",
            "--after",
            "RCPT",
            "--",
            &format!("{line}\n<a@b.example>\n    (reason: 550 5.1.1 User unknown)"),
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let items = json["items"].as_array().expect("items");
    assert!(
        items
            .iter()
            .any(|i| i["code"] == 550 && i["reason"] == "userunknown"),
        "{json}"
    );
}

/// `--trust-anchor`: a file that cannot be read or parsed is a usage error naming the file
/// and the line; with `--dnssec-from-resolver` it is one too (one way to authenticate).
#[test]
fn a_bad_trust_anchor_file_is_a_usage_error_naming_the_file_and_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("anchor.ds");
    std::fs::write(
        &bad,
        "; the zone's KSK\nexample.test. IN DS 59873 13 2 920ae65e\nexample.test. IN A 192.0.2.1\n",
    )
    .expect("write");
    let missing = dir.path().join("missing.ds");
    let cases: [(Vec<&std::ffi::OsStr>, Vec<String>); 3] = [
        (
            vec![
                "example.test".as_ref(),
                "--trust-anchor".as_ref(),
                bad.as_os_str(),
            ],
            vec![
                format!("--trust-anchor {}: line 3: ", bad.display()),
                "not A".into(),
            ],
        ),
        (
            vec![
                "example.test".as_ref(),
                "--trust-anchor".as_ref(),
                missing.as_os_str(),
            ],
            vec![format!("--trust-anchor {}: ", missing.display())],
        ),
        (
            vec![
                "example.test".as_ref(),
                "--trust-anchor".as_ref(),
                bad.as_os_str(),
                "--dnssec-from-resolver".as_ref(),
            ],
            vec!["exclude each other".into()],
        ),
    ];
    for (args, texts) in cases {
        let out = bin().args(&args).output().expect("run");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert_eq!(
            err.lines().filter(|l| l.contains("error")).count(),
            1,
            "{err}"
        );
        for t in texts {
            assert!(err.contains(&t), "{args:?}: {t:?} not in {err}");
        }
    }
}
