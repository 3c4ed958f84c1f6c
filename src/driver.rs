//! The one place that does network I/O and keeps time: it drives a [`Session`] over a
//! connection, under a deadline for each reply and one for the whole conversation.
//! A slow, silent or trickling server ends in a [`ProbeError::Timeout`] naming the phase.
//!
//! TLS: on the session's STARTTLS action (RFC 3207) the plain stream is handed to the
//! handshake and replaced by the TLS stream; the reply parser keeps going on the new
//! stream. Bytes received after the 220 and before the handshake are discarded and
//! counted ([`Drive::injected`]). Implicit TLS (RFC 8314) handshakes before the greeting.
//!
//! The driver reports facts — the transcript, the error that ended the conversation, the
//! handshake — and decides no status: that is the assessment's job.

use crate::smtp::Context as ReplyContext;
use crate::smtp::reply::{Limits, ParseError, ReplyParser, Unfinished};
use crate::smtp::session::{Action, Session, TlsPolicy, Transcript};
use crate::tls::{HandshakeRecord, TlsContext};
use crate::vocab::{ErrorKind, Phase, ProbeError};
use crate::vocab::{TlsMode, VerifyReason};
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::TcpStream;
use tokio::time::Instant;
use tokio_rustls::client::TlsStream;

#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    pub connect: Duration,
    pub reply: Duration,
    /// For the whole conversation with one server.
    pub deadline: Duration,
}

/// Opens a TCP connection within the connect timeout. When this machine runs out of what a
/// connection needs (file descriptors, local ports, socket buffers, memory) the error is
/// [`ErrorKind::LocalResource`] and says so: it tells nothing about the server.
pub async fn connect(
    addr: std::net::SocketAddr,
    timeout: Duration,
) -> Result<TcpStream, ProbeError> {
    match tokio::time::timeout(timeout, TcpStream::connect(addr)).await {
        Err(_) => Err(ProbeError::new(
            Phase::Connect,
            ErrorKind::Timeout,
            format!(
                "no TCP connection to {addr} within {:.1} s: a firewall may be dropping packets, or the host is down",
                timeout.as_secs_f64()
            ),
        )),
        Ok(Err(e)) => Err(connect_error(addr, &e)),
        Ok(Ok(s)) => {
            let _ = s.set_nodelay(true);
            Ok(s)
        }
    }
}

/// Why a connection could not be opened, as a fact: whose side failed and a hint.
fn connect_error(addr: std::net::SocketAddr, e: &std::io::Error) -> ProbeError {
    if let Some(cause) = local_shortage(e) {
        return ProbeError::new(
            Phase::Connect,
            ErrorKind::LocalResource,
            format!(
                "cannot connect to {addr}: {e}; {cause}: not the server's fault; lower -j/--concurrency"
            ),
        );
    }
    let (kind, hint) = match e.kind() {
        std::io::ErrorKind::ConnectionRefused => (
            ErrorKind::Refused,
            "nothing listens on that port (is the MTA running, on this port and address?)",
        ),
        std::io::ErrorKind::HostUnreachable | std::io::ErrorKind::NetworkUnreachable => (
            ErrorKind::Unreachable,
            "no route to the host: check addressing and routing (-4/-6)",
        ),
        _ => (ErrorKind::Io, "network error"),
    };
    ProbeError::new(
        Phase::Connect,
        kind,
        format!("cannot connect to {addr}: {e}; {hint}"),
    )
}

/// The errno values of running out of something on this machine, where they differ.
#[cfg(any(target_os = "linux", target_os = "android"))]
const ENOBUFS: i32 = 105;
#[cfg(not(any(target_os = "linux", target_os = "android")))]
const ENOBUFS: i32 = 55;
/// Per process and system-wide file table full: the same numbers on every Unix.
const EMFILE: i32 = 24;
const ENFILE: i32 = 23;

