//! Open relay versus catch-all, relay refusals and `--relay-test`, against in-process
//! scripted servers on loopback with a fake DNS (issue 10, items 1 and 2).
//!
//! An RCPT for a domain the server is not a mail exchanger for is about relaying: accepted
//! is `relayed` with an `open_relay` finding (CRITICAL), refused is `relay_denied` (OK),
//! and when that cannot be told (the domain's lookup failed, or the refusal names the domain
//! itself) it is `inconclusive`, never an accusation. The canary's catch-all logic holds for
//! the server's own domains only.

mod common;

use common::*;
use smtpprobe::dns::DnsFailure;
use smtpprobe::exit::Status;
use smtpprobe::report::{CheckReport, Report, ServerReport};
use smtpprobe::vocab::Outcome;

/// Runs the probe in plain text against `args` with `dns`.
fn run(args: &[&str], dns: &FakeDns) -> Report {
    let mut args = args.to_vec();
    args.extend(["--starttls", "never"]);
    probe_with_dns(&args, dns)
}

fn direct(server: &FakeSmtp, extra: &[&str], dns: &FakeDns) -> Report {
    let target = server.addr.to_string();
    let mut args = vec![target.as_str()];
    args.extend_from_slice(extra);
    run(&args, dns)
}

/// `other-domain.example` has its own mail exchanger, elsewhere (a documentation address
/// nobody connects to); so has gmail.com, the default relay-test domain.
fn elsewhere() -> FakeDns {
    FakeDns::default()
        .mx("other-domain.example", &[(10, "mx.other-domain.example")])
        .a("mx.other-domain.example", "192.0.2.7")
        .mx("gmail.com", &[(5, "gmail-smtp-in.l.google.com")])
        .a("gmail-smtp-in.l.google.com", "192.0.2.8")
}

fn check<'a>(s: &'a ServerReport, argument: &str) -> &'a CheckReport {
    s.checks
        .iter()
        .find(|c| c.argument == argument)
        .unwrap_or_else(|| panic!("no check for {argument}: {:#?}", s.checks))
}

fn open_relay_findings(s: &ServerReport) -> Vec<&smtpprobe::report::FindingReport> {
    s.findings.iter().filter(|f| f.id == "open_relay").collect()
}

#[test]
fn a_250_for_a_foreign_domain_is_relayed_and_critical_not_catch_all() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("MAIL FROM:<>", "250 2.1.0 Ok\r\n"),
        Step::Expect("RCPT TO:<someone@other-domain.example>", "250 2.1.5 Ok\r\n"),
        Step::Expect("RCPT TO:<nx-probe-", "250 2.1.5 Ok\r\n"),
        Step::Expect("RSET", "250 2.0.0 Ok\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct(
        &s,
        &["--rcpt", "someone@other-domain.example"],
        &elsewhere(),
    );
    s.finish();
    let srv = &r.servers[0];
    let c = check(srv, "someone@other-domain.example");
    assert_eq!(c.outcome, Outcome::Relayed, "{}", c.meaning);
    assert_eq!(c.status, Status::Critical);
    assert!(
        c.canary.is_none(),
        "the canary decides nothing in a foreign domain"
    );
    assert!(
        c.meaning.contains("mx.other-domain.example") && c.meaning.contains("relays"),
        "{}",
        c.meaning
    );
    // The reply's meaning agrees with the check: no "catch-all" hint under it.
    let step = srv
        .steps
        .iter()
        .find(|st| st.request.as_deref() == Some("RCPT TO:<someone@other-domain.example>"))
        .expect("the RCPT step");
    assert!(
        step.meaning.contains("relay") && !step.meaning.contains("catch-all"),
        "{}",
        step.meaning
    );
    let f = open_relay_findings(srv);
    assert_eq!(f.len(), 1, "{:#?}", srv.findings);
    assert_eq!(f[0].status, Status::Critical);
    assert!(
        f[0].message
            .starts_with("relays to other-domain.example for a client at 127.0.0.1"),
        "{}",
        f[0].message
    );
    assert!(
        f[0].message.contains("mynetworks") && f[0].message.contains("test from outside"),
        "{}",
        f[0].message
    );
    assert_eq!(r.status, Status::Critical, "{}", r.summary);
    assert_eq!(r.exit_code, 2);
    assert!(
        r.summary.contains("relays to other-domain.example"),
        "{}",
        r.summary
    );
}

