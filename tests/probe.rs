//! End-to-end probe tests against in-process scripted servers on loopback.

mod common;

use common::*;
use smtpprobe::dns::DnsFailure;
use smtpprobe::exit::Status;
use smtpprobe::report::Report;
use smtpprobe::vocab::DnsKind;
use smtpprobe::vocab::Outcome;
use std::time::Duration;

/// Runs the probe in plain text (`--starttls never`) unless the test says otherwise: these
/// scripted servers do not speak TLS (tests/tls.rs covers it).
fn run(args: &[&str], dns: &FakeDns) -> Report {
    let mut args = args.to_vec();
    if !args.contains(&"--starttls") {
        args.extend(["--starttls", "never"]);
    }
    probe_with_dns(&args, dns)
}

fn direct(server: &FakeSmtp, extra: &[&str]) -> Report {
    direct_with(server, extra, &FakeDns::default())
}

fn direct_with(server: &FakeSmtp, extra: &[&str], dns: &FakeDns) -> Report {
    let target = server.addr.to_string();
    let mut args = vec![target.as_str()];
    args.extend_from_slice(extra);
    run(&args, dns)
}

/// DNS in which `domains` have the scripted server (127.0.0.1) as their mail exchanger
/// (implicit MX): their recipients are the server's own, and the canary decides.
fn served_here(domains: &[&str]) -> FakeDns {
    domains
        .iter()
        .fold(FakeDns::default(), |d, name| d.a(name, "127.0.0.1"))
}

#[test]
fn happy_path_greeting_ehlo_quit() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO ", EHLO_OK),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct(&s, &[]);
    let lines = s.finish();
    assert_eq!(lines.len(), 2);
    assert_eq!(r.status, Status::Ok, "{}", r.summary);
    assert_eq!(r.exit_code, 0);
    assert_eq!(r.dns.kind, DnsKind::Direct);
    let srv = &r.servers[0];
    assert_eq!(srv.steps.len(), 3);
    assert_eq!(srv.steps[0].command, None);
    assert_eq!(srv.steps[0].code, 220);
    assert_eq!(srv.steps[2].command.as_deref(), Some("QUIT"));
    assert_eq!(srv.steps[2].code, 221);
    assert!(srv.extensions.iter().any(|e| e == "PIPELINING"));
    assert!(srv.error.is_none());
}

#[test]
fn vrfy_252_for_everyone_cannot_verify_and_sends_no_rset() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect(
            "VRFY alice",
            "252 2.0.0 Cannot VRFY user, but will accept message\r\n",
        ),
        Step::Expect(
            "VRFY nx-probe-",
            "252 2.0.0 Cannot VRFY user, but will accept message\r\n",
        ),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct(&s, &["--vrfy", "alice"]);
    s.finish();
    let c = &r.servers[0].checks[0];
    assert_eq!(c.outcome, Outcome::CannotVerify);
    assert_eq!(c.discriminates, Some(false));
    assert_eq!(c.code, Some(252));
    assert!(c.canary.as_ref().is_some_and(|k| k.code == Some(252)));
    assert_eq!(r.status, Status::Ok, "252 to VRFY is OK: {}", r.summary);
}

#[test]
fn postfix_style_252_with_550_canary_means_exists() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("VRFY alice", "252 2.0.0 alice\r\n"),
        Step::Expect(
            "VRFY nx-probe-",
            "550 5.1.1 <nx>: Recipient address rejected: User unknown in local recipient table\r\n",
        ),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct(&s, &["--vrfy", "alice"]);
    s.finish();
    assert_eq!(r.servers[0].checks[0].outcome, Outcome::Exists);
    assert_eq!(r.servers[0].checks[0].discriminates, Some(true));
}

#[test]
fn no_canary_flag_sends_no_canary() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("VRFY bob", "550 5.1.1 unknown\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct(&s, &["--vrfy", "bob", "--no-canary"]);
    s.finish();
    assert_eq!(r.servers[0].checks[0].outcome, Outcome::UnknownUser);
    assert_eq!(r.status, Status::Warning);
}