/// What this machine ran out of, when `e` says it ran out of something: our side's
/// exhaustion, never the server's failure.
fn local_shortage(e: &std::io::Error) -> Option<String> {
    if cfg!(unix) {
        match e.raw_os_error() {
            Some(EMFILE) => {
                // Only what was read earlier: no descriptor is left to read it now.
                let limit = OPEN_FILES
                    .get()
                    .copied()
                    .flatten()
                    .map_or_else(String::new, |n| format!(" (ulimit -n {n})"));
                return Some(format!("our side ran out of file descriptors{limit}"));
            }
            Some(ENFILE) => {
                return Some(
                    "this machine's file table is full (system-wide limit, fs.file-max)".into(),
                );
            }
            Some(ENOBUFS) => return Some("our side ran out of socket buffers (ENOBUFS)".into()),
            _ => {}
        }
    }
    match e.kind() {
        std::io::ErrorKind::AddrNotAvailable => Some(
            "our side has no local address or port left to connect from (ephemeral ports exhausted?)"
                .into(),
        ),
        std::io::ErrorKind::OutOfMemory => Some("our side ran out of memory".into()),
        _ => None,
    }
}

static OPEN_FILES: std::sync::OnceLock<Option<u64>> = std::sync::OnceLock::new();

/// The soft limit on open files of this process (`ulimit -n`), where the system tells it
/// (Linux: `/proc/self/limits`). Read once and remembered: call it before connecting (the
/// run's `Env` does), since once the descriptors have run out the file cannot be opened.
pub fn open_files_limit() -> Option<u64> {
    *OPEN_FILES.get_or_init(|| {
        let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
        let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
        line.trim_start_matches("Max open files")
            .split_whitespace()
            .next()?
            .parse()
            .ok()
    })
}

/// What driving a session left: facts for the assessment.
#[derive(Debug, Clone)]
pub struct Drive {
    pub transcript: Transcript,
    /// What stopped the conversation early, if anything did.
    pub error: Option<ProbeError>,
    /// What happened with TLS, when a handshake was attempted.
    pub tls: Option<TlsOutcome>,
    /// Bytes the server sent after its 220 to STARTTLS and before the handshake (RFC 3207
    /// §4.2 / §5: there must be none); they were discarded.
    pub injected: usize,
}

/// Drives the session to its end over a plain `stream`; a STARTTLS the session asks for
/// fails (there is no TLS context). Probes use [`drive_tls`].
pub async fn drive<S: AsyncRead + AsyncWrite + Unpin>(
    stream: &mut S,
    session: Session,
    timeouts: Timeouts,
    started: Instant,
) -> Drive {
    drive_tls(stream, session, timeouts, started, None).await
}

/// How to do TLS on this connection.
#[derive(Debug, Clone, Copy)]
pub struct TlsPlan<'a> {
    pub ctx: &'a TlsContext,
    /// The name from DNS (MX host), the host name, or the IP text of a direct target.
    pub host: &'a str,
    /// Implicit TLS handshakes before the greeting; strict policies fail the handshake on
    /// a certificate that does not verify.
    pub policy: TlsPolicy,
}

/// What the driver learnt about TLS on this connection.
#[derive(Debug, Clone)]
pub struct TlsOutcome {
    /// STARTTLS or implicit.
    pub mode: TlsMode,
    pub handshake: HandshakeRecord,
}

/// The connection: plain text until a STARTTLS upgrade (or implicit TLS) makes it TLS.
enum Conn<IO> {
    Plain(IO),
    Tls(Box<TlsStream<IO>>),
    /// Lent to a handshake that failed.
    Gone,
}

/// A TCP stream that asks the kernel to acknowledge at once whenever a read has to wait
/// (Linux `TCP_QUICKACK`). SMTP is lock-step: when a server writes two small records in a
/// row (a TLS 1.3 NewSessionTicket, then its reply) with Nagle on, the reply waits for our
/// ACK of the first, which delayed ACK holds back ~40 ms, since we have nothing to send.
/// Measured against Postfix: EHLO after STARTTLS took 41 ms in some runs, 0.1 ms in others.
/// Only a read that waits needs it (what arrived is then acknowledged at once, and so is
/// what arrives next); a read that finds data goes on without the system call (measured on
/// the bench-bulk set-up: about 7 setsockopt calls per conversation before, 3-4 after).
/// Nor does the no-wait look for unsolicited bytes before each command ([`ready_now`]):
/// its `Pending` waits for nothing (2 fewer calls per conversation).
pub struct QuickAck<'a>(pub &'a mut TcpStream);

