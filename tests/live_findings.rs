//! What the live Exim 4.96 bed (`scripts/real-exim.sh`, `tests/real_exim.rs`) found, replayed
//! by in-process servers that say what Exim said: these run in every `cargo test`, the bed
//! only where it can be started. Each test names the finding it keeps fixed.

mod common;

use common::*;
use smtpprobe::exit::Status;
use smtpprobe::report::{CheckReport, Report, ServerReport};
use smtpprobe::vocab::Outcome;

const EXIM: &str = "220 mx.exim.test ESMTP Exim 4.96 Thu, 03 Dec 2026 14:33:41 +0000\r\n";
const EXIM_EHLO: &str = "250-mx.exim.test Hello [127.0.0.1]\r\n250-SIZE 52428800\r\n250 HELP\r\n";

fn direct(server: &FakeSmtp, extra: &[&str], dns: &FakeDns) -> Report {
    let target = server.addr.to_string();
    let mut args = vec![target.as_str(), "--starttls", "never"];
    args.extend_from_slice(extra);
    probe_with_dns(&args, dns)
}

fn check<'a>(s: &'a ServerReport, argument: &str) -> &'a CheckReport {
    s.checks
        .iter()
        .find(|c| c.argument == argument || c.requested.as_deref() == Some(argument))
        .unwrap_or_else(|| panic!("no check for {argument}: {:#?}", s.checks))
}

/// Finding 2: past smtp_accept_max_nonmail Exim answers "554 Too many nonmail commands" and
/// drops the connection. That is a limit on the session, not a disabled EXPN, and the close
/// is said with it (not a silent `quit_no_reply`).
#[test]
fn a_session_limit_is_no_disabled_command_and_its_close_is_named() {
    let s = FakeSmtp::start(vec![
        Step::Send(EXIM),
        Step::Expect("EHLO", EXIM_EHLO),
        Step::Expect("EXPN staff@exim.test", "250 <alice@exim.test>\r\n"),
        Step::Expect("EXPN nolist@exim.test", "554 Too many nonmail commands\r\n"),
        Step::Close,
    ]);
    let r = direct(
        &s,
        &["--expn", "staff@exim.test", "--expn", "nolist@exim.test"],
        &FakeDns::default(),
    );
    s.finish();
    let srv = &r.servers[0];
    assert_eq!(check(srv, "staff@exim.test").outcome, Outcome::Exists);
    let c = check(srv, "nolist@exim.test");
    assert_eq!(c.outcome, Outcome::NotChecked, "{}", c.meaning);
    assert!(c.meaning.contains("limit on this session"), "{}", c.meaning);
    assert!(c.meaning.contains("Exim"), "{}", c.meaning);
    let closed = srv
        .findings
        .iter()
        .find(|f| f.id == "connection_closed")
        .unwrap_or_else(|| panic!("{:#?}", srv.findings));
    assert_eq!(closed.status, Status::Warning);
    assert!(
        closed.message.contains("Too many nonmail commands"),
        "{}",
        closed.message
    );
    assert!(!srv.findings.iter().any(|f| f.id == "quit_no_reply"));
    assert_eq!(r.status, Status::Warning);
}

