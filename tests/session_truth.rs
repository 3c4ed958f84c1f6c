//! Replies judged by what the whole session showed (issue 10) and replies the server sent
//! unasked (issue 15): in-process servers on loopback and in-memory streams.

mod common;

use common::*;
use smtpprobe::driver::{Timeouts, drive};
use smtpprobe::exit::Status;
use smtpprobe::report::{Report, ServerReport};
use smtpprobe::smtp::command::WireArg;
use smtpprobe::smtp::session::{Plan, Session, TlsPolicy};
use smtpprobe::vocab::Outcome;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// Probes an in-process server directly, in plain text.
fn direct(server: &FakeSmtp, extra: &[&str]) -> Report {
    let target = server.addr.to_string();
    let mut args = vec![target.as_str(), "--starttls", "never"];
    args.extend_from_slice(extra);
    probe_with_dns(&args, &FakeDns::default())
}

fn arg(s: &str) -> WireArg {
    WireArg::new(s).expect("valid test argument")
}

/// Runs `plan` against a server that first writes `preamble` at once, then answers each
/// command line with `answer(line)` (an empty answer closes).
async fn converse(
    plan: Plan,
    preamble: &'static [u8],
    answer: fn(&str) -> &'static str,
) -> (ServerReport, Vec<String>) {
    let (client, server) = tokio::io::duplex(1 << 20);
    let task = tokio::spawn(async move {
        let (rd, mut wr) = tokio::io::split(server);
        let mut lines = BufReader::new(rd).lines();
        let mut got = Vec::new();
        if wr.write_all(preamble).await.is_err() {
            return got;
        }
        while let Ok(Some(line)) = lines.next_line().await {
            let reply = answer(&line);
            got.push(line);
            if reply.is_empty() || wr.write_all(reply.as_bytes()).await.is_err() {
                break;
            }
        }
        got
    });
    let timeouts = Timeouts {
        connect: Duration::from_secs(1),
        reply: Duration::from_secs(5),
        deadline: Duration::from_secs(20),
    };
    let mut client = client;
    let outcome = drive(
        &mut client,
        Session::new(plan),
        timeouts,
        tokio::time::Instant::now(),
    )
    .await;
    drop(client);
    let received = task.await.unwrap_or_default();
    (judged(outcome), received)
}

fn vrfy_server(line: &str) -> &'static str {
    let up = line.to_ascii_uppercase();
    if up.starts_with("EHLO") {
        "250-mx.test\r\n250 VRFY\r\n"
    } else if up.starts_with("VRFY") {
        "550 5.1.1 <alice>: Recipient address rejected: User unknown\r\n"
    } else if up.starts_with("RSET") {
        "250 2.0.0 Ok\r\n"
    } else if up.starts_with("QUIT") {
        "221 2.0.0 Bye\r\n"
    } else {
        "502 5.5.2 Error: command not recognized\r\n"
    }
}