thread_local! {
    /// Set while [`ready_now`] polls: a `Pending` then means "nothing yet", not a wait.
    /// The poll is synchronous, so the flag is seen only by reads of that one poll.
    static NOT_WAITING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

impl AsyncRead for QuickAck<'_> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let read = Pin::new(&mut *self.0).poll_read(cx, buf);
        #[cfg(any(target_os = "linux", target_os = "android"))]
        if read.is_pending() && !NOT_WAITING.get() {
            // Best effort: the flag only speeds things up; a failure changes nothing else.
            let _ = socket2::SockRef::from(&*self.0).set_tcp_quickack(true);
        }
        read
    }
}

impl AsyncWrite for QuickAck<'_> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut *self.0).poll_write(cx, buf)
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut *self.0).poll_flush(cx)
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut *self.0).poll_shutdown(cx)
    }
}

fn gone() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::NotConnected,
        "connection lost in the TLS handshake",
    )
}

impl<IO: AsyncRead + AsyncWrite + Unpin> AsyncRead for Conn<IO> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_read(cx, buf),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_read(cx, buf),
            Conn::Gone => Poll::Ready(Err(gone())),
        }
    }
}

impl<IO: AsyncRead + AsyncWrite + Unpin> AsyncWrite for Conn<IO> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_write(cx, buf),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_write(cx, buf),
            Conn::Gone => Poll::Ready(Err(gone())),
        }
    }
    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_flush(cx),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_flush(cx),
            Conn::Gone => Poll::Ready(Err(gone())),
        }
    }
    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_shutdown(cx),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_shutdown(cx),
            Conn::Gone => Poll::Ready(Ok(())),
        }
    }
}

/// Most bytes read (and judged unsolicited) before one command: a flooding server cannot
/// keep us reading forever.
const UNSOLICITED_READ_LIMIT: usize = 64 * 1024;

/// Reads into `buf` what is readable right now, without waiting; 0 when nothing is (or at
/// end of stream, or on an error, which the next real read reports).
async fn ready_now<IO: AsyncRead + Unpin>(io: &mut IO, buf: &mut [u8]) -> usize {
    std::future::poll_fn(|cx| {
        let mut rb = ReadBuf::new(buf);
        NOT_WAITING.set(true);
        let read = Pin::new(&mut *io).poll_read(cx, &mut rb);
        NOT_WAITING.set(false);
        match read {
            Poll::Ready(Ok(())) => Poll::Ready(rb.filled().len()),
            Poll::Ready(Err(_)) | Poll::Pending => Poll::Ready(0),
        }
    })
    .await
}

/// Bytes that are already readable right now, without waiting: after a 220 to STARTTLS
/// nothing may be there (RFC 3207 §4.2), so this must come back empty.
async fn drain_ready<IO: AsyncRead + Unpin>(io: &mut IO) -> usize {
    let mut total = 0;
    let mut tmp = [0u8; 1024];
    loop {
        let n = ready_now(io, &mut tmp).await;
        if n == 0 || total > 1 << 20 {
            return total;
        }
        total += n;
    }
}

/// The handshake on `conn`, which must be plain; on success `conn` is TLS.
async fn upgrade<IO: AsyncRead + AsyncWrite + Unpin>(
    conn: &mut Conn<IO>,
    tls: &TlsPlan<'_>,
    mode: TlsMode,
    limit: Instant,
) -> HandshakeRecord {
    let Conn::Plain(io) = std::mem::replace(conn, Conn::Gone) else {
        // Never asked twice by the session (STARTTLS after TLS is not sent).
        return HandshakeRecord::not_started(tls.host, "TLS is already active on this connection");
    };
    // Boxed: the handshake's state is large (rustls, the verifier) and most conversations
    // never start one; unboxed, every probe's future would carry room for it.
    let handshake = tls
        .ctx
        .handshake(io, tls.host, mode, tls.policy.is_strict(), limit);
    let (stream, record) = Box::pin(handshake).await;
    if let Some(s) = stream {
        *conn = Conn::Tls(Box::new(s));
    }
    record
}