#[test]
fn rcpt_check_never_sends_data_and_ends_with_rset() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("MAIL FROM:<probe@example.org>", "250 2.1.0 Ok\r\n"),
        Step::Expect("RCPT TO:<alice@example.com>", "250 2.1.5 Ok\r\n"),
        Step::Expect("RCPT TO:<nx-probe-", "550 5.1.1 User unknown\r\n"),
        Step::Expect("RSET", "250 2.0.0 Ok\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct_with(
        &s,
        &[
            "--rcpt",
            "alice@example.com",
            "--mail-from",
            "probe@example.org",
        ],
        &served_here(&["example.com"]),
    );
    let lines = s.finish();
    assert!(
        !lines
            .iter()
            .any(|l| l.to_ascii_uppercase().starts_with("DATA")
                || l.to_ascii_uppercase().starts_with("BDAT"))
    );
    assert_eq!(lines[lines.len() - 2], "RSET");
    assert_eq!(r.servers[0].checks[0].outcome, Outcome::Exists);
    // The canary's 550 is the expected answer: it must not make a healthy server WARNING.
    assert_eq!(r.status, Status::Ok, "{}", r.summary);
    assert!(
        r.servers[0]
            .steps
            .iter()
            .any(|s| s.canary && s.code == 550 && s.status == Status::Ok)
    );
}

#[test]
fn canary_takes_the_form_of_the_argument_one_per_domain() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("VRFY root@a.test", "252 2.0.0 root@a.test\r\n"),
        Step::Expect("VRFY bob", "252 2.0.0 bob\r\n"),
        Step::Expect("VRFY nx-probe-", "550 5.1.1 unknown\r\n"),
        Step::Expect("VRFY nx-probe-", "501 5.5.4 must contain a domain\r\n"),
        Step::Expect("MAIL FROM:<>", "250 2.1.0 Ok\r\n"),
        Step::Expect("RCPT TO:<x@a.test>", "250 2.1.5 Ok\r\n"),
        Step::Expect("RCPT TO:<y@b.test>", "250 2.1.5 Ok\r\n"),
        Step::Expect("RCPT TO:<nx-probe-", "550 5.1.1 unknown\r\n"),
        Step::Expect("RCPT TO:<nx-probe-", "250 2.1.5 Ok\r\n"),
        Step::Expect("RSET", "250 2.0.0 Ok\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct_with(
        &s,
        &[
            "--vrfy",
            "root@a.test",
            "--vrfy",
            "bob",
            "--rcpt",
            "x@a.test",
            "--rcpt",
            "y@b.test",
        ],
        &served_here(&["a.test", "b.test"]),
    );
    let lines = s.finish();
    let canaries: Vec<&String> = lines.iter().filter(|l| l.contains("nx-probe-")).collect();
    assert!(
        canaries[0].starts_with("VRFY nx-probe-") && canaries[0].ends_with("@a.test"),
        "{canaries:?}"
    );
    assert!(!canaries[1].contains('@'), "{canaries:?}");
    assert!(
        canaries[2].ends_with("@a.test>") && canaries[3].ends_with("@b.test>"),
        "{canaries:?}"
    );
    let c = &r.servers[0].checks;
    assert_eq!(
        (c[0].outcome, c[0].discriminates),
        (Outcome::Exists, Some(true))
    );
    assert_eq!(
        c[1].outcome,
        Outcome::CannotVerify,
        "a 501 for the canary tells nothing"
    );
    assert_eq!(c[2].outcome, Outcome::Exists);
    assert_eq!(c[3].outcome, Outcome::CatchAll, "b.test accepts anyone");
}

#[test]
fn rcpt_catch_all_is_recognised() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("MAIL FROM:<>", "250 2.1.0 Ok\r\n"),
        Step::Expect("RCPT TO:<alice@example.com>", "250 2.1.5 Ok\r\n"),
        Step::Expect("RCPT TO:<nx-probe-", "250 2.1.5 Ok\r\n"),
        Step::Expect("RSET", "250 2.0.0 Ok\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct_with(
        &s,
        &["--rcpt", "alice@example.com"],
        &served_here(&["example.com"]),
    );
    s.finish();
    assert_eq!(r.servers[0].checks[0].outcome, Outcome::CatchAll);
}