#[test]
fn a_second_greeting_never_answers_our_next_command() {
    let s = FakeSmtp::start(vec![
        Step::Send("220 first\r\n220 second\r\n"),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("VRFY alice", "550 5.1.1 <alice>: User unknown\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct(&s, &["--vrfy", "alice", "--no-canary"]);
    s.finish();
    let srv = &r.servers[0];
    assert_eq!(srv.checks[0].outcome, Outcome::UnknownUser, "{srv:#?}");
    assert_eq!(srv.checks[0].code, Some(550));
    let f = srv
        .findings
        .iter()
        .find(|f| f.id == "unsolicited_reply")
        .expect("the second greeting is a finding");
    assert!(
        f.message.contains("220") && f.message.contains("right after the greeting"),
        "{}",
        f.message
    );
    let ehlo = srv
        .steps
        .iter()
        .find(|s| s.command.as_deref() == Some("EHLO"))
        .expect("EHLO step");
    assert_eq!(ehlo.code, 250);
}

#[test]
fn a_221_right_after_the_banner_is_not_blamed_on_ehlo() {
    let s = FakeSmtp::start(vec![
        Step::Send("220 mx.test ESMTP\r\n221 2.0.0 Bye\r\n"),
        Step::Close,
    ]);
    let r = direct(&s, &[]);
    let received = s.finish();
    assert!(received.is_empty(), "nothing may be sent: {received:?}");
    let srv = &r.servers[0];
    let f = srv
        .findings
        .iter()
        .find(|f| f.id == "unsolicited_close")
        .expect("unsolicited close");
    assert!(
        f.message
            .starts_with("221 sent right after the greeting, before any command"),
        "{}",
        f.message
    );
    assert!(!f.message.contains("EHLO"), "{}", f.message);
    assert_eq!(r.status, Status::Critical);
}

#[tokio::test]
async fn a_stream_of_unsolicited_250s_is_flagged_and_never_shifts_answers() {
    const FLOOD: &[u8] = b"220 mx.test ESMTP\r\n250 ok\r\n250 ok\r\n250 ok\r\n250 ok\r\n250 ok\r\n\
250 ok\r\n250 ok\r\n250 ok\r\n250 ok\r\n250 ok\r\n250 ok\r\n250 ok\r\n";
    let plan = Plan::new(arg("probe.test"))
        .vrfy([arg("alice")])
        .tls(TlsPolicy::Off);
    let (srv, received) = converse(plan, FLOOD, vrfy_server).await;
    assert!(
        received
            .iter()
            .all(|l| !l.to_ascii_uppercase().starts_with("DATA"))
    );
    assert_eq!(srv.checks[0].outcome, Outcome::UnknownUser, "{srv:#?}");
    let unsolicited = srv
        .steps
        .iter()
        .filter(|s| s.context == "unsolicited")
        .count();
    assert_eq!(unsolicited, 8, "at most 8 are kept as steps");
    assert!(
        srv.findings
            .iter()
            .any(|f| f.id == "unsolicited_reply" && f.message.contains("4 more than shown")),
        "{:#?}",
        srv.findings
    );
    assert_eq!(srv.status, Status::Warning);
}

#[tokio::test]
async fn half_a_reply_waiting_before_a_command_is_discarded_not_glued() {
    // "250-" begins a reply that never ends before EHLO is sent: it must not be glued to
    // the real EHLO reply.
    const PREAMBLE: &[u8] = b"220 mx.test ESMTP\r\n250-partial";
    let plan = Plan::new(arg("probe.test")).tls(TlsPolicy::Off);
    let (srv, _) = converse(plan, PREAMBLE, vrfy_server).await;
    let ehlo = srv
        .steps
        .iter()
        .find(|s| s.command.as_deref() == Some("EHLO"))
        .expect("EHLO step");
    assert_eq!(ehlo.lines, vec!["250-mx.test", "250 VRFY"]);
    assert!(
        srv.findings
            .iter()
            .any(|f| f.id == "unsolicited_reply" && f.message.contains("byte(s)")),
        "{:#?}",
        srv.findings
    );
}

#[test]
fn a_220_to_ehlo_is_not_success() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", "220 mx.test ESMTP ready\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct(&s, &["--vrfy", "alice"]);
    let sent = s.finish();
    assert!(
        !sent.iter().any(|l| l.starts_with("VRFY")),
        "no check after an unusable EHLO: {sent:?}"
    );
    let f = r.servers[0]
        .findings
        .iter()
        .find(|f| f.id == "invalid_reply_code")
        .expect("invalid reply code");
    assert_eq!(f.status, Status::Critical);
    assert!(
        f.message.contains("EHLO was answered with 220"),
        "{}",
        f.message
    );
    assert_eq!(r.exit_code, 2);
}

#[test]
fn a_success_code_rcpt_cannot_get_is_a_warning() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("MAIL FROM:<>", "250 2.1.0 Ok\r\n"),
        Step::Expect("RCPT TO:<alice@mx.test>", "252 2.1.5 maybe\r\n"),
        Step::Expect("RSET", "250 2.0.0 Ok\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct(&s, &["--rcpt", "alice@mx.test", "--no-canary"]);
    s.finish();
    let f = r.servers[0]
        .findings
        .iter()
        .find(|f| f.id == "invalid_reply_code")
        .expect("invalid reply code");
    assert_eq!(f.status, Status::Warning, "{}", f.message);
}

#[test]
fn a_reply_cut_off_by_a_close_keeps_what_arrived() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", "250-mx.test\r\n250-PIPELINING\r\n250 SIZ"),
        Step::Close,
    ]);
    let r = direct(&s, &[]);
    s.finish();
    let srv = &r.servers[0];
    let ehlo = srv
        .steps
        .iter()
        .find(|s| s.command.as_deref() == Some("EHLO"))
        .expect("the partial EHLO reply is kept");
    assert_eq!(ehlo.lines, vec!["250-mx.test", "250-PIPELINING", "250 SIZ"]);
    assert!(
        ehlo.anomalies
            .iter()
            .any(|a| a == "truncated: the server closed mid-reply after 2 complete line(s)"),
        "{:?}",
        ehlo.anomalies
    );
    let e = srv.error.as_ref().expect("an error");
    assert!(
        e.message.contains("mid-reply, after 2 complete line(s)"),
        "{}",
        e.message
    );
    assert_eq!(srv.unanswered.as_deref(), Some("EHLO [127.0.0.1]"));
}

