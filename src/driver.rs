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
use crate::smtp::reply::{Limits, ParseError, ReplyParser};
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

/// Opens a TCP connection within the connect timeout.
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
        Ok(Err(e)) => {
            let kind = match e.kind() {
                std::io::ErrorKind::ConnectionRefused => ErrorKind::Refused,
                std::io::ErrorKind::HostUnreachable | std::io::ErrorKind::NetworkUnreachable => {
                    ErrorKind::Unreachable
                }
                _ => ErrorKind::Io,
            };
            let hint = match kind {
                ErrorKind::Refused => {
                    "nothing listens on that port (is the MTA running, on this port and address?)"
                }
                ErrorKind::Unreachable => {
                    "no route to the host: check addressing and routing (-4/-6)"
                }
                _ => "network error",
            };
            Err(ProbeError::new(
                Phase::Connect,
                kind,
                format!("cannot connect to {addr}: {e}; {hint}"),
            ))
        }
        Ok(Ok(s)) => {
            let _ = s.set_nodelay(true);
            Ok(s)
        }
    }
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

/// A TCP stream that asks the kernel to acknowledge at once before every read (Linux
/// `TCP_QUICKACK`). SMTP is lock-step: when a server writes two small records in a row (a
/// TLS 1.3 NewSessionTicket, then its reply) with Nagle on, the reply waits for our ACK of
/// the first, which delayed ACK holds back ~40 ms, since we have nothing to send. Measured
/// against Postfix: EHLO after STARTTLS took 41 ms in some runs, 0.1 ms in others.
pub struct QuickAck<'a>(pub &'a mut TcpStream);

impl AsyncRead for QuickAck<'_> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        #[cfg(any(target_os = "linux", target_os = "android"))]
        {
            // Best effort: the flag only speeds things up; a failure changes nothing else.
            let _ = socket2::SockRef::from(&*self.0).set_tcp_quickack(true);
        }
        Pin::new(&mut *self.0).poll_read(cx, buf)
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

/// Bytes that are already readable right now, without waiting: after a 220 to STARTTLS
/// nothing may be there (RFC 3207 §4.2), so this must come back empty.
async fn drain_ready<IO: AsyncRead + Unpin>(io: &mut IO) -> usize {
    let mut total = 0;
    let mut tmp = [0u8; 1024];
    loop {
        let n = std::future::poll_fn(|cx| {
            let mut rb = ReadBuf::new(&mut tmp);
            match Pin::new(&mut *io).poll_read(cx, &mut rb) {
                Poll::Ready(Ok(())) => Poll::Ready(rb.filled().len()),
                Poll::Ready(Err(_)) | Poll::Pending => Poll::Ready(0),
            }
        })
        .await;
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
    let (stream, record) = tls
        .ctx
        .handshake(io, tls.host, mode, tls.policy.is_strict(), limit)
        .await;
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

    /// Writes one command within the reply timeout.
    async fn send(&mut self, cmd: &crate::smtp::command::Command) -> Result<(), ProbeError> {
        let phase = Phase::Reply(ReplyContext::of(cmd));
        self.sent_at = Instant::now();
        let limit = self.deadline.min(self.sent_at + self.timeouts.reply);
        let conn = &mut self.conn;
        let write = async {
            conn.write_all(&cmd.to_wire()).await?;
            conn.flush().await
        };
        match tokio::time::timeout_at(limit, write).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(ProbeError::new(
                phase,
                ErrorKind::Io,
                format!("sending {} failed: {e}", cmd.verb()),
            )),
            Err(_) => Err(ProbeError::new(
                phase,
                ErrorKind::Timeout,
                format!("the server did not take our {} in time", cmd.verb()),
            )),
        }
    }

    /// Reads one reply and hands it to the session; the error that ends the conversation.
    async fn receive(&mut self, session: &mut Session) -> Result<(), Option<ProbeError>> {
        let phase = Phase::from(session.stage());
        let name = phase.error_name();
        let limit = self.step_limit();
        let err = match read_reply(&mut self.conn, &mut self.parser, &mut self.buf, limit).await {
            Ok(Some(reply)) => {
                session.on_reply(reply, self.sent_at.elapsed());
                return Ok(());
            }
            Ok(None) => {
                session.on_closed();
                // A close after QUIT is how a conversation ends.
                if phase == Phase::Reply(ReplyContext::Quit) {
                    return Err(None);
                }
                ProbeError::new(
                    phase,
                    ErrorKind::Closed,
                    format!(
                        "the server closed the connection while we waited for the {name} reply"
                    ),
                )
            }
            Err(ReadError::Timeout) => {
                let which = if Instant::now() >= self.deadline {
                    format!(
                        "the whole conversation exceeded --deadline {:.0} s",
                        self.timeouts.deadline.as_secs_f64()
                    )
                } else {
                    format!(
                        "no complete reply within --timeout {:.0} s",
                        self.timeouts.reply.as_secs_f64()
                    )
                };
                ProbeError::new(
                    phase,
                    ErrorKind::Timeout,
                    format!(
                        "{which} while waiting for the {name} reply: the server is slow, silent or tarpitting"
                    ),
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
/// (STARTTLS, RFC 3207) or from the start (implicit TLS, RFC 8314).
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
        sent_at: started,
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
        let step = match session.next_action() {
            Action::Close => {
                run.close().await;
                return run.finish(session, None);
            }
            Action::Send(cmd) => run.send(&cmd).await.map_err(Some),
            Action::Receive => run.receive(&mut session).await,
            Action::StartTls => run.starttls(&mut session).await.map_err(Some),
        };
        if let Err(error) = step {
            return run.finish(session, error);
        }
    }
}

enum ReadError {
    Timeout,
    Io(std::io::Error),
    Parse(ParseError),
}

/// Reads until one complete reply is parsed; `Ok(None)` on EOF.
async fn read_reply<S: AsyncRead + Unpin>(
    stream: &mut S,
    parser: &mut ReplyParser,
    buf: &mut [u8],
    limit: Instant,
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
        parser.feed(&buf[..n]);
    }
}
