//! Replays recorded and reconstructed transcripts (fixtures/transcripts, fixtures/postfix)
//! through the sans-IO session: every command the session sends must match the `C:` line of
//! the transcript, every `S:` block is fed to the parser at every chunk size with both line
//! endings, and the check outcomes must match the `# expect:` lines. No sockets.

use smtpprobe::assess::checks;
use smtpprobe::smtp::CheckKind;
use smtpprobe::smtp::command::WireArg;
use smtpprobe::smtp::reply::{Limits, Reply, ReplyParser};
use smtpprobe::smtp::session::{Action, Plan, Session, TlsPolicy, Transcript};
use std::path::{Path, PathBuf};
use std::time::Duration;

#[derive(Debug)]
enum Line {
    Client(String),
    Server(String),
}

struct Fixture {
    name: String,
    vrfy: Vec<String>,
    rcpt: Vec<String>,
    expect: Vec<(String, String, String)>,
    lines: Vec<Line>,
}

fn load(path: &Path) -> Fixture {
    let text = std::fs::read_to_string(path).expect("fixture readable");
    let mut f = Fixture {
        name: path.display().to_string(),
        vrfy: vec![],
        rcpt: vec![],
        expect: vec![],
        lines: vec![],
    };
    for raw in text.lines() {
        if let Some(h) = raw.strip_prefix("# ") {
            if let Some(v) = h.strip_prefix("vrfy: ") {
                f.vrfy.push(v.trim().to_owned());
            } else if let Some(v) = h.strip_prefix("rcpt: ") {
                f.rcpt.push(v.trim().to_owned());
            } else if let Some(v) = h.strip_prefix("expect: ") {
                let parts: Vec<&str> = v.split_whitespace().collect();
                assert_eq!(parts.len(), 3, "{}: bad expect line", f.name);
                f.expect.push((
                    parts[0].to_owned(),
                    parts[1].to_owned(),
                    parts[2].to_owned(),
                ));
            }
        } else if let Some(c) = raw.strip_prefix("C: ") {
            f.lines.push(Line::Client(c.to_owned()));
        } else if let Some(s) = raw.strip_prefix("S: ") {
            f.lines.push(Line::Server(s.to_owned()));
        } else if !raw.trim().is_empty() && !raw.starts_with('#') {
            panic!("{}: unexpected line {raw:?} (fixtures are strict)", f.name);
        }
    }
    f
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
        // A reply ends at a line whose fourth character is not '-'.
        if s.as_bytes().get(3) != Some(&b'-') {
            break;
        }
    }
    (bytes, j)
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

fn replay(f: &Fixture, ending: &str) -> Transcript {
    let arg = |s: &str| WireArg::new(s).expect("fixture argument valid");
    let plan = Plan::new(arg("probe.test"))
        .vrfy(f.vrfy.iter().map(|v| arg(v)))
        .rcpt(f.rcpt.iter().map(|v| arg(v)))
        .canary("nx-probe-canary")
        .tls(TlsPolicy::Off);
    let mut session = Session::new(plan);
    let mut i = 0;
    loop {
        match session.next_action() {
            Action::Send(cmd) => match f.lines.get(i) {
                Some(Line::Client(c)) => {
                    assert_eq!(&cmd.to_string(), c, "{}: line {i}", f.name);
                    i += 1;
                }
                other => panic!(
                    "{}: session sent {cmd} but the transcript has {other:?}",
                    f.name
                ),
            },
            Action::Receive => {
                let (bytes, next) = server_block(&f.lines, i, ending);
                assert!(
                    next > i,
                    "{}: session waits for a reply the transcript does not have",
                    f.name
                );
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
            }
            Action::StartTls => panic!("{}: no TLS in replayed transcripts", f.name),
            Action::Close => break,
        }
    }
    assert_eq!(
        i,
        f.lines.len(),
        "{}: transcript has lines the session never reached",
        f.name
    );
    session.finish()
}

#[test]
fn every_fixture_replays_at_every_chunk_size_and_line_ending() {
    for path in fixtures() {
        let f = load(&path);
        for ending in ["\r\n", "\n"] {
            let t = replay(&f, ending);
            assert!(t.completed, "{}: conversation did not complete", f.name);
            assert!(t.quit_ok, "{}: no 221 after QUIT", f.name);
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
