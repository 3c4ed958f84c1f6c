//! A sans-IO session fed arbitrary replies until it ends, judged by the assessment and
//! rendered in every format: the session always ends (within a bounded number of steps),
//! never sends DATA or BDAT (nor a second line inside a command), no output holds a raw
//! control or bidi character, the JSON is valid and reads back as the very same report,
//! the nagios status line has exactly one `|`, and each Prometheus sample is one line.
//!
//! The loop below plays the driver's part (src/driver.rs) without sockets: the server's
//! bytes arrive one read at a time, a STARTTLS or implicit-TLS handshake succeeds or fails
//! as the input says, and the end of the input is a close or a timeout.
//!
//! Input: two flag bytes, then text split at 0xFF. The first piece is the check arguments
//! (comma-separated); each further piece is one read from the server.
//! - byte 0, bits 0–1: TLS policy (off, opportunistic, required, implicit); bit 2: the
//!   handshake succeeds; bit 3: its certificate verifies; bit 4: the input ends in a
//!   timeout rather than a close; bit 5: a canary; bit 6: qualify bare names with
//!   `example.test`; bit 7: MAIL FROM an address rather than `<>`.
//! - byte 1, bit 0: VRFY the arguments; bit 1: EXPN them; bit 2: RCPT them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtpprobe::assess::{self, ExpiryDays};
use smtpprobe::cli::OutputFormat;
use smtpprobe::driver::{Drive, TlsOutcome};
use smtpprobe::facts::{Contact, Conversation, ServerFacts};
use smtpprobe::report::tls::{CertificateReport, KeyReport, VerifyError};
use smtpprobe::report::{DnsReport, Report, SCHEMA, ServerReport};
use smtpprobe::smtp::Context;
use smtpprobe::smtp::command::{ReversePath, WireArg};
use smtpprobe::smtp::reply::{Limits, ReplyParser};
use smtpprobe::smtp::session::{Action, Plan, Session, TlsPolicy};
use smtpprobe::thresholds::Thresholds;
use smtpprobe::tls::{HandshakeRecord, Verdict};
use smtpprobe::vocab::{DnsKind, ErrorKind, Phase, ProbeError, TlsMode, VerifyReason};
use smtpprobe_fuzz::{assert_clean, assert_json, check_prometheus_sample};
use std::collections::VecDeque;
use std::time::Duration;

/// More than any plan can take: every step consumes a reply or ends the session.
const MAX_STEPS: usize = 20_000;

struct Flags {
    policy: TlsPolicy,
    handshake_ok: bool,
    verified: bool,
    timeout_at_end: bool,
}

fuzz_target!(|data: &[u8]| {
    let Some((&[a, b], rest)) = data.split_first_chunk::<2>() else {
        return;
    };
    let mut pieces = rest.split(|&x| x == 0xff);
    let args_text = String::from_utf8_lossy(pieces.next().unwrap_or_default());
    let reads: VecDeque<&[u8]> = pieces.collect();
    let flags = Flags {
        policy: [
            TlsPolicy::Off,
            TlsPolicy::Opportunistic,
            TlsPolicy::Required,
            TlsPolicy::Implicit,
        ][usize::from(a & 3)],
        handshake_ok: a & 4 != 0,
        verified: a & 8 != 0,
        timeout_at_end: a & 16 != 0,
    };
    let plan = plan(a, b, &args_text, flags.policy);
    let drive = converse(Session::new(plan), reads, &flags);
    let server = judged(drive, flags.policy);
    check_renders(&report(server));
});

fn plan(a: u8, b: u8, args_text: &str, policy: TlsPolicy) -> Plan {
    let arg = |s: &str| WireArg::token(s).ok();
    let mut args: Vec<WireArg> = args_text.split(',').take(4).filter_map(arg).collect();
    if args.is_empty() {
        args = ["alice", "bob@example.test"]
            .into_iter()
            .filter_map(arg)
            .collect();
    }
    let helo = WireArg::token("probe.test").expect("a valid EHLO name");
    let mut plan = Plan::new(helo).tls(policy);
    if b & 1 != 0 {
        plan = plan.vrfy(args.clone());
    }
    if b & 2 != 0 {
        plan = plan.expn(args.clone());
    }
    if b & 4 != 0 {
        plan = plan.rcpt(args);
    }
    if a & 32 != 0 {
        plan = plan.canary("nx-probe-canary");
    }
    if a & 64 != 0 {
        plan = plan.qualify_domain("example.test");
    }
    if a & 128 != 0
        && let Some(from) = arg("probe@example.test")
    {
        plan = plan.mail_from(ReversePath::Address(from));
    }
    plan
}