#[test]
fn ehlo_rejected_falls_back_to_helo() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", "502 5.5.2 Error: command not recognized\r\n"),
        Step::Expect("HELO", "250 mx.test\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct(&s, &[]);
    s.finish();
    let srv = &r.servers[0];
    assert_eq!(srv.steps[2].command.as_deref(), Some("HELO"));
    assert!(srv.findings.iter().any(|f| f.id == "helo_fallback"));
    assert_eq!(r.status, Status::Ok, "{}", r.summary);
}

#[test]
fn greeting_554_is_critical_and_we_quit() {
    let s = FakeSmtp::start(vec![
        Step::Send("554 5.7.1 No SMTP service here\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct(&s, &[]);
    s.finish();
    assert_eq!(r.status, Status::Critical);
    assert_eq!(r.exit_code, 2);
    assert!(
        r.servers[0]
            .findings
            .iter()
            .any(|f| f.id == "no_smtp_service")
    );
}

#[test]
fn greeting_421_is_critical_and_ends() {
    let s = FakeSmtp::start(vec![
        Step::Send("421 4.3.2 Service shutting down\r\n"),
        Step::Close,
    ]);
    let r = direct(&s, &[]);
    s.finish();
    assert_eq!(r.status, Status::Critical);
    assert!(
        r.servers[0]
            .findings
            .iter()
            .any(|f| f.id == "service_not_available")
    );
}

#[test]
fn mid_session_421_is_a_finding() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect(
            "VRFY alice",
            "421 4.4.2 mx.test Error: timeout exceeded\r\n",
        ),
        Step::Close,
    ]);
    let r = direct(&s, &["--vrfy", "alice"]);
    s.finish();
    let srv = &r.servers[0];
    assert!(srv.findings.iter().any(|f| f.id == "server_closing"));
    assert_eq!(srv.checks[0].outcome, Outcome::TemporaryFailure);
    assert_eq!(r.status, Status::Critical);
}

#[test]
fn unsolicited_221_means_server_closing() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("VRFY alice", "221 2.0.0 Bye\r\n"),
        Step::Close,
    ]);
    let r = direct(&s, &["--vrfy", "alice"]);
    s.finish();
    assert!(
        r.servers[0]
            .findings
            .iter()
            .any(|f| f.id == "unsolicited_close")
    );
    assert_eq!(r.status, Status::Critical);
}

#[test]
fn multiline_greeting_is_accepted() {
    let s = FakeSmtp::start(vec![
        Step::Send("220-mx.test ESMTP\r\n220-Postscreen says hello\r\n220 ready\r\n"),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct(&s, &[]);
    s.finish();
    assert_eq!(r.servers[0].steps[0].lines.len(), 3);
    assert_eq!(r.status, Status::Ok);
}

#[test]
fn connection_closed_mid_conversation_is_a_finding() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::ExpectSilently("EHLO"),
        Step::Close,
    ]);
    let r = direct(&s, &[]);
    s.finish();
    let srv = &r.servers[0];
    assert_eq!(
        srv.error.as_ref().map(|e| e.phase.error_name()),
        Some("ehlo")
    );
    assert!(srv.findings.iter().any(|f| f.id == "connection_closed"));
    assert!(
        srv.unanswered
            .as_deref()
            .is_some_and(|c| c.starts_with("EHLO "))
    );
    assert_eq!(r.status, Status::Critical);
}

#[test]
fn silent_server_times_out_naming_the_phase() {
    let s = FakeSmtp::start(vec![Step::Silent]);
    let r = direct(&s, &["--timeout", "0.3"]);
    s.finish();
    let e = r.servers[0].error.as_ref().expect("a timeout error");
    assert_eq!(
        (e.phase.error_name(), e.kind.as_str()),
        ("greeting", "timeout")
    );
    assert_eq!(
        r.servers[0].unanswered, None,
        "the greeting is not a command"
    );
    assert_eq!(r.status, Status::Critical);
}

#[test]
fn trickling_server_is_stopped_by_the_deadline() {
    let s = FakeSmtp::start(vec![Step::Trickle(
        "220 this greeting never ends but each byte comes quickly\r\n",
        Duration::from_millis(50),
    )]);
    let r = direct(&s, &["--timeout", "5", "--deadline", "0.5"]);
    drop(s);
    let e = r.servers[0].error.as_ref().expect("a deadline error");
    assert_eq!(e.kind, "timeout");
    assert!(e.message.contains("deadline"), "{}", e.message);
}