/// Drives a plan against a server that writes `bytes` and then stays silent, in paused time.
async fn silent_after(bytes: &'static [u8]) -> ServerReport {
    let (mut client, server) = tokio::io::duplex(4 << 20);
    let task = tokio::spawn(async move {
        let mut server = server;
        let _ = server.write_all(bytes).await;
        // Stay open, say nothing more.
        tokio::time::sleep(Duration::from_secs(3600)).await;
        drop(server);
    });
    let timeouts = Timeouts {
        connect: Duration::from_secs(1),
        reply: Duration::from_secs(30),
        deadline: Duration::from_secs(120),
    };
    let plan = Plan::new(arg("probe.test")).tls(TlsPolicy::Off);
    let outcome = drive(
        &mut client,
        Session::new(plan),
        timeouts,
        tokio::time::Instant::now(),
    )
    .await;
    task.abort();
    judged(outcome)
}

#[tokio::test(start_paused = true)]
async fn a_greeting_without_a_line_end_is_named_not_called_slow() {
    static BIG: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    let big = BIG.get_or_init(|| {
        let mut v = b"220 ".to_vec();
        v.extend(std::iter::repeat_n(b'a', 1 << 20));
        v
    });
    let srv = silent_after(big.as_slice()).await;
    let e = srv.error.as_ref().expect("a timeout");
    assert!(
        e.message.contains("no line end after 1048580 byte(s)"),
        "{}",
        e.message
    );
    assert!(!e.message.contains("tarpitting"), "{}", e.message);
}

#[tokio::test(start_paused = true)]
async fn cr_without_lf_is_named() {
    let srv = silent_after(b"220 mx.test ESMTP\r").await;
    let e = srv.error.as_ref().expect("a timeout");
    assert!(e.message.contains("CR without LF"), "{}", e.message);
    let greeting = srv.steps.first().expect("the partial greeting is kept");
    assert_eq!(greeting.code, 220);
}