/// Findings 3 and 12: Exim wants a domain in VRFY ("501 alice: recipient address must
/// contain a domain"). On a host target the probe asks again as name@<the greeting's host
/// name>, and the canary is asked in that form only: a bare canary tells nothing more and
/// costs one of the server's non-mail commands.
#[test]
fn a_bare_vrfy_name_is_asked_again_at_the_greeting_name_without_a_bare_canary() {
    let s = FakeSmtp::start(vec![
        Step::Send(EXIM),
        Step::Expect("EHLO", EXIM_EHLO),
        Step::Expect(
            "VRFY alice",
            "501 alice: recipient address must contain a domain\r\n",
        ),
        Step::Expect(
            "VRFY alice@mx.exim.test",
            "250 <alice@mx.exim.test> is deliverable\r\n",
        ),
        Step::Expect("VRFY nx-probe-", "550 Unrouteable address\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct(&s, &["--vrfy", "alice"], &FakeDns::default());
    let received = s.finish();
    let srv = &r.servers[0];
    let c = check(srv, "alice");
    assert_eq!(c.argument, "alice@mx.exim.test");
    assert_eq!(c.outcome, Outcome::Exists, "{}", c.meaning);
    assert_eq!(c.status, Status::Ok);
    let canaries: Vec<&String> = received
        .iter()
        .filter(|l| l.contains("nx-probe-"))
        .collect();
    assert_eq!(canaries.len(), 1, "{received:?}");
    assert!(canaries[0].ends_with("@mx.exim.test"), "{received:?}");
    assert_eq!(r.status, Status::Ok);
}

/// Finding 10: Debian's Exim refuses a VRFY in a domain it does not handle with "550 <…>
/// Mailing to remote domains not supported", for the canary alike: the domain was refused,
/// not the user.
#[test]
fn vrfy_refused_for_a_remote_domain_says_nothing_about_the_user() {
    let s = FakeSmtp::start(vec![
        Step::Send(EXIM),
        Step::Expect("EHLO", EXIM_EHLO),
        Step::Expect(
            "VRFY someone@elsewhere.test",
            "550 <someone@elsewhere.test> Mailing to remote domains not supported\r\n",
        ),
        Step::Expect(
            "VRFY nx-probe-",
            "550 <nx@elsewhere.test> Mailing to remote domains not supported\r\n",
        ),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct(
        &s,
        &["--vrfy", "someone@elsewhere.test"],
        &FakeDns::default(),
    );
    s.finish();
    let c = check(&r.servers[0], "someone@elsewhere.test");
    assert_ne!(c.outcome, Outcome::UnknownUser, "{}", c.meaning);
    assert_eq!(c.status, Status::Ok);
    assert!(
        c.meaning.contains("says nothing about the user"),
        "{}",
        c.meaning
    );
    assert_eq!(r.status, Status::Ok);
}

/// Finding 7: a server that relays for this client may trust it (Exim's relay_from_hosts
/// holds loopback in Debian's defaults); its catch-all says so, and the open relay finding
/// names Exim's setting, not Postfix's.
#[test]
fn a_catch_all_beside_an_open_relay_says_the_client_may_be_trusted() {
    let s = FakeSmtp::start(vec![
        Step::Send(EXIM),
        Step::Expect("EHLO", EXIM_EHLO),
        Step::Expect("MAIL FROM:<>", "250 OK\r\n"),
        Step::Expect("RCPT TO:<alice@exim.test>", "250 Accepted\r\n"),
        Step::Expect("RCPT TO:<probe@elsewhere.test>", "250 Accepted\r\n"),
        Step::Expect("RCPT TO:<nx-probe-", "250 Accepted\r\n"),
        Step::Expect("RSET", "250 Reset OK\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    // exim.test's MX is the server probed (it greets as mx.exim.test on 127.0.0.1).
    let dns = FakeDns::default()
        .mx("exim.test", &[(10, "mx.exim.test")])
        .a("mx.exim.test", "127.0.0.1")
        .mx("elsewhere.test", &[(10, "mx.elsewhere.test")])
        .a("mx.elsewhere.test", "192.0.2.25");
    let r = direct(
        &s,
        &[
            "--rcpt",
            "alice@exim.test",
            "--relay-test=probe@elsewhere.test",
        ],
        &dns,
    );
    s.finish();
    let srv = &r.servers[0];
    let c = check(srv, "alice@exim.test");
    assert_eq!(c.outcome, Outcome::CatchAll, "{}", c.meaning);
    assert!(
        c.meaning.contains("trust the probe's address"),
        "{}",
        c.meaning
    );
    assert!(c.meaning.contains("relay_from_hosts"), "{}", c.meaning);
    let relay = srv
        .findings
        .iter()
        .find(|f| f.id == "open_relay")
        .unwrap_or_else(|| panic!("{:#?}", srv.findings));
    assert!(
        relay.message.contains("relay_from_hosts"),
        "{}",
        relay.message
    );
    assert!(!relay.message.contains("mynetworks"), "{}", relay.message);
    assert_eq!(r.status, Status::Critical);
}

/// After the first 501 the server has shown that it wants a domain: the other bare names are
/// asked qualified at once (not each after a 501 of its own), and the canary once, after
/// them. Exim counts every one of those commands towards its limits.
#[test]
fn after_one_501_the_other_bare_names_are_asked_qualified_and_the_canary_once() {
    let s = FakeSmtp::start(vec![
        Step::Send(EXIM),
        Step::Expect("EHLO", EXIM_EHLO),
        Step::Expect(
            "VRFY a1",
            "501 a1: recipient address must contain a domain\r\n",
        ),
        Step::Expect(
            "VRFY a1@mx.exim.test",
            "550 <a1@mx.exim.test> Unrouteable address\r\n",
        ),
        Step::Expect(
            "VRFY alice@mx.exim.test",
            "250 <alice@mx.exim.test> is deliverable\r\n",
        ),
        Step::Expect("VRFY nx-probe-", "550 Unrouteable address\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct(
        &s,
        &["--vrfy", "a1", "--vrfy", "alice"],
        &FakeDns::default(),
    );
    let received = s.finish();
    assert_eq!(received.len(), 6, "{received:?}");
    let srv = &r.servers[0];
    assert_eq!(check(srv, "a1").outcome, Outcome::UnknownUser);
    let alice = check(srv, "alice");
    assert_eq!(alice.argument, "alice@mx.exim.test");
    assert_eq!(alice.requested.as_deref(), Some("alice"));
    assert_eq!(alice.outcome, Outcome::Exists, "{}", alice.meaning);
}

/// The command Exim's drop left unanswered ends the human transcript, before the TLS summary
/// (it was printed after it, as if it came later).
#[test]
fn the_unanswered_command_ends_the_transcript_in_the_human_report() {
    let s = FakeSmtp::start(vec![
        Step::Send(EXIM),
        Step::Expect("EHLO", EXIM_EHLO),
        Step::ExpectSilently("VRFY alice@exim.test"),
        Step::Close,
    ]);
    let r = direct(&s, &["--vrfy", "alice@exim.test"], &FakeDns::default());
    s.finish();
    let mut out = Vec::new();
    smtpprobe::output::render(
        &r,
        smtpprobe::cli::OutputFormat::Human,
        false,
        &smtpprobe::thresholds::Thresholds::default(),
        &mut out,
    )
    .expect("render");
    let text = String::from_utf8_lossy(&out);
    let unanswered = text.find("(no reply)").unwrap_or_else(|| panic!("{text}"));
    let tls = text.find("  TLS ").unwrap_or_else(|| panic!("{text}"));
    assert!(unanswered < tls, "{text}");
}
