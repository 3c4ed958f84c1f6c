//! Splitting the server's bytes differently never changes what the probe learns.
//!
//! Every transcript in fixtures/ (and a few generated hostile conversations) is played by an
//! in-memory server over `tokio::io::duplex` against the real driver
//! ([`smtpprobe::driver::drive`], or `drive_tls` with a real TLS handshake where a fixture
//! says `T: handshake`). The server writes each reply split at random points (chunks of
//! 1..=max bytes, flushed, usually with a `yield_now` between them so that the client
//! really reads partial replies). The facts of every run — each step's command, context,
//! code, enhanced code, lines, anomalies and TLS/canary flags; the events; the checks with
//! their arguments, replies and canaries; completed / quit_ok / tls_active / unanswered;
//! the error that ended the conversation; the handshake; the injected-byte count — must be
//! identical to the run where every reply arrives in one write. Seeded (xorshift, like
//! tests/hostile.rs): a failure names the seed and the chunk sizes. Paused time: a reply
//! that never completes times out at once instead of after real seconds.

use smtpprobe::driver::{Drive, Timeouts, TlsPlan, drive, drive_tls};
use smtpprobe::smtp::command::WireArg;
use smtpprobe::smtp::session::{Plan, Session, TlsPolicy};
use smtpprobe::tls::{TlsContext, TlsSettings};
use std::path::Path;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context as TaskContext, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, ReadBuf};

/// A small deterministic generator (no extra crate): xorshift.
#[derive(Clone)]
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

// ------------------------------------------------------------------ conversations

/// What the in-memory server does, in order.
#[derive(Debug, Clone)]
enum Item {
    /// Write this reply (one complete reply, or deliberately broken bytes).
    Reply(Vec<u8>),
    /// Read one command line; when given, it must be this one.
    Command(Option<String>),
    /// Accept a TLS handshake and go on over TLS.
    Handshake,
}

struct Conversation {
    name: String,
    vrfy: Vec<String>,
    expn: Vec<String>,
    rcpt: Vec<String>,
    tls: TlsPolicy,
    script: Vec<Item>,
    /// From a fixture: the server checks every command and the conversation must complete.
    strict: bool,
}

/// A transcript of fixtures/ (format: fixtures/README.md; tests/transcripts.rs is the strict
/// reader and fails on anything unknown, so this one only takes what it needs).
fn from_fixture(path: &Path, ending: &str) -> Conversation {
    let text = std::fs::read_to_string(path).expect("fixture readable");
    let mut c = Conversation {
        name: format!("{} ({ending:?})", path.display()),
        vrfy: vec![],
        expn: vec![],
        rcpt: vec![],
        tls: TlsPolicy::Off,
        script: vec![],
        strict: true,
    };
    let mut policy = None;
    let mut reply = Vec::new();
    for raw in text.lines() {
        if let Some(s) = raw.strip_prefix("S: ") {
            reply.extend_from_slice(s.as_bytes());
            reply.extend_from_slice(ending.as_bytes());
            // A reply ends at a line whose fourth character is not '-'.
            if s.as_bytes().get(3) != Some(&b'-') {
                c.script.push(Item::Reply(std::mem::take(&mut reply)));
            }
            continue;
        }
        assert!(reply.is_empty(), "{}: unfinished reply", c.name);
        if let Some(cmd) = raw.strip_prefix("C: ") {
            c.script.push(Item::Command(Some(cmd.to_owned())));
        } else if raw == "T: handshake" {
            c.script.push(Item::Handshake);
        } else if let Some(v) = raw.strip_prefix("# vrfy: ") {
            c.vrfy.push(v.trim().to_owned());
        } else if let Some(v) = raw.strip_prefix("# rcpt: ") {
            c.rcpt.push(v.trim().to_owned());
        } else if let Some(v) = raw.strip_prefix("# tls: ") {
            policy = Some(match v.trim() {
                "opportunistic" => TlsPolicy::Opportunistic,
                "required" => TlsPolicy::Required,
                "off" => TlsPolicy::Off,
                p => panic!("{}: tls policy {p:?}", c.name),
            });
        }
    }
    assert!(reply.is_empty(), "{}: unfinished reply", c.name);
    let handshake = c.script.iter().any(|i| matches!(i, Item::Handshake));
    c.tls = policy.unwrap_or(if handshake {
        TlsPolicy::Opportunistic
    } else {
        TlsPolicy::Off
    });
    c
}