/// A pipelining server that records which command lines arrived together (in one read
/// before it answered any of them), answering each with `answer`.
async fn pipelining_server(
    plan: Plan,
    answer: fn(&str) -> &'static str,
) -> (ServerReport, Vec<Vec<String>>) {
    use tokio::io::AsyncReadExt;
    let (client, server) = tokio::io::duplex(1 << 16);
    let task = tokio::spawn(async move {
        let (mut rd, mut wr) = tokio::io::split(server);
        let mut batches: Vec<Vec<String>> = Vec::new();
        if wr.write_all(b"220 mx.test ESMTP\r\n").await.is_err() {
            return batches;
        }
        let mut buf = vec![0u8; 65536];
        let mut pending = String::new();
        while let Ok(n) = rd.read(&mut buf).await {
            if n == 0 {
                break;
            }
            pending.push_str(&String::from_utf8_lossy(&buf[..n]));
            let mut batch = Vec::new();
            while let Some(pos) = pending.find("\r\n") {
                let line: String = pending.drain(..pos + 2).collect();
                batch.push(line.trim_end().to_owned());
            }
            let mut quit = false;
            for line in &batch {
                quit |= line.eq_ignore_ascii_case("QUIT");
                if wr.write_all(answer(line).as_bytes()).await.is_err() {
                    return batches;
                }
            }
            batches.push(batch);
            if quit {
                break;
            }
        }
        batches
    });
    let timeouts = Timeouts {
        connect: Duration::from_secs(1),
        reply: Duration::from_secs(5),
        deadline: Duration::from_secs(20),
    };
    let mut client = client;
    let outcome = drive(
        &mut client,
        Session::new(plan),
        timeouts,
        tokio::time::Instant::now(),
    )
    .await;
    drop(client);
    (judged(outcome), task.await.unwrap_or_default())
}

fn pipelining_answers(line: &str) -> &'static str {
    let up = line.to_ascii_uppercase();
    if up.starts_with("EHLO") {
        "250-mx.test\r\n250-PIPELINING\r\n250 8BITMIME\r\n"
    } else if up.starts_with("MAIL") {
        "250 2.1.0 Ok\r\n"
    } else if up.starts_with("RCPT TO:<ALICE") {
        "250 2.1.5 Ok\r\n"
    } else if up.starts_with("RCPT") {
        "550 5.1.1 User unknown\r\n"
    } else if up.starts_with("RSET") {
        "250 2.0.0 Ok\r\n"
    } else if up.starts_with("QUIT") {
        "221 2.0.0 Bye\r\n"
    } else {
        "502 5.5.2 Error: command not recognized\r\n"
    }
}

#[tokio::test]
async fn with_pipelining_mail_and_rcpts_are_one_write_and_rset_quit_another() {
    let plan = Plan::new(arg("probe.test"))
        .rcpt([arg("alice@mx.test")])
        .canary("nx-probe-canary")
        .tls(TlsPolicy::Off);
    let (srv, batches) = pipelining_server(plan, pipelining_answers).await;
    assert_eq!(
        batches,
        vec![
            vec!["EHLO probe.test".to_owned()],
            vec![
                "MAIL FROM:<>".to_owned(),
                "RCPT TO:<alice@mx.test>".to_owned(),
                "RCPT TO:<nx-probe-canary@mx.test>".to_owned()
            ],
            vec!["RSET".to_owned(), "QUIT".to_owned()],
        ],
        "three round trips after the greeting"
    );
    let groups: Vec<Option<u32>> = srv.steps.iter().map(|s| s.group).collect();
    assert_eq!(
        groups,
        [None, None, Some(1), Some(1), Some(1), Some(2), Some(2)]
    );
    assert_eq!(srv.checks[0].outcome, Outcome::Exists, "{srv:#?}");
    assert_eq!(srv.status, Status::Ok);
}

#[tokio::test]
async fn without_pipelining_every_command_waits_for_its_reply() {
    let plan = Plan::new(arg("probe.test"))
        .rcpt([arg("alice@mx.test")])
        .tls(TlsPolicy::Off)
        .lock_step();
    let (srv, batches) = pipelining_server(plan, pipelining_answers).await;
    assert!(batches.iter().all(|b| b.len() == 1), "{batches:?}");
    assert!(srv.steps.iter().all(|s| s.group.is_none()));
}

#[tokio::test]
async fn rcpts_pipelined_after_a_refused_mail_decide_nothing() {
    fn refuse_mail(line: &str) -> &'static str {
        let up = line.to_ascii_uppercase();
        if up.starts_with("MAIL") {
            "550 5.7.1 Sender rejected\r\n"
        } else if up.starts_with("RCPT") {
            "503 5.5.1 Error: need MAIL command\r\n"
        } else {
            pipelining_answers(line)
        }
    }
    let plan = Plan::new(arg("probe.test"))
        .rcpt([arg("alice@mx.test")])
        .canary("nx-probe-canary")
        .tls(TlsPolicy::Off);
    let (srv, _) = pipelining_server(plan, refuse_mail).await;
    assert_eq!(srv.checks[0].outcome, Outcome::NotChecked, "{srv:#?}");
    assert!(srv.findings.iter().any(|f| f.id == "mail_refused"));
}