/// The handshake as the input says: its record, and the error when it failed.
fn handshake(mode: TlsMode, flags: &Flags) -> (TlsOutcome, Option<ProbeError>) {
    let mut record = HandshakeRecord {
        checked_name: "mx.test".into(),
        trust: "system".into(),
        version: None,
        cipher: None,
        key_exchange: None,
        elapsed: Duration::from_millis(2),
        chain: vec![],
        verdict: Verdict::NotReached,
        failure: None,
        at: 0,
    };
    let mut error = None;
    if flags.handshake_ok {
        record.version = Some("TLSv1.3".into());
        record.cipher = Some("TLS13_AES_256_GCM_SHA384".into());
        record.key_exchange = Some("X25519".into());
        record.verdict = if flags.verified {
            Verdict::Verified
        } else {
            Verdict::Failed(VerifyError::new(
                VerifyReason::NameMismatch,
                "the certificate is not valid for mx.test",
                "install a certificate naming mx.test",
            ))
        };
    } else {
        let f = VerifyError::new(
            VerifyReason::HandshakeFailed,
            "received fatal alert: HandshakeFailure",
            "",
        );
        error = Some(ProbeError::new(
            Phase::Tls,
            ErrorKind::Tls,
            format!("{} ({})", f.message, f.reason),
        ));
        record.failure = Some(f);
    }
    (
        TlsOutcome {
            mode,
            handshake: record,
        },
        error,
    )
}

/// The driver's loop, sans IO.
fn converse(mut session: Session, mut reads: VecDeque<&[u8]>, flags: &Flags) -> Drive {
    let mut parser = ReplyParser::new(Limits::default());
    let mut tls = None;
    let mut injected = 0;
    let mut error = None;
    if flags.policy.is_implicit() {
        let (outcome, err) = handshake(TlsMode::Implicit, flags);
        tls = Some(outcome);
        if err.is_some() {
            session.on_tls_failed();
            return finish(session, err, tls, injected);
        }
    }
    let mut ended = false;
    for step in 0..MAX_STEPS {
        let elapsed = Duration::from_micros(100 + step as u64);
        if session.will_send() {
            // As the driver does: whatever already arrived before a command answers nothing.
            while let Ok(Some(reply)) = parser.next_reply() {
                session.on_unsolicited(reply, elapsed);
            }
            if parser.has_buffered() {
                session.on_unsolicited_bytes(parser.discard_buffered());
            }
        }
        match session.next_action() {
            Action::Close => {
                ended = true;
                break;
            }
            Action::Send(cmd) => check_command(&cmd),
            Action::Pipeline(cmds) => cmds.iter().for_each(check_command),
            Action::Receive => {
                let phase = Phase::from(session.stage());
                match next_reply(&mut parser, &mut reads) {
                    Ok(Some(reply)) => session.on_reply(reply, elapsed),
                    Ok(None) if flags.timeout_at_end => {
                        error = Some(ProbeError::new(phase, ErrorKind::Timeout, "no reply"));
                        ended = true;
                        break;
                    }
                    Ok(None) => {
                        session.on_closed();
                        if phase != Phase::Reply(Context::Quit) {
                            error = Some(ProbeError::new(phase, ErrorKind::Closed, "closed"));
                        }
                        ended = true;
                        break;
                    }
                    Err(e) => {
                        error = Some(ProbeError::new(phase, ErrorKind::Protocol, e.to_string()));
                        ended = true;
                        break;
                    }
                }
            }
            Action::StartTls => {
                if parser.has_buffered() {
                    injected += parser.discard_buffered();
                }
                let (outcome, err) = handshake(TlsMode::StartTls, flags);
                tls = Some(outcome);
                if err.is_some() {
                    session.on_tls_failed();
                    error = err;
                    ended = true;
                    break;
                }
                session.on_tls_established();
            }
        }
    }
    assert!(ended, "the session did not end within {MAX_STEPS} steps");
    finish(session, error, tls, injected)
}

/// A command on the wire: never DATA or BDAT, exactly one CRLF-terminated line.
fn check_command(cmd: &smtpprobe::smtp::command::Command) {
    let wire = cmd.to_wire();
    let upper = wire.to_ascii_uppercase();
    assert!(
        !upper.starts_with(b"DATA") && !upper.starts_with(b"BDAT"),
        "sent {:?}",
        String::from_utf8_lossy(&wire)
    );
    let line_ends = wire.iter().filter(|&&x| x == b'\n' || x == b'\r').count();
    assert!(wire.ends_with(b"\r\n") && line_ends == 2, "{wire:?}");
}

/// One reply, reading more of the server's bytes as needed; `Ok(None)` at the end.
fn next_reply(
    parser: &mut ReplyParser,
    reads: &mut VecDeque<&[u8]>,
) -> Result<Option<smtpprobe::smtp::reply::Reply>, smtpprobe::smtp::reply::ParseError> {
    loop {
        if let Some(r) = parser.next_reply()? {
            return Ok(Some(r));
        }
        match reads.pop_front() {
            Some(bytes) => parser.feed(bytes),
            None => return Ok(None),
        }
    }
}

