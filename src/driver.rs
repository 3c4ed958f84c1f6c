//! The one place that does network I/O and keeps time: it drives a [`Session`] over a
//! connection, under a deadline for each reply and one for the whole conversation.
//! A slow, silent or trickling server ends in a [`ProbeError::Timeout`] naming the phase.
//!
//! TLS: on the session's STARTTLS action (RFC 3207) the plain stream is handed to the
//! handshake and replaced by the TLS stream; the reply parser keeps going on the new
//! stream. Bytes received after the 220 and before the handshake are discarded and
//! reported (`starttls_injection`). Implicit TLS (RFC 8314) handshakes before the greeting.

use crate::exit::Status;
use crate::report::tls::{TlsMode, VerifyReason};
use crate::smtp::reply::{Limits, ParseError, ReplyParser};
use crate::smtp::session::{Action, Finding, Session, Transcript};
use crate::tls::{HandshakeRecord, TlsContext};
use serde::{Deserialize, Serialize};
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

/// A failure of the probe itself (not a reply: replies are data). Each names its phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{phase}: {message}")]
pub struct ProbeError {
    /// "connect", "greeting", "ehlo", "starttls", "tls_handshake", "vrfy", "rcpt", "quit", …
    pub phase: String,
    /// "timeout" | "refused" | "unreachable" | "io" | "protocol" | "tls" | "closed"
    pub kind: String,
    pub message: String,
}

impl ProbeError {
    pub fn new(phase: &str, kind: &str, message: impl Into<String>) -> ProbeError {
        ProbeError {
            phase: phase.to_owned(),
            kind: kind.to_owned(),
            message: message.into(),
        }
    }
}