fn step_of<'a>(srv: &'a ServerReport, request: &str) -> &'a smtpprobe::report::StepReport {
    srv.steps
        .iter()
        .find(|s| s.request.as_deref() == Some(request))
        .unwrap_or_else(|| panic!("no step for {request}: {:#?}", srv.steps))
}

#[test]
fn a_252_meaning_agrees_with_the_check_that_says_exists() {
    let s = FakeSmtp::start(vec![
        Step::Send("220 mx.test ESMTP Postfix (Debian/GNU)\r\n"),
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
    let srv = &r.servers[0];
    assert_eq!(srv.checks[0].outcome, Outcome::Exists);
    let st = step_of(srv, "VRFY alice");
    assert!(st.meaning.contains("so alice exists"), "{}", st.meaning);
    assert!(!st.meaning.contains("not a \"yes\""), "{}", st.meaning);
    assert_eq!(st.rule, "session:vrfy_252_tells_users_apart");
}

#[test]
fn a_252_after_a_250_is_not_called_a_blanket_answer() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("VRFY alice", "250 2.1.5 Alice <alice@mx.test>\r\n"),
        Step::Expect(
            "VRFY bob@other.test",
            "252 2.1.5 Send some mail, I'll try my best\r\n",
        ),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct(
        &s,
        &["--vrfy", "alice", "--vrfy", "bob@other.test", "--no-canary"],
    );
    s.finish();
    let st = step_of(&r.servers[0], "VRFY bob@other.test");
    assert_eq!(st.rule, "session:vrfy_252_after_250", "{}", st.meaning);
    assert!(
        !st.meaning.to_lowercase().contains("qmail"),
        "{}",
        st.meaning
    );
}

#[test]
fn a_vendor_text_is_not_attributed_to_another_server() {
    let s = FakeSmtp::start(vec![
        Step::Send("220 mx.test ESMTP Exim 4.96 Mon, 30 Nov 2026 10:00:00 +0000\r\n"),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("VRFY alice", "502 5.5.1 VRFY command is disabled\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct(&s, &["--vrfy", "alice"]);
    s.finish();
    let st = step_of(&r.servers[0], "VRFY alice");
    assert_ne!(st.rule, "vrfy_postfix_disabled", "{}", st.meaning);
    assert_ne!(st.server_hint.as_deref(), Some("Postfix"));
    // With a Postfix banner the same text is Postfix's.
    let s = FakeSmtp::start(vec![
        Step::Send("220 mx.test ESMTP Postfix\r\n"),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("VRFY alice", "502 5.5.1 VRFY command is disabled\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct(&s, &["--vrfy", "alice"]);
    s.finish();
    assert_eq!(
        step_of(&r.servers[0], "VRFY alice").rule,
        "vrfy_postfix_disabled"
    );
}

#[test]
fn bare_lf_and_mixed_codes_are_a_protocol_violation_in_every_output() {
    let s = FakeSmtp::start(vec![
        Step::Send("220 mx.test ESMTP\n"),
        Step::Expect("EHLO", "250-mx.test\r\n251-PIPELINING\r\n250 8BITMIME\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct(&s, &[]);
    s.finish();
    let f = r.servers[0]
        .findings
        .iter()
        .find(|f| f.id == "protocol_violation")
        .expect("protocol violation");
    assert_eq!(f.status, Status::Warning);
    assert!(
        f.message.contains("bare LF line ends") && f.message.contains("greeting"),
        "{}",
        f.message
    );
    assert!(
        f.message.contains("another code") && f.message.contains("EHLO"),
        "{}",
        f.message
    );
    assert_eq!(r.exit_code, 1);
    let render = |format| {
        let mut out = Vec::new();
        smtpprobe::output::render(
            &r,
            format,
            false,
            &smtpprobe::thresholds::Thresholds::default(),
            &mut out,
        )
        .expect("render");
        String::from_utf8(out).expect("utf-8")
    };
    use smtpprobe::cli::OutputFormat;
    assert!(render(OutputFormat::Nagios).contains("breaks SMTP's reply syntax"));
    assert!(render(OutputFormat::Prometheus).contains("id=\"protocol_violation\"} 1"));
}

#[test]
fn expn_lists_its_members_and_disclosure_is_advice_not_a_failure() {
    let s = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect(
            "EXPN staff",
            "250-2.1.5 Alice <alice@mx.test>\r\n250 2.1.5 Bob <bob@mx.test>\r\n",
        ),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct(&s, &["--expn", "staff"]);
    s.finish();
    let srv = &r.servers[0];
    assert_eq!(
        srv.checks[0].members.as_deref(),
        Some(
            &[
                "Alice <alice@mx.test>".to_owned(),
                "Bob <bob@mx.test>".to_owned()
            ][..]
        )
    );
    let f = srv
        .findings
        .iter()
        .find(|f| f.id == "user_disclosure")
        .expect("disclosure");
    assert_eq!(f.status, Status::Ok);
    assert!(
        f.message.contains("EXPN staff listed 2 member(s)"),
        "{}",
        f.message
    );
    assert_eq!(r.status, Status::Ok);
}

#[test]
fn with_all_the_summary_names_the_host_of_the_worst_finding() {
    let ok = FakeSmtp::start(vec![
        Step::Send(GREETING),
        Step::Expect("EHLO", "250-mx1.test\r\n250 STARTTLS\r\n"),
        Step::Expect("STARTTLS", "454 4.7.0 TLS not available\r\n"),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let port = ok.addr.port();
    let dns = FakeDns::default()
        .mx("example.test", &[(10, "mx1.example.test")])
        .a("mx1.example.test", "127.0.0.1");
    let cfg = config(&["example.test", "--all", "--port", &port.to_string()]);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let env = smtpprobe::run::Env::without_dns(&cfg);
    let r = rt.block_on(smtpprobe::run::probe_with(&env, &cfg, &dns));
    ok.finish();
    assert_eq!(r.status, Status::Warning, "{}", r.summary);
    assert!(
        r.summary
            .contains("mx1.example.test: the server answered STARTTLS with 454"),
        "{}",
        r.summary
    );
}

#[test]
fn invalid_bytes_show_as_hex_and_long_lines_are_cut_with_a_count() {
    use smtpprobe::cli::OutputFormat;
    static LONG: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let long = LONG.get_or_init(|| format!("554 5.7.1 {}\r\n", "a".repeat(1990)));
    let s = FakeSmtp::start(vec![
        Step::SendBytes(b"220 mx.test \xff\xfe ESMTP\r\n"),
        Step::Expect("EHLO", long.as_str()),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let r = direct(&s, &[]);
    s.finish();
    let render = |format| {
        let mut out = Vec::new();
        smtpprobe::output::render(
            &r,
            format,
            false,
            &smtpprobe::thresholds::Thresholds::default(),
            &mut out,
        )
        .expect("render");
        String::from_utf8(out).expect("utf-8")
    };
    let human = render(OutputFormat::Human);
    assert!(human.contains(r"S: 220 mx.test \xff\xfe ESMTP"), "{human}");
    // 2000 bytes received, 512 shown.
    assert!(human.contains("a… (1488 more bytes)"), "{human}");
    // JSON keeps its documented form (U+FFFD).
    let json = render(OutputFormat::Json);
    assert!(
        json.contains("220 mx.test \u{fffd}\u{fffd} ESMTP"),
        "{json}"
    );
    let nagios = render(OutputFormat::Nagios);
    assert!(nagios.contains("(1488 more bytes)"), "{nagios}");
}
