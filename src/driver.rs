//! The one place that does network I/O and keeps time: it drives a [`Session`] over a
//! connection, under a deadline for each reply and one for the whole conversation.
//! A slow, silent or trickling server ends in a [`ProbeError::Timeout`] naming the phase.

use crate::smtp::reply::{Limits, ParseError, ReplyParser};
use crate::smtp::session::{Action, Session, Transcript};
use serde::{Deserialize, Serialize};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::Instant;

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

/// Drives the session to its end over `stream`. Returns the transcript and the error that
/// stopped the conversation early, if any.
pub async fn drive<S: AsyncRead + AsyncWrite + Unpin>(
    stream: &mut S,
    mut session: Session,
    timeouts: Timeouts,
    started: Instant,
) -> (Transcript, Option<ProbeError>) {
    let deadline = started + timeouts.deadline;
    let mut parser = ReplyParser::new(Limits::default());
    let mut buf = vec![0u8; 4096];
    let mut sent_at = started;
    loop {
        match session.next_action() {
            Action::Close => return (session.finish(), None),
            Action::Send(cmd) => {
                let phase = session_phase_for_send(&cmd);
                sent_at = Instant::now();
                let write = async {
                    stream.write_all(&cmd.to_wire()).await?;
                    stream.flush().await
                };
                match tokio::time::timeout_at(deadline.min(sent_at + timeouts.reply), write).await {
                    Ok(Ok(())) => {}
                    Ok(Err(e)) => {
                        let err = ProbeError::new(
                            phase,
                            "io",
                            format!("sending {} failed: {e}", cmd.verb()),
                        );
                        return (session.finish(), Some(err));
                    }
                    Err(_) => {
                        let err = ProbeError::new(
                            phase,
                            "timeout",
                            format!("the server did not take our {} in time", cmd.verb()),
                        );
                        return (session.finish(), Some(err));
                    }
                }
            }
            Action::Receive => {
                let phase = session.phase();
                let limit = deadline.min(Instant::now() + timeouts.reply);
                match read_reply(stream, &mut parser, &mut buf, limit).await {
                    Ok(Some(reply)) => session.on_reply(reply, sent_at.elapsed()),
                    Ok(None) => {
                        session.on_closed();
                        let t = session.finish();
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
                        return (t, err);
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
                        return (session.finish(), Some(err));
                    }
                    Err(ReadError::Io(e)) => {
                        let err = ProbeError::new(
                            phase,
                            "io",
                            format!("reading the {phase} reply failed: {e}"),
                        );
                        return (session.finish(), Some(err));
                    }
                    Err(ReadError::Parse(e)) => {
                        let err = ProbeError::new(phase, "protocol", e.to_string());
                        return (session.finish(), Some(err));
                    }
                }
            }
            Action::StartTls => {
                session.on_tls_failed();
                let err = ProbeError::new(
                    "tls_handshake",
                    "tls",
                    "STARTTLS is not supported by this build",
                );
                return (session.finish(), Some(err));
            }
        }
    }
}

fn session_phase_for_send(cmd: &crate::smtp::command::Command) -> &'static str {
    match cmd.verb() {
        "EHLO" => "ehlo",
        "HELO" => "helo",
        "STARTTLS" => "starttls",
        "VRFY" => "vrfy",
        "EXPN" => "expn",
        "MAIL" => "mail",
        "RCPT" => "rcpt",
        "RSET" => "rset",
        "QUIT" => "quit",
        _ => "command",
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