/// Opens a TCP connection within the connect timeout.
pub async fn connect(
    addr: std::net::SocketAddr,
    timeout: Duration,
) -> Result<TcpStream, ProbeError> {
    match tokio::time::timeout(timeout, TcpStream::connect(addr)).await {
        Err(_) => Err(ProbeError::new(
            "connect",
            "timeout",
            format!(
                "no TCP connection to {addr} within {:.1} s: a firewall may be dropping packets, or the host is down",
                timeout.as_secs_f64()
            ),
        )),
        Ok(Err(e)) => {
            let kind = match e.kind() {
                std::io::ErrorKind::ConnectionRefused => "refused",
                std::io::ErrorKind::HostUnreachable | std::io::ErrorKind::NetworkUnreachable => {
                    "unreachable"
                }
                _ => "io",
            };
            let hint = match kind {
                "refused" => {
                    "nothing listens on that port (is the MTA running, on this port and address?)"
                }
                "unreachable" => "no route to the host: check addressing and routing (-4/-6)",
                _ => "network error",
            };
            Err(ProbeError::new(
                "connect",
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

/// Drives the session to its end over a plain `stream`; a STARTTLS the session asks for
/// fails (there is no TLS context). Probes use [`drive_tls`].
pub async fn drive<S: AsyncRead + AsyncWrite + Unpin>(
    stream: &mut S,
    session: Session,
    timeouts: Timeouts,
    started: Instant,
) -> (Transcript, Option<ProbeError>) {
    let (t, e, _) = drive_tls(stream, session, timeouts, started, None).await;
    (t, e)
}

/// How to do TLS on this connection.
#[derive(Debug, Clone, Copy)]
pub struct TlsPlan<'a> {
    pub ctx: &'a TlsContext,
    /// The name from DNS (MX host), the host name, or the IP text of a direct target.
    pub host: &'a str,
    /// Handshake before the greeting (RFC 8314 implicit TLS).
    pub implicit: bool,
    /// Fail the handshake on a certificate that does not verify.
    pub strict: bool,
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
    limit: Instant,
) -> HandshakeRecord {
    let Conn::Plain(io) = std::mem::replace(conn, Conn::Gone) else {
        // Never asked twice by the session (STARTTLS after TLS is not sent).
        return HandshakeRecord::not_started(tls.host, "TLS is already active on this connection");
    };
    let (stream, record) = tls.ctx.handshake(io, tls.host, tls.strict, limit).await;
    if let Some(s) = stream {
        *conn = Conn::Tls(Box::new(s));
    }
    record
}

/// Upgrades `conn` and records how it went in `outcome`; the error when the handshake
/// failed (the session then can go no further on this connection).
async fn handshake<IO: AsyncRead + AsyncWrite + Unpin>(
    conn: &mut Conn<IO>,
    plan: &TlsPlan<'_>,
    mode: TlsMode,
    limit: Instant,
    outcome: &mut Option<TlsOutcome>,
) -> Option<ProbeError> {
    let record = upgrade(conn, plan, limit).await;
    let err = handshake_error(&record);
    *outcome = Some(TlsOutcome {
        mode,
        handshake: record,
    });
    err
}

fn handshake_error(record: &HandshakeRecord) -> Option<ProbeError> {
    record.failure.as_ref().map(|f| {
        ProbeError::new(
            "tls_handshake",
            if f.reason == VerifyReason::Timeout {
                "timeout"
            } else {
                "tls"
            },
            format!("{} ({})", f.message, f.reason),
        )
    })
}

/// Drives the session to its end over `io`, upgrading to TLS when the session asks for it
/// (STARTTLS, RFC 3207) or from the start (implicit TLS, RFC 8314). Returns the transcript,
/// the error that stopped the conversation early, if any, and what happened with TLS.
pub async fn drive_tls<IO: AsyncRead + AsyncWrite + Unpin>(
    io: IO,
    mut session: Session,
    timeouts: Timeouts,
    started: Instant,
    tls: Option<TlsPlan<'_>>,
) -> (Transcript, Option<ProbeError>, Option<TlsOutcome>) {
    let deadline = started + timeouts.deadline;
    let mut conn = Conn::Plain(io);
    let mut parser = ReplyParser::new(Limits::default());
    let mut buf = vec![0u8; 4096];
    let mut sent_at = started;
    let mut extra: Vec<Finding> = Vec::new();
    let mut outcome: Option<TlsOutcome> = None;
    let finish = |session: Session, extra: Vec<Finding>| {
        let mut t = session.finish();
        t.findings.extend(extra);
        t
    };
    if let Some(plan) = tls.as_ref().filter(|p| p.implicit) {
        let limit = deadline.min(Instant::now() + timeouts.reply);
        let err = handshake(&mut conn, plan, TlsMode::Implicit, limit, &mut outcome).await;
        if err.is_some() {
            session.on_tls_failed();
            return (finish(session, extra), err, outcome);
        }
        // Time the greeting from the end of the handshake.
        sent_at = Instant::now();
    }
    loop {
        match session.next_action() {
            Action::Close => {
                if matches!(conn, Conn::Tls(_)) {
                    // close_notify, so the server logs a clean end rather than a truncation.
                    let _ = tokio::time::timeout(
                        Duration::from_millis(200).min(timeouts.reply),
                        conn.shutdown(),
                    )
                    .await;
                }
                return (finish(session, extra), None, outcome);
            }
            Action::Send(cmd) => {
                let phase = crate::smtp::session::context_of(&cmd).name();
                sent_at = Instant::now();
                let write = async {
                    conn.write_all(&cmd.to_wire()).await?;
                    conn.flush().await
                };
                match tokio::time::timeout_at(deadline.min(sent_at + timeouts.reply), write).await {
                    Ok(Ok(())) => {}
                    Ok(Err(e)) => {
                        let err = ProbeError::new(
                            phase,
                            "io",
                            format!("sending {} failed: {e}", cmd.verb()),
                        );
                        return (finish(session, extra), Some(err), outcome);
                    }
                    Err(_) => {
                        let err = ProbeError::new(
                            phase,
                            "timeout",
                            format!("the server did not take our {} in time", cmd.verb()),
                        );
                        return (finish(session, extra), Some(err), outcome);
                    }
                }
            }
            Action::Receive => {
                let phase = session.phase();
                let limit = deadline.min(Instant::now() + timeouts.reply);
                match read_reply(&mut conn, &mut parser, &mut buf, limit).await {
                    Ok(Some(reply)) => session.on_reply(reply, sent_at.elapsed()),
                    Ok(None) => {
                        session.on_closed();
                        let t = finish(session, extra);
                        let err = if phase == "quit" {
                            None
                        } else {
                            Some(ProbeError::new(
                                phase,
                                "closed",
                                format!(
                                    "the server closed the connection while we waited for the {phase} reply"
                                ),
                            ))
                        };
                        return (t, err, outcome);
                    }
                    Err(ReadError::Timeout) => {
                        let which = if Instant::now() >= deadline {
                            format!(
                                "the whole conversation exceeded --deadline {:.0} s",
                                timeouts.deadline.as_secs_f64()
                            )
                        } else {
                            format!(
                                "no complete reply within --timeout {:.0} s",
                                timeouts.reply.as_secs_f64()
                            )
                        };
                        let err = ProbeError::new(
                            phase,
                            "timeout",
                            format!(
                                "{which} while waiting for the {phase} reply: the server is slow, silent or tarpitting"
                            ),
                        );
                        return (finish(session, extra), Some(err), outcome);
                    }
                    Err(ReadError::Io(e)) => {
                        let err = ProbeError::new(
                            phase,
                            "io",
                            format!("reading the {phase} reply failed: {e}"),
                        );
                        return (finish(session, extra), Some(err), outcome);
                    }
                    Err(ReadError::Parse(e)) => {
                        let err = ProbeError::new(phase, "protocol", e.to_string());
                        return (finish(session, extra), Some(err), outcome);
                    }
                }
            }
            Action::StartTls => {
                let Some(plan) = tls.as_ref() else {
                    session.on_tls_failed();
                    let err = ProbeError::new(
                        "tls_handshake",
                        "tls",
                        "STARTTLS was accepted but this run has no TLS configuration",
                    );
                    return (finish(session, extra), Some(err), outcome);
                };
                // RFC 3207 §4.2 / §5: nothing the server sent before the handshake may be
                // carried into TLS. Whatever sits in the parser, or is already readable,
                // arrived after the 220 in plain text: drop it and say so.
                let mut dropped = if parser.has_buffered() {
                    parser.discard_buffered()
                } else {
                    0
                };
                if let Conn::Plain(io) = &mut conn {
                    dropped += drain_ready(io).await;
                }
                if dropped > 0 {
                    extra.push(Finding {
                        id: "starttls_injection",
                        status: Status::Critical,
                        message: format!(
                            "the server (or something on the path) sent {dropped} byte(s) after its 220 to STARTTLS and before the TLS handshake; they were discarded, never taken as TLS or SMTP. A client that kept them would accept forged replies (STARTTLS response injection, the CVE-2011-0411 class of bug): check the MTA version and any proxy or firewall doing SMTP inspection"
                        ),
                    });
                }
                let limit = deadline.min(Instant::now() + timeouts.reply);
                let err = handshake(&mut conn, plan, TlsMode::StartTls, limit, &mut outcome).await;
                if let Some(err) = err {
                    session.on_tls_failed();
                    return (finish(session, extra), Some(err), outcome);
                }
                session.on_tls_established();
            }
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