fn fixture_paths() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut out = vec![];
    for dir in ["transcripts", "postfix"] {
        for e in std::fs::read_dir(root.join(dir))
            .expect("fixture dir")
            .flatten()
        {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "txt") {
                out.push(p);
            }
        }
    }
    out.sort();
    assert!(out.len() >= 15, "fixtures missing");
    out
}

/// One reply line the generator may produce: the hostile cases the parser must read the
/// same whatever the split (CR and LF apart, a UTF-8 sequence cut in two, a line over the
/// length limit, a code that changes mid-reply, text without a code).
fn generated_line(rng: &mut Rng, code: &str, last: bool) -> Vec<u8> {
    let mut l = code.as_bytes().to_vec();
    l.push(match (last, rng.below(40)) {
        (true, 0) => b'x', // neither space nor hyphen: BadSeparator, and the reply ends
        (true, _) => b' ',
        (false, _) => b'-',
    });
    let text: &[u8] = match rng.below(10) {
        0 => b"2.1.5 Ok",
        1 => b"5.1.1 <nx@example.test>: Recipient address rejected",
        2 => "caf\u{e9} \u{2713} non-ASCII UTF-8".as_bytes(),
        3 => b"\xff\xfe not UTF-8",
        4 => b"\x1b[31m control bytes \x00",
        5 => b"4.7.0 Try again later",
        _ => b"plain text",
    };
    l.extend_from_slice(text);
    if rng.below(100) == 0 {
        // Over the 4096-byte line limit: truncated, with a LongLine anomaly.
        l.extend(std::iter::repeat_n(b'x', 4090 + rng.below(20)));
    }
    l.extend_from_slice(if rng.below(6) == 0 { b"\n" } else { b"\r\n" });
    l
}

fn generated_reply(rng: &mut Rng, first: bool) -> Vec<u8> {
    // Mostly what a server that goes along says, so that conversations get to the checks;
    // sometimes a code that ends or derails them.
    const USUAL: &[&str] = &["250", "250", "252", "550", "251", "502", "501", "553"];
    const ODD: &[&str] = &["421", "221", "450", "500", "530", "554", "199", "999"];
    let code = match rng.below(8) {
        _ if first && rng.below(6) != 0 => "220",
        0 => ODD[rng.below(ODD.len())],
        _ => USUAL[rng.below(USUAL.len())],
    };
    let mut out = Vec::new();
    let lines = 1 + rng.below(4);
    for i in 0..lines {
        let c = match rng.below(20) {
            0 => "251", // a code that changes mid-reply
            1 if i > 0 => "",
            _ => code,
        };
        out.extend(generated_line(rng, c, i + 1 == lines));
    }
    match rng.below(60) {
        // Text without any code: the parser gives up (NotSmtp).
        0 => b"no code at all\r\n".to_vec(),
        // More lines than the parser allows in one reply.
        1 => {
            let mut v = b"250-x\r\n".repeat(300);
            v.extend_from_slice(b"250 x\r\n");
            v
        }
        // A reply cut short: the client waits for the rest, then times out or sees EOF.
        2 => out[..out.len() / 2].to_vec(),
        _ => out,
    }
}

/// A hostile server's conversation: a greeting, then one reply to each command whatever it
/// is; after the last reply it hangs up.
///
/// Never an extra reply nobody asked for: whether such a reply is already waiting when the
/// probe sends its next command (then it is unsolicited, and recorded as such) or arrives
/// just after it depends on timing, not only on how the bytes are split, so the facts may
/// rightly differ. tests/session_truth.rs covers unsolicited replies.
fn generated(seed: u64) -> Conversation {
    let mut rng = Rng(seed | 1);
    let mut script = vec![Item::Reply(generated_reply(&mut rng, true))];
    for _ in 0..4 + rng.below(12) {
        script.push(Item::Command(None));
        script.push(Item::Reply(generated_reply(&mut rng, false)));
    }
    Conversation {
        name: format!("generated conversation {seed:#x}"),
        vrfy: vec!["alice".into(), "bob@example.test".into()],
        expn: vec!["staff".into()],
        rcpt: vec!["carol@example.test".into()],
        tls: TlsPolicy::Off,
        script,
        strict: false,
    }
}

// ------------------------------------------------------------------ the server

/// How the server cuts each reply: whole, or in random chunks of 1..=max bytes.
struct Split {
    rng: Option<Rng>,
    max: usize,
    /// Yield after every chunk (otherwise after most, so that chunks sometimes merge).
    always_yield: bool,
    /// The sizes written, in order, to name a failure.
    sizes: Vec<usize>,
}

