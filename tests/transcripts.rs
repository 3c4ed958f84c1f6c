//! Replays recorded and reconstructed transcripts (fixtures/transcripts, fixtures/postfix)
//! through the sans-IO session: every command the session sends must match the `C:` line of
//! the transcript, a STARTTLS handshake must come exactly where `T: handshake` stands (the
//! replay reports it established), every `S:` block is fed to the parser at every chunk size
//! with both line endings, and the check outcomes must match the `# expect:` lines. The TLS
//! policy is the file's `# tls:` header, else opportunistic with a handshake and off
//! without. No sockets.

use smtpprobe::assess::checks;
use smtpprobe::smtp::CheckKind;
use smtpprobe::smtp::Context;
use smtpprobe::smtp::command::WireArg;
use smtpprobe::smtp::reply::{Limits, Reply, ReplyParser};
use smtpprobe::smtp::session::{Action, Event, Plan, Session, TlsPolicy, Transcript};
use std::path::{Path, PathBuf};
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Line {
    Client(String),
    Server(String),
    /// `T: handshake`: the TLS handshake after a 220 to STARTTLS.
    Handshake,
}

struct Fixture {
    name: String,
    vrfy: Vec<String>,
    rcpt: Vec<String>,
    /// `# tls:`; without it, `Opportunistic` when the transcript has a handshake, else `Off`.
    tls: TlsPolicy,
    expect: Vec<(String, String, String)>,
    lines: Vec<Line>,
}

impl Fixture {
    fn has_handshake(&self) -> bool {
        self.lines.contains(&Line::Handshake)
    }
}

fn load(path: &Path) -> Fixture {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).expect("fixture readable");
    parse(&name, &text).unwrap_or_else(|e| panic!("{name}: {e} (fixtures are strict)"))
}

/// Reads the transcript format of fixtures/README.md; any line it does not know is an error.
fn parse(name: &str, text: &str) -> Result<Fixture, String> {
    let mut f = Fixture {
        name: name.to_owned(),
        vrfy: vec![],
        rcpt: vec![],
        tls: TlsPolicy::Off,
        expect: vec![],
        lines: vec![],
    };
    let mut tls = None;
    for raw in text.lines() {
        if let Some(h) = raw.strip_prefix("# ") {
            let Some((key, value)) = h.split_once(": ") else {
                return Err(format!("header without `key: value`: {raw:?}"));
            };
            let value = value.trim();
            match key {
                "server" | "provenance" => {}
                "vrfy" => f.vrfy.push(value.to_owned()),
                "rcpt" => f.rcpt.push(value.to_owned()),
                "expect" => {
                    let parts: Vec<&str> = value.split_whitespace().collect();
                    let [kind, arg, outcome] = parts[..] else {
                        return Err(format!("bad expect line {raw:?}"));
                    };
                    f.expect
                        .push((kind.to_owned(), arg.to_owned(), outcome.to_owned()));
                }
                "tls" => {
                    let policy = match value {
                        "opportunistic" => TlsPolicy::Opportunistic,
                        "required" => TlsPolicy::Required,
                        "off" => TlsPolicy::Off,
                        v => return Err(format!("unknown tls policy {v:?}")),
                    };
                    if tls.replace(policy).is_some() {
                        return Err("more than one `# tls:` header".to_owned());
                    }
                }
                k => return Err(format!("unknown header {k:?}")),
            }
        } else if let Some(c) = raw.strip_prefix("C: ") {
            f.lines.push(Line::Client(c.to_owned()));
        } else if let Some(s) = raw.strip_prefix("S: ") {
            f.lines.push(Line::Server(s.to_owned()));
        } else if raw == "T: handshake" {
            f.lines.push(Line::Handshake);
        } else if !raw.trim().is_empty() {
            return Err(format!("unexpected line {raw:?}"));
        }
    }
    f.tls = match tls {
        Some(TlsPolicy::Off) if f.has_handshake() => {
            return Err("`T: handshake` with `# tls: off`".to_owned());
        }
        Some(policy) => policy,
        None if f.has_handshake() => TlsPolicy::Opportunistic,
        None => TlsPolicy::Off,
    };
    Ok(f)
}

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut out = vec![];
    for dir in ["transcripts", "postfix"] {
        if let Ok(rd) = std::fs::read_dir(root.join(dir)) {
            for e in rd.flatten() {
                let p = e.path();
                if p.extension().is_some_and(|x| x == "txt") {
                    out.push(p);
                }
            }
        }
    }
    out.sort();
    assert!(out.len() >= 5, "fixtures missing");
    out
}