#[test]
fn haraka_refusal_of_a_foreign_rcpt_is_a_relay_refusal_and_ok() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("MAIL FROM:<>", "250 sender <> OK\r\n"),
        Step::Expect(
            "RCPT TO:<x@other-domain.example>",
            "550 I cannot deliver mail for <x@other-domain.example>\r\n",
        ),
        Step::Expect(
            "RCPT TO:<nx-probe-",
            "550 I cannot deliver mail for <nx-probe@other-domain.example>\r\n",
        ),
        Step::Expect("RSET", "250 OK\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct(&s, &["--rcpt", "x@other-domain.example"], &elsewhere());
    s.finish();
    let srv = &r.servers[0];
    let c = check(srv, "x@other-domain.example");
    assert_eq!(c.outcome, Outcome::RelayDenied, "{}", c.meaning);
    assert_eq!(c.status, Status::Ok);
    assert!(c.meaning.contains("does not relay"), "{}", c.meaning);
    // The reply's own meaning names Haraka, and the refusal is no problem of the server's.
    let step = srv
        .steps
        .iter()
        .find(|st| st.request.as_deref() == Some("RCPT TO:<x@other-domain.example>"))
        .expect("the RCPT step");
    assert_eq!(step.rule, "haraka_cannot_deliver");
    assert_eq!(step.status, Status::Ok);
    assert!(open_relay_findings(srv).is_empty());
    assert_eq!(r.status, Status::Ok, "{}", r.summary);
    assert_eq!(r.exit_code, 0);
}

#[test]
fn user_unknown_5_1_1_for_a_foreign_rcpt_stays_unknown_user() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("MAIL FROM:<>", "250 2.1.0 Ok\r\n"),
        Step::Expect(
            "RCPT TO:<x@other-domain.example>",
            "550 5.1.1 <x@other-domain.example>: Recipient address rejected: User unknown in relay recipient table\r\n",
        ),
        Step::Expect("RCPT TO:<nx-probe-", "550 5.1.1 User unknown\r\n"),
        Step::Expect("RSET", "250 2.0.0 Ok\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct(&s, &["--rcpt", "x@other-domain.example"], &elsewhere());
    s.finish();
    let c = check(&r.servers[0], "x@other-domain.example");
    assert_eq!(c.outcome, Outcome::UnknownUser, "{}", c.meaning);
    assert!(open_relay_findings(&r.servers[0]).is_empty());
}

#[test]
fn a_failed_lookup_of_the_recipient_domain_is_inconclusive_never_an_accusation() {
    for failure in [DnsFailure::ServFail("SERVFAIL".into()), DnsFailure::Timeout] {
        let s = FakeSmtp::start(vec![
            Step::Send(GREETING),
            Step::Expect("EHLO", EHLO_OK),
            Step::Expect("MAIL FROM:<>", "250 2.1.0 Ok\r\n"),
            Step::Expect("RCPT TO:<someone@flaky.example>", "250 2.1.5 Ok\r\n"),
            Step::Expect("RSET", "250 2.0.0 Ok\r\n"),
            Step::Expect("QUIT", QUIT_OK),
        ]);
        let dns = FakeDns::default().mx_fails("flaky.example", failure.clone());
        let r = direct(
            &s,
            &["--rcpt", "someone@flaky.example", "--no-canary"],
            &dns,
        );
        s.finish();
        let srv = &r.servers[0];
        let c = check(srv, "someone@flaky.example");
        assert_eq!(
            c.outcome,
            Outcome::Inconclusive,
            "{failure:?}: {}",
            c.meaning
        );
        // The answer about the user stands (accepted: OK); only the relay question is open.
        assert_eq!(c.status, Status::Ok);
        assert!(
            c.meaning.contains("cannot be told") && c.meaning.contains("flaky.example"),
            "{}",
            c.meaning
        );
        assert!(open_relay_findings(srv).is_empty());
        assert_ne!(r.status, Status::Critical, "{}", r.summary);
        assert_eq!(r.status, Status::Ok, "{}", r.summary);
    }
}