fn handshake_error(record: &HandshakeRecord) -> Option<ProbeError> {
    record.failure.as_ref().map(|f| {
        ProbeError::new(
            Phase::Tls,
            if f.reason == VerifyReason::Timeout {
                ErrorKind::Timeout
            } else {
                ErrorKind::Tls
            },
            format!("{} ({})", f.message, f.reason),
        )
    })
}

/// One conversation in progress: the connection, the parser and what was learnt so far.
struct Run<'a, IO> {
    conn: Conn<IO>,
    parser: ReplyParser,
    buf: Vec<u8>,
    timeouts: Timeouts,
    deadline: Instant,
    sent_at: Instant,
    tls: Option<TlsPlan<'a>>,
    outcome: Option<TlsOutcome>,
    injected: usize,
}

impl<IO: AsyncRead + AsyncWrite + Unpin> Run<'_, IO> {
    /// A limit for one step: the reply timeout, within the conversation's deadline.
    fn step_limit(&self) -> Instant {
        self.deadline.min(Instant::now() + self.timeouts.reply)
    }

    /// Upgrades the connection and records how it went; the error when the handshake
    /// failed (the session then can go no further on this connection).
    async fn handshake(&mut self, plan: &TlsPlan<'_>, mode: TlsMode) -> Option<ProbeError> {
        let limit = self.step_limit();
        let record = upgrade(&mut self.conn, plan, mode, limit).await;
        let err = handshake_error(&record);
        self.outcome = Some(TlsOutcome {
            mode,
            handshake: record,
        });
        err
    }

    /// Writes one command, or a pipelined group in one write, within the reply timeout.
    async fn send(&mut self, cmds: &[crate::smtp::command::Command]) -> Result<(), ProbeError> {
        let Some(first) = cmds.first() else {
            return Ok(());
        };
        let phase = Phase::Reply(ReplyContext::of(first));
        let verbs: Vec<&str> = cmds.iter().map(|c| c.verb()).collect();
        let verbs = verbs.join("+");
        let wire: Vec<u8> = cmds.iter().flat_map(|c| c.to_wire()).collect();
        self.sent_at = Instant::now();
        let limit = self.deadline.min(self.sent_at + self.timeouts.reply);
        let conn = &mut self.conn;
        let write = async {
            conn.write_all(&wire).await?;
            conn.flush().await
        };
        match tokio::time::timeout_at(limit, write).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(ProbeError::new(
                phase,
                ErrorKind::Io,
                format!("sending {verbs} failed: {e}"),
            )),
            Err(_) => Err(ProbeError::new(
                phase,
                ErrorKind::Timeout,
                format!("the server did not take our {verbs} in time"),
            )),
        }
    }

    /// Reads one reply and hands it to the session; the error that ends the conversation.
    async fn receive(&mut self, session: &mut Session) -> Result<(), Option<ProbeError>> {
        let phase = Phase::from(session.stage());
        let name = phase.error_name();
        let limit = self.step_limit();
        let mut arrived = 0;
        let read = read_reply(
            &mut self.conn,
            &mut self.parser,
            &mut self.buf,
            limit,
            &mut arrived,
        )
        .await;
        // A reset while a reply is awaited is the server closing too, abruptly: Exim's ACL
        // `drop` closes right after its refusal, and our pipelined commands already on the
        // way make the kernel answer them with a reset. The replies read before still count.
        let reset = matches!(&read, Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::ConnectionReset);
        let read = if reset { Ok(None) } else { read };
        let err = match read {
            Ok(Some(reply)) => {
                session.on_reply(reply, self.sent_at.elapsed());
                return Ok(());
            }
            Ok(None) => {
                let cut = self.keep_unfinished(session, true);
                session.on_closed();
                // A close after QUIT is how a conversation ends.
                if phase == Phase::Reply(ReplyContext::Quit) {
                    return Err(None);
                }
                let how = match (cut, reset) {
                    (Some(lines), _) => format!(" mid-reply, after {lines} complete line(s),"),
                    (None, true) => " (a TCP reset)".to_owned(),
                    (None, false) => String::new(),
                };
                ProbeError::new(
                    phase,
                    ErrorKind::Closed,
                    format!(
                        "the server closed the connection{how} while we waited for the {name} reply"
                    ),
                )
            }
            Err(ReadError::Timeout) => {
                let unfinished = self.parser.unfinished(false);
                self.keep_unfinished(session, false);
                ProbeError::new(
                    phase,
                    ErrorKind::Timeout,
                    self.timeout_message(name, unfinished.as_ref(), arrived),
                )
            }
            Err(ReadError::Io(e)) => ProbeError::new(
                phase,
                ErrorKind::Io,
                format!("reading the {name} reply failed: {e}"),
            ),
            Err(ReadError::Parse(e)) => ProbeError::new(phase, ErrorKind::Protocol, e.to_string()),
        };
        Err(Some(err))
    }

    /// Hands what arrived of an unfinished reply to the session; the number of complete
    /// lines, when anything had arrived.
    fn keep_unfinished(&self, session: &mut Session, closed: bool) -> Option<usize> {
        let u = self.parser.unfinished(closed)?;
        if let Some(reply) = u.reply {
            session.on_truncated(reply, self.sent_at.elapsed());
        }
        Some(u.lines)
    }

    /// Why no reply came in time, from what did arrive: nothing (silent), a line that never
    /// ended (no line end, or CR without LF), or a trickle.
    fn timeout_message(&self, name: &str, u: Option<&Unfinished>, arrived: usize) -> String {
        let which = if Instant::now() >= self.deadline {
            format!(
                "the whole conversation exceeded --deadline {} s",
                self.timeouts.deadline.as_secs_f64()
            )
        } else {
            format!(
                "no complete reply within --timeout {} s",
                self.timeouts.reply.as_secs_f64()
            )
        };
        let waited = self.sent_at.elapsed().as_secs_f64();
        match u {
            None => format!(
                "{which} while waiting for the {name} reply: the server is slow, silent or tarpitting"
            ),
            Some(u) if u.bare_cr => format!(
                "{which} while waiting for the {name} reply: the server ends its lines with CR without LF (RFC 5321 §2.3.8 requires CRLF), so the reply never ends; {arrived} byte(s) arrived"
            ),
            Some(u) if u.lines == 0 && u.partial_bytes >= 1024 => format!(
                "{which} while waiting for the {name} reply: no line end after {} byte(s)",
                u.partial_bytes
            ),
            Some(u) => format!(
                "{which} while waiting for the {name} reply: {arrived} byte(s) arrived in {waited:.1} s ({} complete line(s)) without completing the reply: the server is trickling or stopped mid-reply",
                u.lines
            ),
        }
    }

    /// The session accepted STARTTLS with 220: drop whatever arrived in plain text since
    /// (RFC 3207 §4.2 / §5: nothing the server sent before the handshake may be carried into
    /// TLS), then hand the connection to the handshake.
    async fn starttls(&mut self, session: &mut Session) -> Result<(), ProbeError> {
        let Some(plan) = self.tls else {
            session.on_tls_failed();
            return Err(ProbeError::new(
                Phase::Tls,
                ErrorKind::Tls,
                "STARTTLS was accepted but this run has no TLS configuration",
            ));
        };
        if self.parser.has_buffered() {
            self.injected += self.parser.discard_buffered();
        }
        if let Conn::Plain(io) = &mut self.conn {
            self.injected += drain_ready(io).await;
        }
        if let Some(err) = self.handshake(&plan, TlsMode::StartTls).await {
            session.on_tls_failed();
            return Err(err);
        }
        session.on_tls_established();
        Ok(())
    }

    /// Before a command: whatever the server already sent answers nothing (a reply can only
    /// answer a command already sent). Complete replies go to the session as unsolicited;
    /// a partial one is discarded and counted, so it can never be glued to the next reply.
    async fn unsolicited(&mut self, session: &mut Session) {
        let mut waiting = 0;
        while waiting < UNSOLICITED_READ_LIMIT {
            let n = ready_now(&mut self.conn, &mut self.buf).await;
            if n == 0 {
                break;
            }
            self.parser.feed(&self.buf[..n]);
            waiting += n;
        }
        // A parse error is kept by the parser and reported by the next read.
        while let Ok(Some(reply)) = self.parser.next_reply() {
            session.on_unsolicited(reply, self.sent_at.elapsed());
        }
        if self.parser.has_buffered() {
            session.on_unsolicited_bytes(self.parser.discard_buffered());
        }
    }

    /// close_notify on TLS, so the server logs a clean end rather than a truncation.
    async fn close(&mut self) {
        if matches!(self.conn, Conn::Tls(_)) {
            let _ = tokio::time::timeout(
                Duration::from_millis(200).min(self.timeouts.reply),
                self.conn.shutdown(),
            )
            .await;
        }
    }

    fn finish(self, session: Session, error: Option<ProbeError>) -> Drive {
        Drive {
            transcript: session.finish(),
            error,
            tls: self.outcome,
            injected: self.injected,
        }
    }
}