/// The consecutive S: lines starting at `i`, as wire bytes with the given line ending.
fn server_block(lines: &[Line], i: usize, ending: &str) -> (Vec<u8>, usize) {
    let mut bytes = Vec::new();
    let mut j = i;
    while let Some(Line::Server(s)) = lines.get(j) {
        bytes.extend_from_slice(s.as_bytes());
        bytes.extend_from_slice(ending.as_bytes());
        j += 1;
        if ends_reply(s) {
            break;
        }
    }
    (bytes, j)
}

/// A reply ends at a line whose fourth character is not '-'.
fn ends_reply(line: &str) -> bool {
    line.as_bytes().get(3) != Some(&b'-')
}

fn parse_chunked(bytes: &[u8], chunk: usize) -> Reply {
    let mut p = ReplyParser::new(Limits::default());
    let mut got = None;
    for part in bytes.chunks(chunk) {
        p.feed(part);
        if let Some(r) = p.next_reply().expect("fixture reply parses") {
            assert!(got.is_none(), "one reply per block");
            got = Some(r);
        }
    }
    got.expect("a complete reply")
}

/// Replays `f` under its own TLS policy; panics where the session and the transcript part.
fn replay(f: &Fixture, ending: &str) -> Transcript {
    replay_with(f, ending, f.tls).unwrap_or_else(|e| panic!("{}: {e}", f.name))
}

/// Replays `f` with `policy`; the first point where the session does something other than
/// the transcript says is an error.
fn replay_with(f: &Fixture, ending: &str, policy: TlsPolicy) -> Result<Transcript, String> {
    let arg = |s: &str| WireArg::new(s).expect("fixture argument valid");
    let plan = Plan::new(arg("probe.test"))
        .vrfy(f.vrfy.iter().map(|v| arg(v)))
        .rcpt(f.rcpt.iter().map(|v| arg(v)))
        .canary("nx-probe-canary")
        .tls(policy);
    let mut session = Session::new(plan);
    let mut i = 0;
    let mut tls = false;
    let mut replies = 0;
    loop {
        match session.next_action() {
            Action::Send(cmd) => match f.lines.get(i) {
                Some(Line::Client(c)) if cmd.to_string() == *c => i += 1,
                other => {
                    return Err(format!(
                        "line {i}: session sent {cmd} but the transcript has {other:?}"
                    ));
                }
            },
            // A pipelined group (RFC 2920): its commands stand one after another in the
            // transcript, before their replies.
            Action::Pipeline(cmds) => {
                for cmd in cmds {
                    match f.lines.get(i) {
                        Some(Line::Client(c)) if cmd.to_string() == *c => i += 1,
                        other => {
                            return Err(format!(
                                "line {i}: session pipelined {cmd} but the transcript has {other:?}"
                            ));
                        }
                    }
                }
            }
            Action::Receive => {
                let (bytes, next) = server_block(&f.lines, i, ending);
                if next == i {
                    return Err(format!(
                        "line {i}: session waits for a reply but the transcript has {:?}",
                        f.lines.get(i)
                    ));
                }
                let reference = parse_chunked(&bytes, bytes.len());
                for chunk in 1..bytes.len() {
                    let r = parse_chunked(&bytes, chunk);
                    assert_eq!(
                        r, reference,
                        "{}: chunk size {chunk} changed the reply",
                        f.name
                    );
                }
                session.on_reply(reference, Duration::ZERO);
                i = next;
                replies += 1;
            }
            Action::StartTls => match f.lines.get(i) {
                Some(Line::Handshake) => {
                    session.on_tls_established();
                    tls = true;
                    i += 1;
                }
                other => {
                    return Err(format!(
                        "line {i}: session starts TLS but the transcript has {other:?}"
                    ));
                }
            },
            Action::Close => break,
        }
    }
    if i != f.lines.len() {
        return Err(format!(
            "line {i}: transcript has lines the session never reached: {:?}",
            f.lines.get(i)
        ));
    }
    let t = session.finish();
    assert_eq!(t.steps.len(), replies, "{}: one step per reply", f.name);
    // Every reply after the handshake, and none before, is marked as received over TLS.
    let first_tls = f
        .lines
        .iter()
        .position(|l| *l == Line::Handshake)
        .map_or(replies, |h| {
            f.lines[..h]
                .iter()
                .filter(|l| matches!(l, Line::Server(s) if ends_reply(s)))
                .count()
        });
    for (n, step) in t.steps.iter().enumerate() {
        assert_eq!(
            step.tls,
            n >= first_tls,
            "{}: step {n} ({:?}) tls flag",
            f.name,
            step.context
        );
    }
    assert_eq!(t.tls_active, tls, "{}: tls_active", f.name);
    Ok(t)
}