#[test]
fn relay_test_against_an_open_server_is_critical_and_never_sends_data() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("MAIL FROM:<>", "250 2.1.0 Ok\r\n"),
        Step::Expect(
            "RCPT TO:<smtpprobe-relay-test@gmail.com>",
            "250 2.1.5 Ok\r\n",
        ),
        Step::Expect("RSET", "250 2.0.0 Ok\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct(&s, &["--relay-test"], &elsewhere());
    let lines = s.finish();
    // No canary for the relay test, RSET after it, never DATA (FakeSmtp fails on DATA).
    assert!(lines[0].starts_with("EHLO"), "{lines:?}");
    assert_eq!(
        lines[1..],
        [
            "MAIL FROM:<>",
            "RCPT TO:<smtpprobe-relay-test@gmail.com>",
            "RSET",
            "QUIT"
        ]
    );
    let srv = &r.servers[0];
    let c = check(srv, "smtpprobe-relay-test@gmail.com");
    assert!(c.relay_test);
    assert_eq!(c.outcome, Outcome::Relayed, "{}", c.meaning);
    assert!(c.meaning.starts_with("relay test: "), "{}", c.meaning);
    assert_eq!(open_relay_findings(srv).len(), 1);
    assert_eq!(r.exit_code, 2, "{}", r.summary);
    let json = serde_json::to_value(&r).expect("json");
    assert_eq!(json["servers"][0]["checks"][0]["relay_test"], true);
    assert_eq!(json["servers"][0]["checks"][0]["outcome"], "relayed");
}

#[test]
fn relay_test_against_a_closed_server_is_ok_and_uses_mail_from() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("MAIL FROM:<probe@example.org>", "250 2.1.0 Ok\r\n"),
        Step::Expect(
            "RCPT TO:<smtpprobe-relay-test@gmail.com>",
            "554 5.7.1 <smtpprobe-relay-test@gmail.com>: Relay access denied\r\n",
        ),
        Step::Expect("RSET", "250 2.0.0 Ok\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct(
        &s,
        &["--relay-test", "--mail-from", "probe@example.org"],
        &elsewhere(),
    );
    s.finish();
    let srv = &r.servers[0];
    let c = check(srv, "smtpprobe-relay-test@gmail.com");
    assert_eq!(c.outcome, Outcome::RelayDenied, "{}", c.meaning);
    assert!(
        c.meaning.contains("gmail-smtp-in.l.google.com"),
        "{}",
        c.meaning
    );
    assert!(open_relay_findings(srv).is_empty());
    assert_eq!(r.status, Status::Ok, "{}", r.summary);
}