fn finish(
    session: Session,
    error: Option<ProbeError>,
    tls: Option<TlsOutcome>,
    injected: usize,
) -> Drive {
    Drive {
        transcript: session.finish(),
        error,
        tls,
        injected,
    }
}

/// The assessment's server entry; when TLS was negotiated, a certificate whose names are
/// the server's own text, so that the renderers meet hostile certificate names too.
fn judged(drive: Drive, policy: TlsPolicy) -> ServerReport {
    let facts = ServerFacts {
        host: "mx.test".into(),
        address: Some([127, 0, 0, 1].into()),
        port: 25,
        policy,
        contact: Contact::Talked(Box::new(Conversation {
            helo: "probe.test".into(),
            connect: Duration::from_micros(100),
            drive,
            elapsed: Duration::from_millis(1),
            client: Some([127, 0, 0, 1].into()),
            fallback: None,
        })),
    };
    let mut server = assess::server(&facts, ExpiryDays { warn: 14, crit: 3 });
    let texts: Vec<String> = server.steps.iter().flat_map(|s| s.lines.clone()).collect();
    let text = |i: usize| texts.get(i).cloned().unwrap_or_default();
    if let Some(t) = server.tls.as_mut().filter(|t| t.mode != TlsMode::None) {
        t.certificates.push(CertificateReport {
            subject: format!("CN={}", text(0)),
            sans: texts.iter().skip(1).take(3).cloned().collect(),
            issuer: format!("CN={}", text(texts.len().saturating_sub(1))),
            serial: "01".into(),
            not_before: "2026-01-01T00:00:00Z".into(),
            not_after: "2027-01-01T00:00:00Z".into(),
            not_before_unix: 1_767_225_600,
            not_after_unix: 1_798_761_600,
            days_left: 200,
            key: KeyReport {
                kind: "EC".into(),
                bits: 256,
                curve: Some("P-256".into()),
            },
            signature_algorithm: "ecdsa-with-SHA256".into(),
            self_issued: false,
            expired: false,
        });
    }
    server
}

fn report(server: ServerReport) -> Report {
    let dns = DnsReport {
        kind: DnsKind::Direct,
        resolver: "none".into(),
        mx: vec![],
        error: None,
        elapsed_ms: 0.0,
    };
    let servers = vec![server];
    let (status, summary) = assess::verdict::verdict(&dns, &servers, false);
    Report {
        schema: SCHEMA,
        tool: "smtpprobe fuzz".into(),
        target: "mx.test".into(),
        status,
        exit_code: status.exit_code(),
        summary,
        dns,
        servers,
        elapsed_ms: 2.0,
        thresholds: vec![],
        policy: None,
    }
}

fn check_renders(report: &Report) {
    for format in [
        OutputFormat::Human,
        OutputFormat::Json,
        OutputFormat::Nagios,
        OutputFormat::Prometheus,
    ] {
        let mut out = Vec::new();
        smtpprobe::output::render(report, format, false, &Thresholds::default(), &mut out)
            .expect("rendering to memory cannot fail");
        let text = String::from_utf8(out).expect("renderers write UTF-8");
        let what = format!("{format:?}");
        assert_clean(&what, &text);
        match format {
            OutputFormat::Json => {
                let parsed = assert_json(&what, &text);
                let original = serde_json::to_value(report).expect("the report serialises");
                assert_eq!(
                    parsed, original,
                    "the JSON does not read back as the report"
                );
            }
            OutputFormat::Nagios => {
                // The first `|` starts perfdata, on the status line or in the long text
                // after it (Monitoring Plugins guidelines): exactly one in the output.
                let first = text.lines().next().unwrap_or("");
                assert_eq!(first.matches('|').count(), 1, "status line: {first}");
                assert_eq!(
                    text.matches('|').count(),
                    1,
                    "a | in the long text:\n{text}"
                );
            }
            OutputFormat::Prometheus => {
                for line in text.lines().filter(|l| !l.starts_with('#')) {
                    assert!(line.starts_with("smtpprobe_"), "{line}");
                    if let Err(e) = check_prometheus_sample(line) {
                        panic!("Prometheus sample {line:?}: {e}");
                    }
                }
            }
            OutputFormat::Human | OutputFormat::Jsonl => {}
        }
    }
    // Colour only adds the palette's own escapes; it must not panic either.
    let mut out = Vec::new();
    let _ = smtpprobe::output::render(
        report,
        OutputFormat::Human,
        true,
        &Thresholds::default(),
        &mut out,
    );
}