#[test]
fn every_fixture_replays_at_every_chunk_size_and_line_ending() {
    for path in fixtures() {
        let f = load(&path);
        for ending in ["\r\n", "\n"] {
            let t = replay(&f, ending);
            assert!(t.completed, "{}: conversation did not complete", f.name);
            assert!(t.quit_ok, "{}: no 221 after QUIT", f.name);
            assert_eq!(
                t.capabilities_after_tls.is_some(),
                f.has_handshake(),
                "{}: EHLO again after the handshake",
                f.name
            );
            for (kind, arg, outcome) in &f.expect {
                let kind = match kind.as_str() {
                    "vrfy" => CheckKind::Vrfy,
                    "expn" => CheckKind::Expn,
                    "rcpt" => CheckKind::Rcpt,
                    k => panic!("{}: unknown check kind {k}", f.name),
                };
                let c = t
                    .checks
                    .iter()
                    .find(|c| c.kind == kind && &c.argument == arg)
                    .expect("check present");
                let got = serde_json::to_value(checks::report(c).outcome).expect("serialise");
                assert_eq!(
                    got.as_str(),
                    Some(outcome.as_str()),
                    "{}: outcome for {arg}",
                    f.name
                );
            }
        }
    }
}

#[test]
fn replayed_sessions_never_send_data_or_bdat() {
    for path in fixtures() {
        let f = load(&path);
        for l in &f.lines {
            if let Line::Client(c) = l {
                let up = c.to_ascii_uppercase();
                assert!(
                    !up.starts_with("DATA") && !up.starts_with("BDAT"),
                    "{}: {c}",
                    f.name
                );
            }
        }
    }
}

fn fixture(rel: &str) -> Fixture {
    load(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(rel),
    )
}

fn contexts(t: &Transcript) -> Vec<Context> {
    t.steps.iter().map(|s| s.context).collect()
}