impl Split {
    fn whole() -> Split {
        Split {
            rng: None,
            max: usize::MAX,
            always_yield: true,
            sizes: vec![],
        }
    }

    fn random(seed: u64, max: usize) -> Split {
        Split {
            rng: Some(Rng(seed | 1)),
            max,
            always_yield: false,
            sizes: vec![],
        }
    }

    /// Every byte on its own, each read by the client before the next is written.
    fn bytewise() -> Split {
        Split {
            always_yield: true,
            ..Split::random(1, 1)
        }
    }

    /// Writes `bytes` in chunks, flushing each; between chunks the server usually yields so
    /// that the client reads what has arrived before the rest comes.
    async fn write<W: AsyncWrite + Unpin>(&mut self, w: &mut W, bytes: &[u8]) -> bool {
        let mut rest = bytes;
        while !rest.is_empty() {
            let (n, pause) = match &mut self.rng {
                None => (rest.len(), true),
                Some(r) => (1 + r.below(self.max), self.always_yield || r.below(8) != 0),
            };
            let n = n.min(rest.len());
            if w.write_all(&rest[..n]).await.is_err() || w.flush().await.is_err() {
                return false;
            }
            self.sizes.push(n);
            rest = &rest[n..];
            if pause {
                tokio::task::yield_now().await;
            }
        }
        true
    }
}

/// One command line, read byte by byte so that nothing is read ahead of a handshake.
async fn read_line<R: AsyncRead + Unpin>(r: &mut R) -> Option<String> {
    let mut line = Vec::new();
    let mut b = [0u8; 1];
    loop {
        match r.read(&mut b).await {
            Ok(1) if b[0] == b'\n' => {
                return Some(String::from_utf8_lossy(&line).trim_end().to_owned());
            }
            Ok(1) => line.push(b[0]),
            _ => return None,
        }
    }
}

enum Stop {
    Handshake,
    End,
}

/// What the server saw: the commands received, and where a fixture was not followed.
#[derive(Default)]
struct ServerLog {
    commands: Vec<String>,
    failure: Option<String>,
    bytes: usize,
}

/// Plays the script from `pos` until a handshake or its end.
async fn play<S: AsyncRead + AsyncWrite + Unpin>(
    io: &mut S,
    c: &Conversation,
    pos: &mut usize,
    split: &mut Split,
    log: &mut ServerLog,
) -> Stop {
    while let Some(item) = c.script.get(*pos) {
        *pos += 1;
        match item {
            Item::Reply(bytes) => {
                if !split.write(io, bytes).await {
                    if c.strict {
                        log.failure = Some(format!("client gone before reply {}", *pos - 1));
                    }
                    return Stop::End;
                }
                log.bytes += bytes.len();
            }
            Item::Command(expected) => {
                let Some(line) = read_line(io).await else {
                    if c.strict {
                        log.failure = Some(format!("client gone, expected {expected:?}"));
                    }
                    return Stop::End;
                };
                if let Some(e) = expected
                    && *e != line
                {
                    log.failure = Some(format!("expected {e:?}, received {line:?}"));
                    return Stop::End;
                }
                log.commands.push(line);
            }
            Item::Handshake => return Stop::Handshake,
        }
    }
    Stop::End
}

/// The end of the script: stop writing, then take whatever the client still sends until it
/// goes away (so that its writes never fail because the server vanished first).
async fn hang_up<S: AsyncRead + AsyncWrite + Unpin>(
    io: &mut S,
    c: &Conversation,
    log: &mut ServerLog,
) {
    let _ = io.shutdown().await;
    while let Some(line) = read_line(io).await {
        if c.strict && log.failure.is_none() {
            log.failure = Some(format!("command after the transcript ended: {line:?}"));
        }
        log.commands.push(line);
    }
}

async fn serve(
    mut io: tokio::io::DuplexStream,
    c: Arc<Conversation>,
    mut split: Split,
    acceptor: tokio_rustls::TlsAcceptor,
) -> (ServerLog, Vec<usize>) {
    let mut log = ServerLog::default();
    let mut pos = 0;
    match play(&mut io, &c, &mut pos, &mut split, &mut log).await {
        Stop::End => hang_up(&mut io, &c, &mut log).await,
        Stop::Handshake => match acceptor.accept(io).await {
            Ok(mut tls) => {
                if let Stop::Handshake = play(&mut tls, &c, &mut pos, &mut split, &mut log).await {
                    log.failure = Some("a second handshake".into());
                }
                hang_up(&mut tls, &c, &mut log).await;
            }
            Err(e) => log.failure = Some(format!("handshake failed: {e}")),
        },
    }
    (log, split.sizes)
}