#[test]
fn connect_refused_is_critical() {
    // Bind then drop to get a port nobody listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("bind")
        .port();
    let target = format!("127.0.0.1:{port}");
    let r = run(&[&target], &FakeDns::default());
    let e = r.servers[0].error.as_ref().expect("connect error");
    assert_eq!(
        (e.phase.error_name(), e.kind.as_str()),
        ("connect", "refused")
    );
    assert_eq!(r.exit_code, 2);
}

#[test]
fn mx_ordering_and_stop_at_first_working() {
    let script = || {
        vec![
            Step::Send(GREETING),
            Step::Expect("EHLO", EHLO_OK),
            Step::Expect("QUIT", QUIT_OK),
        ]
    };
    let (a, b) = pair_on_same_port(script(), vec![]);
    let port = a.addr.port().to_string();
    let dns = FakeDns::default()
        .mx(
            "example.test",
            &[(20, "mx2.example.test"), (10, "mx1.example.test")],
        )
        .a("mx1.example.test", "127.0.0.2")
        .a("mx2.example.test", "127.0.0.3");
    let r = run(&["example.test", "--port", &port], &dns);
    a.finish();
    std::mem::forget(b); // never contacted: the better MX answered
    assert_eq!(r.dns.kind, DnsKind::Mx);
    assert_eq!(r.dns.mx[0].exchange, "mx1.example.test");
    assert_eq!(r.dns.mx[1].preference, 20);
    assert!(r.servers[0].probed);
    assert!(!r.servers[1].probed);
    assert_eq!(r.status, Status::Ok, "{}", r.summary);
}

#[test]
fn best_mx_down_falls_back_and_is_degraded() {
    let script = vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("QUIT", QUIT_OK),
    ];
    let (a, b) = pair_on_same_port(
        vec![Step::Send("421 4.3.2 not now\r\n"), Step::Close],
        script,
    );
    let port = a.addr.port().to_string();
    let dns = FakeDns::default()
        .mx(
            "example.test",
            &[(10, "mx1.example.test"), (20, "mx2.example.test")],
        )
        .a("mx1.example.test", "127.0.0.2")
        .a("mx2.example.test", "127.0.0.3");
    let r = run(&["example.test", "--port", &port], &dns);
    a.finish();
    b.finish();
    assert_eq!(r.servers.len(), 2);
    assert_eq!(r.servers[0].status, Status::Critical);
    assert_eq!(r.servers[1].status, Status::Ok);
    assert_eq!(r.status, Status::Warning, "{}", r.summary);
    assert!(r.summary.contains("degraded"));
}

#[test]
fn implicit_mx_uses_the_name_itself() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let port = s.addr.port().to_string();
    let dns = FakeDns::default().a("plain.test", "127.0.0.1");
    let r = run(&["plain.test", "--port", &port], &dns);
    s.finish();
    assert_eq!(r.dns.kind, DnsKind::ImplicitMx);
    assert_eq!(r.dns.mx[0].exchange, "plain.test");
    assert_eq!(r.status, Status::Ok);
}

#[test]
fn null_mx_connects_nowhere() {
    let dns = FakeDns::default().mx("nomail.test", &[(0, ".")]);
    let r = run(&["nomail.test"], &dns);
    assert_eq!(r.dns.kind, DnsKind::NullMx);
    assert!(r.servers.is_empty());
    assert_eq!(
        r.dns.error.as_ref().map(|e| e.kind.as_str()),
        Some("null_mx")
    );
    assert_eq!(r.status, Status::Critical);
}

#[test]
fn nxdomain_nodata_servfail_timeout_are_distinct() {
    let r = run(&["missing.test"], &FakeDns::default());
    assert_eq!(
        r.dns.error.as_ref().map(|e| e.kind.as_str()),
        Some("nxdomain")
    );
    let dns = FakeDns::default().mx_fails("empty.test", DnsFailure::NoData);
    let r = run(&["empty.test"], &dns);
    assert_eq!(
        r.dns.error.as_ref().map(|e| e.kind.as_str()),
        Some("no_data")
    );
    let dns = FakeDns::default().mx_fails("broken.test", DnsFailure::ServFail("SERVFAIL".into()));
    let r = run(&["broken.test"], &dns);
    assert_eq!(
        r.dns.error.as_ref().map(|e| e.kind.as_str()),
        Some("servfail")
    );
    assert_eq!(r.status, Status::Critical);
    let dns = FakeDns::default().mx_fails("slow.test", DnsFailure::Timeout);
    let r = run(&["slow.test"], &dns);
    assert_eq!(
        r.dns.error.as_ref().map(|e| e.kind.as_str()),
        Some("timeout")
    );
    assert_eq!(r.status, Status::Unknown);
}