#[test]
fn relay_test_refused_for_the_domain_itself_is_inconclusive() {
    // A null MX (RFC 7505): the server refuses the domain, which says nothing about relaying.
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("MAIL FROM:<>", "250 2.1.0 Ok\r\n"),
        Step::Expect(
            "RCPT TO:<x@example.net>",
            "556 5.1.10 <x@example.net>: Recipient address rejected: Domain example.net does not accept mail (nullMX)\r\n",
        ),
        Step::Expect("RSET", "250 2.0.0 Ok\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let dns = FakeDns::default().mx("example.net", &[(0, ".")]);
    let r = direct(&s, &["--relay-test=x@example.net"], &dns);
    s.finish();
    let c = check(&r.servers[0], "x@example.net");
    assert_eq!(c.outcome, Outcome::Inconclusive, "{}", c.meaning);
    assert!(c.meaning.contains("for the domain itself"), "{}", c.meaning);
    assert_eq!(r.status, Status::Unknown, "{}", r.summary);

    // A name that cannot resolve: refused because it does not, not because of relaying.
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("MAIL FROM:<>", "250 2.1.0 Ok\r\n"),
        Step::Expect(
            "RCPT TO:<x@relay-test.smtpprobe.invalid>",
            "550 5.1.2 <x@relay-test.smtpprobe.invalid>: Recipient address rejected: Domain not found\r\n",
        ),
        Step::Expect("RSET", "250 2.0.0 Ok\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct(
        &s,
        &["--relay-test=x@relay-test.smtpprobe.invalid"],
        &FakeDns::default(),
    );
    s.finish();
    let c = check(&r.servers[0], "x@relay-test.smtpprobe.invalid");
    assert_eq!(c.outcome, Outcome::Inconclusive, "{}", c.meaning);
    assert!(open_relay_findings(&r.servers[0]).is_empty());
}

#[test]
fn the_catch_all_canary_still_works_for_the_probed_domain() {
    // One server, catch-all for its own domain and open for everyone else.
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("MAIL FROM:<>", "250 2.1.0 Ok\r\n"),
        Step::Expect("RCPT TO:<alice@example.test>", "250 2.1.5 Ok\r\n"),
        Step::Expect("RCPT TO:<someone@other-domain.example>", "250 2.1.5 Ok\r\n"),
        Step::Expect("RCPT TO:<nx-probe-", "250 2.1.5 Ok\r\n"),
        Step::Expect("RCPT TO:<nx-probe-", "250 2.1.5 Ok\r\n"),
        Step::Expect("RSET", "250 2.0.0 Ok\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let port = s.addr.port().to_string();
    let dns = elsewhere().a("example.test", "127.0.0.1");
    let r = run(
        &[
            "example.test",
            "--port",
            &port,
            "--rcpt",
            "alice@example.test",
            "--rcpt",
            "someone@other-domain.example",
        ],
        &dns,
    );
    s.finish();
    let srv = &r.servers[0];
    let own = check(srv, "alice@example.test");
    assert_eq!(own.outcome, Outcome::CatchAll, "{}", own.meaning);
    assert_eq!(own.status, Status::Ok);
    assert!(own.canary.is_some());
    let foreign = check(srv, "someone@other-domain.example");
    assert_eq!(foreign.outcome, Outcome::Relayed, "{}", foreign.meaning);
    assert_eq!(r.status, Status::Critical, "{}", r.summary);
}

#[test]
fn a_domain_whose_mx_is_this_server_by_its_ehlo_name_is_its_own() {
    // Probed by address from the machine itself: DNS names the server mx.test (its EHLO
    // name) at a public address, so the recipient is the server's own, not relayed.
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("MAIL FROM:<>", "250 2.1.0 Ok\r\n"),
        Step::Expect("RCPT TO:<alice@hosted.example>", "250 2.1.5 Ok\r\n"),
        Step::Expect("RCPT TO:<nx-probe-", "550 5.1.1 User unknown\r\n"),
        Step::Expect("RSET", "250 2.0.0 Ok\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let dns = FakeDns::default()
        .mx("hosted.example", &[(10, "mx.test")])
        .a("mx.test", "192.0.2.25");
    let r = direct(&s, &["--rcpt", "alice@hosted.example"], &dns);
    s.finish();
    let c = check(&r.servers[0], "alice@hosted.example");
    assert_eq!(c.outcome, Outcome::Exists, "{}", c.meaning);
    assert_eq!(r.status, Status::Ok, "{}", r.summary);
}

#[test]
fn an_open_relay_took_the_conversation_so_the_next_mx_is_not_tried() {
    let relays = vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("MAIL FROM:<>", "250 2.1.0 Ok\r\n"),
        Step::Expect(
            "RCPT TO:<smtpprobe-relay-test@gmail.com>",
            "250 2.1.5 Ok\r\n",
        ),
        Step::Expect("RSET", "250 2.0.0 Ok\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ];
    let (a, b) = pair_on_same_port(relays, vec![]);
    let port = a.addr.port().to_string();
    let dns = elsewhere()
        .mx(
            "example.test",
            &[(10, "mx1.example.test"), (20, "mx2.example.test")],
        )
        .a("mx1.example.test", "127.0.0.2")
        .a("mx2.example.test", "127.0.0.3");
    let r = run(&["example.test", "--port", &port, "--relay-test"], &dns);
    a.finish();
    std::mem::forget(b); // never contacted: the best MX answered (all too well)
    assert!(r.servers[0].probed);
    assert!(!r.servers[1].probed, "{}", r.summary);
    assert_eq!(r.status, Status::Critical, "{}", r.summary);
    assert!(
        r.summary
            .contains("relays to gmail.com for a client at 127.0.0.1"),
        "{}",
        r.summary
    );
}