/// Drives the session to its end over `io`, upgrading to TLS when the session asks for it
/// (STARTTLS, RFC 3207) or from the start (implicit TLS, RFC 8314). `timeouts.deadline`
/// counts from `started`, when the conversation began: before connecting, so that the
/// connect is inside it. The greeting is timed from now.
pub async fn drive_tls<IO: AsyncRead + AsyncWrite + Unpin>(
    io: IO,
    mut session: Session,
    timeouts: Timeouts,
    started: Instant,
    tls: Option<TlsPlan<'_>>,
) -> Drive {
    let mut run = Run {
        conn: Conn::Plain(io),
        parser: ReplyParser::new(Limits::default()),
        buf: vec![0u8; 4096],
        timeouts,
        deadline: started + timeouts.deadline,
        sent_at: Instant::now(),
        tls,
        outcome: None,
        injected: 0,
    };
    if let Some(plan) = tls.filter(|p| p.policy.is_implicit()) {
        if let Some(err) = run.handshake(&plan, TlsMode::Implicit).await {
            session.on_tls_failed();
            return run.finish(session, Some(err));
        }
        // Time the greeting from the end of the handshake.
        run.sent_at = Instant::now();
    }
    loop {
        if session.will_send() {
            run.unsolicited(&mut session).await;
        }
        let step = match session.next_action() {
            Action::Close => {
                run.close().await;
                return run.finish(session, None);
            }
            Action::Send(cmd) => run.send(std::slice::from_ref(&cmd)).await.map_err(Some),
            Action::Pipeline(cmds) => run.send(&cmds).await.map_err(Some),
            Action::Receive => run.receive(&mut session).await,
            Action::StartTls => run.starttls(&mut session).await.map_err(Some),
        };
        if let Err(error) = step {
            // The courtesy QUIT met a reset or a broken pipe: the server had already gone
            // (Exim drops the connection right after refusing the greeting, and whether our
            // QUIT beats its close is a race). The conversation is over as after a close.
            if let Some(e) = &error
                && e.phase == Phase::Reply(ReplyContext::Quit)
                && e.kind == ErrorKind::Io
            {
                session.on_closed();
                return run.finish(session, None);
            }
            return run.finish(session, error);
        }
    }
}

enum ReadError {
    Timeout,
    Io(std::io::Error),
    Parse(ParseError),
}

/// Reads until one complete reply is parsed; `Ok(None)` on EOF. `arrived` counts the bytes
/// read.
async fn read_reply<S: AsyncRead + Unpin>(
    stream: &mut S,
    parser: &mut ReplyParser,
    buf: &mut [u8],
    limit: Instant,
    arrived: &mut usize,
) -> Result<Option<crate::smtp::reply::Reply>, ReadError> {
    loop {
        if let Some(r) = parser.next_reply().map_err(ReadError::Parse)? {
            return Ok(Some(r));
        }
        let n = match tokio::time::timeout_at(limit, stream.read(buf)).await {
            Err(_) => return Err(ReadError::Timeout),
            Ok(Err(e)) => return Err(ReadError::Io(e)),
            Ok(Ok(n)) => n,
        };
        if n == 0 {
            return Ok(None);
        }
        *arrived += n;
        parser.feed(&buf[..n]);
    }
}
