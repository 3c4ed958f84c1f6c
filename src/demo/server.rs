//! The demo's SMTP servers: each listens on 127.0.0.1 (a port the system picks) and plays
//! the server side of a recording to every connection. Each command line read is answered
//! with the reply recorded for the next command of the same verb; STARTTLS is followed by
//! a real TLS handshake with the demo's certificate when the recording had one.

use super::script::{self, Exchange, Script};
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;

/// The longest command line read (RFC 5321 §4.5.3.1.4 allows 512 octets); the rest of a
/// longer one is answered like any unknown command.
const MAX_LINE: u64 = 4096;

/// Starts a server for `script` on the runtime; it serves until the runtime ends.
pub async fn start(script: Script, tls: Option<TlsAcceptor>) -> std::io::Result<SocketAddr> {
    let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
    let addr = listener.local_addr()?;
    let script = Arc::new(script);
    tokio::spawn(async move {
        while let Ok((sock, _)) = listener.accept().await {
            let (script, tls) = (script.clone(), tls.clone());
            tokio::spawn(async move {
                let _ = serve(sock, &script, tls.as_ref()).await;
            });
        }
    });
    Ok(addr)
}

/// Where a conversation stands: the exchanges not yet replayed.
struct Replay<'a> {
    exchanges: &'a [Exchange],
    used: Vec<bool>,
}

/// What to do after a reply.
enum After {
    Read,
    StartTls,
    Close,
}

impl<'a> Replay<'a> {
    /// The reply to `line` and what follows it.
    fn answer(&mut self, line: &str) -> (Vec<String>, After) {
        let verb = script::verb(line);
        let key = script::key(line);
        // The next unused exchange of this verb, preferring one about the same name.
        let unused = || {
            self.exchanges
                .iter()
                .enumerate()
                .filter(|(i, x)| !self.used[*i] && x.verb == verb)
        };
        let found = unused()
            .find(|(_, x)| x.key == key)
            .or_else(|| unused().next());
        let Some((i, x)) = found else {
            return match verb.as_str() {
                "QUIT" => (vec!["221 2.0.0 Bye".into()], After::Close),
                _ => (
                    vec!["502 5.5.2 Error: command not in this recording".into()],
                    After::Read,
                ),
            };
        };
        self.used[i] = true;
        let canary = canary_in(line);
        let reply = x
            .reply
            .iter()
            .map(|r| match canary {
                Some(c) => r.replace("nx-probe-canary", c),
                None => r.clone(),
            })
            .collect();
        let after = if x.handshake {
            After::StartTls
        } else if verb == "QUIT" || x.reply.first().is_some_and(|r| r.starts_with("221")) {
            After::Close
        } else {
            After::Read
        };
        (reply, after)
    }
}

/// The probe's random canary name in a command line (`nx-probe-` and hex digits), which
/// the recordings write `nx-probe-canary`.
fn canary_in(line: &str) -> Option<&str> {
    let start = line.find("nx-probe-")?;
    let rest = &line[start..];
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

async fn serve(
    sock: tokio::net::TcpStream,
    script: &Script,
    tls: Option<&TlsAcceptor>,
) -> std::io::Result<()> {
    let mut replay = Replay {
        exchanges: &script.exchanges,
        used: vec![false; script.exchanges.len()],
    };
    let mut plain = BufReader::new(sock);
    send(&mut plain, &script.greeting).await?;
    if script.exchanges.is_empty() {
        return plain.get_mut().shutdown().await;
    }
    match converse(&mut plain, &mut replay).await? {
        After::StartTls => {}
        _ => return Ok(()),
    }
    let Some(acceptor) = tls else {
        return Ok(());
    };
    let mut secure = BufReader::new(acceptor.accept(plain.into_inner()).await?);
    converse(&mut secure, &mut replay).await?;
    Ok(())
}

/// Reads command lines and answers them until the conversation closes or turns to TLS.
async fn converse<S: AsyncRead + AsyncWrite + Unpin>(
    io: &mut BufReader<S>,
    replay: &mut Replay<'_>,
) -> std::io::Result<After> {
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let n = (&mut *io)
            .take(MAX_LINE)
            .read_until(b'\n', &mut buf)
            .await?;
        if n == 0 {
            return Ok(After::Close);
        }
        let line = String::from_utf8_lossy(&buf);
        let (reply, after) = replay.answer(line.trim_end_matches(['\r', '\n']));
        send(io, &reply).await?;
        match after {
            After::Read => {}
            After::Close => {
                io.get_mut().shutdown().await?;
                return Ok(After::Close);
            }
            After::StartTls => return Ok(After::StartTls),
        }
    }
}

async fn send<S: AsyncRead + AsyncWrite + Unpin>(
    io: &mut BufReader<S>,
    lines: &[String],
) -> std::io::Result<()> {
    let mut out = String::new();
    for l in lines {
        out.push_str(l);
        out.push_str("\r\n");
    }
    io.get_mut().write_all(out.as_bytes()).await?;
    io.get_mut().flush().await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_follow_the_verb_and_carry_the_real_canary() {
        let s = Script::parse(
            "S: 220 a\nC: EHLO x\nS: 250 a\nC: VRFY alice\nS: 252 alice\nC: VRFY nx-probe-canary\nS: 550 <nx-probe-canary>: unknown\nC: QUIT\nS: 221 Bye\n",
        )
        .expect("parses");
        let mut r = Replay {
            exchanges: &s.exchanges,
            used: vec![false; s.exchanges.len()],
        };
        assert_eq!(r.answer("EHLO probe.test").0, ["250 a"]);
        assert_eq!(
            r.answer("VRFY nx-probe-0123abcd@example.test").0,
            ["550 <nx-probe-0123abcd>: unknown"]
        );
        assert_eq!(r.answer("VRFY alice@example.test").0, ["252 alice"]);
        assert_eq!(
            r.answer("NOOP").0[0],
            "502 5.5.2 Error: command not in this recording"
        );
        assert!(matches!(r.answer("QUIT").1, After::Close));
    }
}