#[test]
fn starttls_recorded_from_postfix_replays_with_the_handshake() {
    let recorded: Vec<Fixture> = fixtures()
        .iter()
        .map(|p| load(p))
        .filter(|f| f.has_handshake() && f.name.contains("/postfix/"))
        .collect();
    assert!(
        !recorded.is_empty(),
        "no recorded Postfix transcript with STARTTLS"
    );
    let f = fixture("postfix/postfix-starttls-vrfy.txt");
    assert_eq!(f.tls, TlsPolicy::Opportunistic);
    for ending in ["\r\n", "\n"] {
        let t = replay(&f, ending);
        use Context::*;
        assert_eq!(
            contexts(&t),
            [Greeting, Ehlo, StartTls, Ehlo, Vrfy, Vrfy, Vrfy, Quit]
        );
        assert_eq!(t.steps[2].reply.code, 220);
        assert!(!t.steps[2].tls && t.steps[3].tls);
        assert!(t.events.is_empty(), "{:?}", t.events);
        let before = t.capabilities.as_ref().expect("EHLO before TLS");
        let after = t.capabilities_after_tls.as_ref().expect("EHLO after TLS");
        assert!(before.starttls() && !after.starttls());
        assert!(
            t.checks
                .iter()
                .all(|c| c.reply.is_some() && c.canary.is_some())
        );
    }
    // The same server with STARTTLS off: the session goes on in plain text at once.
    let e = replay_with(&f, "\r\n", TlsPolicy::Off).expect_err("diverges");
    assert!(
        e.contains("sent VRFY alice") && e.contains("STARTTLS"),
        "{e}"
    );
}

#[test]
fn starttls_refused_with_454_quits_when_required_and_goes_on_when_opportunistic() {
    let required = fixture("transcripts/postfix-starttls-454-required.txt");
    let opportunistic = fixture("transcripts/postfix-starttls-454-opportunistic.txt");
    assert_eq!(required.tls, TlsPolicy::Required);
    assert_eq!(opportunistic.tls, TlsPolicy::Opportunistic);
    use Context::*;

    let t = replay(&required, "\r\n");
    assert_eq!(contexts(&t), [Greeting, Ehlo, StartTls, Quit]);
    assert_eq!(t.events, [Event::StartTlsRefused { code: 454 }]);
    assert!(!t.tls_active && t.completed && t.quit_ok);
    assert_eq!(t.checks.len(), 1);
    assert!(t.checks[0].reply.is_none(), "VRFY never asked");

    let t = replay(&opportunistic, "\r\n");
    assert_eq!(contexts(&t), [Greeting, Ehlo, StartTls, Vrfy, Vrfy, Quit]);
    assert_eq!(t.events, [Event::StartTlsRefused { code: 454 }]);
    assert!(!t.tls_active && t.steps.iter().all(|s| !s.tls));
    assert_eq!(t.checks[0].reply.as_ref().map(|r| r.code), Some(252));

    // Each transcript holds only under its own policy.
    let e = replay_with(&required, "\r\n", TlsPolicy::Opportunistic).expect_err("diverges");
    assert!(e.contains("sent VRFY alice") && e.contains("QUIT"), "{e}");
    let e = replay_with(&opportunistic, "\r\n", TlsPolicy::Required).expect_err("diverges");
    assert!(e.contains("sent QUIT") && e.contains("VRFY alice"), "{e}");
}

#[test]
fn fixture_format_is_strict() {
    let head = "# server: x\n# provenance: y\n";
    let ok = format!("{head}S: 220 hi\nC: EHLO probe.test\n");
    assert_eq!(parse("t", &ok).expect("valid").tls, TlsPolicy::Off);
    let with_tls = format!("{ok}S: 250 STARTTLS\nC: STARTTLS\nS: 220 go\nT: handshake\n");
    assert_eq!(
        parse("t", &with_tls).expect("valid").tls,
        TlsPolicy::Opportunistic,
        "a handshake means opportunistic unless a header says otherwise"
    );
    let required = format!("# tls: required\n{with_tls}");
    assert_eq!(
        parse("t", &required).expect("valid").tls,
        TlsPolicy::Required
    );
    for bad in [
        format!("{ok}T: handshakes\n"),
        format!("{ok}T:handshake\n"),
        format!("{ok}T: \n"),
        format!("{ok}X: what\n"),
        format!("{ok}S:220 no space\n"),
        format!("# tls: maybe\n{ok}"),
        format!("# tls: off\n{with_tls}"),
        format!("# tls: off\n# tls: required\n{ok}"),
        format!("# colour: blue\n{ok}"),
        format!("# a comment\n{ok}"),
        format!("# expect: vrfy alice\n{ok}"),
    ] {
        assert!(parse("t", &bad).is_err(), "accepted {bad:?}");
    }
}