fn acceptor() -> tokio_rustls::TlsAcceptor {
    let key = rcgen::generate_simple_self_signed(vec!["mx.test".to_owned()]).expect("test cert");
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let cfg = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("versions")
        .with_no_client_auth()
        .with_single_cert(
            vec![key.cert.der().clone()],
            rustls::pki_types::PrivateKeyDer::Pkcs8(key.signing_key.serialize_der().into()),
        )
        .expect("server cert");
    tokio_rustls::TlsAcceptor::from(Arc::new(cfg))
}

// ------------------------------------------------------------------ the client

/// The client's end of the stream, counting the reads that returned data.
struct Counted<S> {
    inner: S,
    reads: usize,
}

impl<S: AsyncRead + Unpin> AsyncRead for Counted<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut TaskContext<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let r = Pin::new(&mut self.inner).poll_read(cx, buf);
        if matches!(r, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.reads += 1;
        }
        r
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Counted<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut TaskContext<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }
    fn poll_shutdown(
        mut self: Pin<&mut Self>,
        cx: &mut TaskContext<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// Everything a run learnt that must not depend on how the bytes were split (no timings).
#[derive(Debug, PartialEq)]
struct Facts {
    steps: Vec<String>,
    events: Vec<String>,
    checks: Vec<String>,
    capabilities: String,
    completed: bool,
    quit_ok: bool,
    tls_active: bool,
    unanswered: Option<String>,
    error: Option<String>,
    tls: Option<String>,
    injected: usize,
}

fn facts(d: &Drive) -> Facts {
    let t = &d.transcript;
    Facts {
        steps: t
            .steps
            .iter()
            .map(|s| {
                format!(
                    "{:?} {:?} code={} enhanced={:?} lines={:?} anomalies={:?} tls={} canary={}",
                    s.command.as_ref().map(ToString::to_string),
                    s.context,
                    s.reply.code,
                    s.reply.enhanced.map(|e| e.to_string()),
                    s.reply.lines,
                    s.reply.anomalies,
                    s.tls,
                    s.canary
                )
            })
            .collect(),
        events: t.events.iter().map(|e| format!("{e:?}")).collect(),
        checks: t.checks.iter().map(|c| format!("{c:?}")).collect(),
        capabilities: format!("{:?} / {:?}", t.capabilities, t.capabilities_after_tls),
        completed: t.completed,
        quit_ok: t.quit_ok,
        tls_active: t.tls_active,
        unanswered: t.unanswered.as_ref().map(ToString::to_string),
        error: d
            .error
            .as_ref()
            .map(|e| format!("{:?} {:?} {}", e.phase, e.kind, e.message)),
        tls: d.tls.as_ref().map(|o| {
            let h = &o.handshake;
            format!(
                "{} {:?} {:?} {:?} failure={:?}",
                o.mode, h.version, h.cipher, h.verdict, h.failure
            )
        }),
        injected: d.injected,
    }
}

struct Run {
    facts: Facts,
    server: ServerLog,
    sizes: Vec<usize>,
    reads: usize,
}

async fn run(
    c: &Arc<Conversation>,
    split: Split,
    tls: &TlsContext,
    acc: &tokio_rustls::TlsAcceptor,
) -> Run {
    let (client, server) = tokio::io::duplex(1 << 16);
    let task = tokio::spawn(serve(server, c.clone(), split, acc.clone()));
    let arg = |s: &str| WireArg::new(s).expect("valid test argument");
    let plan = Plan::new(arg("probe.test"))
        .vrfy(c.vrfy.iter().map(|s| arg(s)))
        .expn(c.expn.iter().map(|s| arg(s)))
        .rcpt(c.rcpt.iter().map(|s| arg(s)))
        .canary("nx-probe-canary")
        .tls(c.tls);
    let timeouts = Timeouts {
        connect: Duration::from_secs(1),
        reply: Duration::from_millis(200),
        deadline: Duration::from_secs(5),
    };
    let mut client = Counted {
        inner: client,
        reads: 0,
    };
    let started = tokio::time::Instant::now();
    let handshake = c.script.iter().any(|i| matches!(i, Item::Handshake));
    let d = if handshake {
        let plan_tls = TlsPlan {
            ctx: tls,
            host: "mx.test",
            policy: c.tls,
        };
        drive_tls(
            &mut client,
            Session::new(plan),
            timeouts,
            started,
            Some(plan_tls),
        )
        .await
    } else {
        drive(&mut client, Session::new(plan), timeouts, started).await
    };
    let reads = client.reads;
    drop(client);
    let (server, sizes) = task.await.expect("server task");
    Run {
        facts: facts(&d),
        server,
        sizes,
        reads,
    }
}

/// Plays `c` once whole, once a byte at a time and then split in `rounds` random ways;
/// every run must learn the same facts. Returns the facts.
async fn same_facts_however_split(
    c: Conversation,
    seed: u64,
    rounds: usize,
    tls: &TlsContext,
    acc: &tokio_rustls::TlsAcceptor,
) -> Facts {
    let c = Arc::new(c);
    let base = run(&c, Split::whole(), tls, acc).await;
    if c.strict {
        assert_eq!(
            base.server.failure, None,
            "{}: transcript not followed",
            c.name
        );
        assert!(
            base.facts.completed && base.facts.quit_ok,
            "{}: {:#?}",
            c.name,
            base.facts
        );
        assert_eq!(base.facts.error, None, "{}", c.name);
    }
    let mut rng = Rng(seed | 1);
    for round in 0..=rounds {
        let (split_seed, max) = match round {
            0 => (0, 1),
            _ => (rng.next(), [1, 2, 3, 5, 8, 16, 64][rng.below(7)]),
        };
        let split = match round {
            0 => Split::bytewise(),
            _ => Split::random(split_seed, max),
        };
        let r = run(&c, split, tls, acc).await;
        assert_eq!(
            r.facts, base.facts,
            "{}: split with seed {split_seed:#x} (max {max}) changed the facts; chunk sizes {:?}",
            c.name, r.sizes
        );
        assert_eq!(
            r.server.commands, base.server.commands,
            "{}: commands",
            c.name
        );
        assert_eq!(r.server.failure, base.server.failure, "{}", c.name);
        if c.strict && round == 0 && !c.script.iter().any(|i| matches!(i, Item::Handshake)) {
            // The client really saw the replies a byte at a time.
            assert_eq!(
                r.reads, r.server.bytes,
                "{}: reads of one byte each",
                c.name
            );
        }
    }
    base.facts
}

fn tls_context() -> TlsContext {
    TlsContext::new(TlsSettings {
        insecure: true,
        ..TlsSettings::default()
    })
}

#[tokio::test(start_paused = true)]
async fn fixtures_give_the_same_facts_however_the_replies_are_split() {
    let (tls, acc) = (tls_context(), acceptor());
    let mut conversations = 0;
    let mut handshakes = 0;
    for (n, path) in fixture_paths().iter().enumerate() {
        for ending in ["\r\n", "\n"] {
            let c = from_fixture(path, ending);
            let handshake = c.script.iter().any(|i| matches!(i, Item::Handshake));
            handshakes += usize::from(handshake);
            let f = same_facts_however_split(c, 0x5eed_0000 + n as u64, 12, &tls, &acc).await;
            assert!(f.completed && f.quit_ok);
            // Where the transcript has a handshake, the rest really went over TLS.
            assert_eq!(f.tls_active, handshake, "{}", path.display());
            assert_eq!(
                f.tls
                    .as_ref()
                    .map(|t| t.starts_with("starttls") && t.ends_with("failure=None")),
                handshake.then_some(true),
                "{}: {:?}",
                path.display(),
                f.tls
            );
            conversations += 1;
        }
    }
    assert!(handshakes > 0, "no fixture with a TLS handshake");
    assert!(conversations >= 30, "{conversations} conversations");
}

#[tokio::test(start_paused = true)]
async fn generated_conversations_give_the_same_facts_however_split() {
    let (tls, acc) = (tls_context(), acceptor());
    let mut rng = Rng(0x0c0f_fee0_d15e_a5e5);
    let mut errors = 0;
    for _ in 0..50 {
        let seed = rng.next();
        let f =
            same_facts_however_split(generated(seed), seed.rotate_left(17), 8, &tls, &acc).await;
        errors += usize::from(f.error.is_some());
    }
    // The generator reaches the ends that matter: parse errors, timeouts, early closes.
    assert!(errors > 5, "only {errors} conversations ended in an error");
}