#[test]
fn mx_target_without_address_is_a_finding_not_a_crash() {
    let dns = FakeDns::default().mx("example.test", &[(10, "ghost.example.test")]);
    let r = run(&["example.test"], &dns);
    assert_eq!(
        r.dns.mx[0].error.as_ref().map(|e| e.kind.as_str()),
        Some("no_address")
    );
    assert_eq!(
        r.servers[0].error.as_ref().map(|e| e.phase.error_name()),
        Some("resolve")
    );
    assert_eq!(r.status, Status::Critical);
}

#[test]
fn hostile_bytes_are_recorded_not_fatal() {
    let s = FakeSmtp::start(vec![
        Step::SendBytes(b"220-mx.test \x1b[2J\xff\r\n550 mixed code\n"),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct(&s, &[]);
    s.finish();
    let g = &r.servers[0].steps[0];
    assert!(g.anomalies.iter().any(|a| a.contains("bare LF")));
    assert!(g.anomalies.iter().any(|a| a.contains("continuation")));
}

#[test]
fn all_mode_probes_every_address_concurrently() {
    let script = || {
        vec![
            Step::Send(GREETING),
            Step::Expect("EHLO", EHLO_OK),
            Step::Expect("QUIT", QUIT_OK),
        ]
    };
    let (a, b) = pair_on_same_port(script(), script());
    let port = a.addr.port().to_string();
    let dns = FakeDns::default()
        .mx(
            "example.test",
            &[(10, "mx1.example.test"), (20, "mx2.example.test")],
        )
        .a("mx1.example.test", "127.0.0.2")
        .a("mx2.example.test", "127.0.0.3");
    let r = run(&["example.test", "--port", &port, "--all"], &dns);
    a.finish();
    b.finish();
    assert!(r.servers.iter().all(|s| s.probed && s.status == Status::Ok));
    assert_eq!(r.status, Status::Ok);
}

#[test]
fn bare_vrfy_refused_with_501_is_asked_again_qualified_with_the_domain() {
    // Exim refuses an unqualified VRFY with 501 "must contain a domain".
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect(
            "VRFY alice",
            "501 alice: recipient address must contain a domain\r\n",
        ),
        Step::Expect(
            "VRFY alice@example.test",
            "250 <alice@example.test> is deliverable\r\n",
        ),
        // No bare canary: once the server wants a domain it would tell nothing (and cost
        // one of Exim's non-mail commands; live Exim bed, finding 12).
        Step::Expect(
            "VRFY nx-probe-",
            "550 <nx@example.test> Unrouteable address\r\n",
        ),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let port = s.addr.port().to_string();
    let dns = FakeDns::default().a("example.test", "127.0.0.1");
    let r = run(&["example.test", "--port", &port, "--vrfy", "alice"], &dns);
    let lines = s.finish();
    assert!(
        lines[3].ends_with("@example.test"),
        "qualified canary only: {lines:?}"
    );
    let c = &r.servers[0].checks[0];
    assert_eq!(c.argument, "alice@example.test");
    assert_eq!(c.requested.as_deref(), Some("alice"));
    assert_eq!((c.outcome, c.discriminates), (Outcome::Exists, Some(true)));
    assert_eq!(r.status, Status::Ok, "{}", r.summary);
}

#[test]
fn bare_rcpt_on_a_mail_domain_is_sent_with_the_domain() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("MAIL FROM:<>", "250 2.1.0 Ok\r\n"),
        Step::Expect("RCPT TO:<root@example.test>", "250 2.1.5 Ok\r\n"),
        Step::Expect("RCPT TO:<nx-probe-", "550 5.1.1 User unknown\r\n"),
        Step::Expect("RSET", "250 2.0.0 Ok\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let port = s.addr.port().to_string();
    let dns = FakeDns::default().a("example.test", "127.0.0.1");
    let r = run(&["example.test", "--port", &port, "--rcpt", "root"], &dns);
    let lines = s.finish();
    assert!(
        lines[3].ends_with("@example.test>"),
        "canary qualified too: {lines:?}"
    );
    let c = &r.servers[0].checks[0];
    assert_eq!(
        (c.argument.as_str(), c.requested.as_deref()),
        ("root@example.test", Some("root"))
    );
    assert_eq!(c.outcome, Outcome::Exists);
}

#[test]
fn no_canary_once_the_command_is_refused_as_unimplemented() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("VRFY alice", "502 5.5.1 VRFY command is disabled\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct(&s, &["--vrfy", "alice"]);
    s.finish();
    let c = &r.servers[0].checks[0];
    assert_eq!(c.outcome, Outcome::Disabled);
    assert!(c.canary.is_none());
    assert_eq!(r.status, Status::Ok);
}

// ---------------------------------------------------------------------------------------
// DNS facts, judged: a null MX mixed with real ones (RFC 7505 §3), and -4/-6.

#[test]
fn null_mx_mixed_with_real_mx_is_a_warning_and_the_real_hosts_are_probed() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let port = s.addr.port().to_string();
    let dns = FakeDns::default()
        .mx("mixed.test", &[(0, "."), (10, "mx1.mixed.test")])
        .a("mx1.mixed.test", "127.0.0.1");
    let r = run(&["mixed.test", "--port", &port], &dns);
    s.finish();
    assert_eq!(r.dns.kind, DnsKind::Mx);
    assert_eq!(r.dns.mx.len(), 1, "the null MX is no host: {:?}", r.dns.mx);
    let e = r.dns.error.as_ref().expect("the mix is reported");
    assert_eq!(e.kind, "null_mx_mixed");
    assert_eq!(e.status, Status::Warning);
    assert!(e.message.contains("RFC 7505"), "{}", e.message);
    assert!(
        e.message
            .contains("may treat the domain as accepting no mail"),
        "{}",
        e.message
    );
    assert!(r.servers[0].probed);
    assert_eq!(r.servers[0].status, Status::Ok);
    assert_eq!(r.status, Status::Warning, "{}", r.summary);
    assert!(r.summary.contains("null MX"), "{}", r.summary);
}

#[test]
fn ipv4_only_on_an_ipv6_only_mx_host_says_so() {
    let dns = FakeDns::default()
        .mx("example.test", &[(10, "mx6.example.test")])
        .a("mx6.example.test", "::1");
    let r = run(&["example.test", "-4"], &dns);
    let e = r.dns.mx[0].error.as_ref().expect("no usable address");
    assert_eq!(e.kind, "no_address");
    assert!(
        e.message
            .contains("no A record (IPv4 only, because of -4); it has AAAA ::1"),
        "{}",
        e.message
    );
    let err = r.servers[0].error.as_ref().expect("not contacted");
    assert!(err.message.contains("because of -4"), "{}", err.message);
    assert_eq!(r.status, Status::Critical);
    assert!(r.summary.contains("it has AAAA ::1"), "{}", r.summary);
}

#[test]
fn ipv6_only_on_an_ipv4_only_host_says_so() {
    let dns = FakeDns::default().a("mx4.test", "127.0.0.1");
    let r = run(&["mx4.test:2525", "-6"], &dns);
    let e = r.dns.error.as_ref().expect("no usable address");
    assert_eq!(e.kind, "no_data");
    assert_eq!(
        e.message,
        "mx4.test has no AAAA record (IPv6 only, because of -6); it has A 127.0.0.1: drop -6 to \
         probe it over IPv4"
    );
    assert_eq!(r.status, Status::Critical);
}

#[test]
fn ipv4_only_on_an_implicit_mx_with_only_aaaa_says_so() {
    let dns = FakeDns::default().a("plain6.test", "::1");
    let r = run(&["plain6.test", "-4"], &dns);
    assert_eq!(r.dns.kind, DnsKind::ImplicitMx);
    let e = r.dns.error.as_ref().expect("nothing to contact");
    assert_eq!(e.kind, "no_data");
    assert!(
        e.message.starts_with(
            "plain6.test has no MX records and no A record (IPv4 only, because of -4); it has \
             AAAA ::1"
        ),
        "{}",
        e.message
    );
    assert_eq!(r.status, Status::Critical);
}
