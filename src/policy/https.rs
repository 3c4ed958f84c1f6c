//! The MTA-STS policy fetch (RFC 8461 §3.3): one HTTPS GET of
//! `https://mta-sts.<domain>/.well-known/mta-sts.txt`, the certificate verified strictly
//! against the run's trust store (and `--ca-file`) for the policy host's name, no redirect
//! followed, the body bounded ([`MAX_BODY`]) and the whole fetch bounded in time. A minimal
//! HTTP/1.1 client over the run's tokio-rustls (ring) stream: a status line, headers, and a
//! body delimited by Content-Length, chunked encoding or the close. Facts only: what was
//! answered, or exactly why nothing usable was.

use crate::dns::{DnsFailure, Lookup};
use crate::tls::{HandshakeRecord, TlsContext, Verdict};
use crate::vocab::TlsMode;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::time::Instant;

/// The largest policy body read (RFC 8461 §3.3 suggests 64 KiB).
pub const MAX_BODY: usize = 64 * 1024;
/// The most header bytes read before the body.
const MAX_HEAD: usize = 16 * 1024;

/// What went wrong, by kind; `detail` says exactly what.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchErrorKind {
    /// The policy host has no address (or its lookup failed).
    Dns,
    Connect,
    /// The TLS handshake failed, or the certificate did not verify for the policy host.
    Tls,
    Timeout,
    /// Not HTTP, a status other than 200 (a redirect included), a malformed body.
    Http,
    /// The body is over [`MAX_BODY`].
    TooLarge,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchError {
    pub kind: FetchErrorKind,
    pub detail: String,
}

fn err(kind: FetchErrorKind, detail: impl Into<String>) -> FetchError {
    FetchError {
        kind,
        detail: detail.into(),
    }
}

/// One policy fetch, whatever its outcome.
#[derive(Debug, Clone)]
pub struct Fetch {
    pub url: String,
    pub address: Option<IpAddr>,
    /// The HTTP status, when a status line was read.
    pub status: Option<u16>,
    /// `Location` of a redirect (not followed).
    pub location: Option<String>,
    pub content_type: Option<String>,
    /// The body of a 200 answer.
    pub body: Option<String>,
    pub error: Option<FetchError>,
    /// The handshake with the policy host (its chain and verdict), when one started.
    pub tls: Option<HandshakeRecord>,
    pub elapsed: Duration,
}

impl Fetch {
    /// A fetch of `url` before anything happened.
    fn of(url: String) -> Fetch {
        Fetch {
            url,
            address: None,
            status: None,
            location: None,
            content_type: None,
            body: None,
            error: None,
            tls: None,
            elapsed: Duration::ZERO,
        }
    }
}

/// Fetches the policy of `domain` from `mta-sts.<domain>` on `port` (443 but in tests),
/// until `limit`.
pub async fn fetch<L: Lookup>(
    lookup: &L,
    tls: &TlsContext,
    domain: &str,
    port: u16,
    limit: Instant,
) -> Fetch {
    let started = Instant::now();
    let host = format!("mta-sts.{}", domain.trim_end_matches('.'));
    let mut f = Fetch::of(if port == 443 {
        format!("https://{host}/.well-known/mta-sts.txt")
    } else {
        format!("https://{host}:{port}/.well-known/mta-sts.txt")
    });
    match tokio::time::timeout_at(limit, get(lookup, tls, &host, port, limit, &mut f)).await {
        Ok(Ok(())) => {}
        Ok(Err(e)) => f.error = Some(e),
        Err(_) => {
            f.error = Some(err(
                FetchErrorKind::Timeout,
                format!(
                    "no complete answer from {host} within {:.1} s",
                    started.elapsed().as_secs_f64()
                ),
            ));
        }
    }
    f.elapsed = started.elapsed();
    f
}

async fn address<L: Lookup>(lookup: &L, host: &str) -> Result<IpAddr, FetchError> {
    let abs = format!("{host}.");
    let v4 = lookup.addrs(&abs, false).await;
    if let Ok(a) = &v4
        && let Some(ip) = a.addrs.first()
    {
        return Ok(*ip);
    }
    match lookup.addrs(&abs, true).await {
        Ok(a) if !a.addrs.is_empty() => Ok(a.addrs[0]),
        _ => Err(err(
            FetchErrorKind::Dns,
            match v4 {
                Err(DnsFailure::NxDomain) => format!("{host} does not exist in DNS (NXDOMAIN)"),
                Err(DnsFailure::Timeout) => format!("the address lookup of {host} timed out"),
                Err(DnsFailure::ServFail(rc)) => {
                    format!("the address lookup of {host} failed ({rc})")
                }
                _ => format!("{host} has no address (A or AAAA)"),
            },
        )),
    }
}

async fn get<L: Lookup>(
    lookup: &L,
    tls: &TlsContext,
    host: &str,
    port: u16,
    limit: Instant,
    f: &mut Fetch,
) -> Result<(), FetchError> {
    let ip = address(lookup, host).await?;
    f.address = Some(ip);
    let tcp = tokio::net::TcpStream::connect(SocketAddr::new(ip, port))
        .await
        .map_err(|e| {
            err(
                FetchErrorKind::Connect,
                format!("cannot connect to {ip} port {port}: {e}"),
            )
        })?;
    let (stream, record) = tls
        .handshake(tcp, host, TlsMode::Implicit, true, limit)
        .await;
    let why = match (&record.verdict, &record.failure) {
        (Verdict::Failed(v), _) => Some(v.message.clone()),
        (_, Some(fail)) => Some(fail.message.clone()),
        _ => None,
    };
    f.tls = Some(record);
    let Some(mut stream) = stream else {
        return Err(err(
            FetchErrorKind::Tls,
            why.unwrap_or_else(|| "the TLS handshake failed".into()),
        ));
    };
    let request = format!(
        "GET /.well-known/mta-sts.txt HTTP/1.1\r\nHost: {host}\r\nUser-Agent: smtpprobe/{}\r\nAccept: text/plain\r\nConnection: close\r\n\r\n",
        env!("CARGO_PKG_VERSION")
    );
    let io = |e: std::io::Error| err(FetchErrorKind::Connect, format!("{host}: {e}"));
    stream.write_all(request.as_bytes()).await.map_err(io)?;
    stream.flush().await.map_err(io)?;
    let mut raw = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        match stream.read(&mut buf).await {
            Ok(0) => break,
            Ok(n) => raw.extend_from_slice(&buf[..n]),
            // A server that closes without close_notify: what arrived is the answer.
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => break,
            Err(e) => return Err(io(e)),
        }
        if raw.len() > MAX_HEAD + MAX_BODY + 64 {
            break;
        }
    }
    parse_response(&raw, f)
}

/// Reads a whole HTTP/1.x response (`raw`, up to the close) into `f`.
pub fn parse_response(raw: &[u8], f: &mut Fetch) -> Result<(), FetchError> {
    let http = |d: String| err(FetchErrorKind::Http, d);
    let Some(end) = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|p| (p, p + 4))
        .or_else(|| {
            raw.windows(2)
                .position(|w| w == b"\n\n")
                .map(|p| (p, p + 2))
        })
    else {
        return Err(if raw.is_empty() {
            http("the server closed the connection without an answer".into())
        } else if raw.len() > MAX_HEAD {
            http(format!(
                "no end of the headers in the first {MAX_HEAD} bytes"
            ))
        } else {
            http("the answer ended inside its headers".into())
        });
    };
    let head = String::from_utf8_lossy(&raw[..end.0]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default();
    let mut parts = status_line.splitn(3, ' ');
    let (version, code) = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    );
    let status = match code.parse::<u16>() {
        Ok(c) if version.starts_with("HTTP/1.") && code.len() == 3 => c,
        _ => {
            return Err(http(format!(
                "not an HTTP/1.x status line: {:?}",
                cut(status_line)
            )));
        }
    };
    f.status = Some(status);
    let mut length = None;
    let mut chunked = false;
    for h in lines {
        let Some((k, v)) = h.split_once(':') else {
            return Err(http(format!("malformed header line {:?}", cut(h))));
        };
        let v = v.trim();
        match k.trim().to_ascii_lowercase().as_str() {
            "content-length" => {
                length =
                    Some(v.parse::<usize>().map_err(|_| {
                        http(format!("Content-Length {:?} is not a number", cut(v)))
                    })?);
            }
            "transfer-encoding" => chunked = v.eq_ignore_ascii_case("chunked"),
            "content-type" => f.content_type = Some(cut(v)),
            "location" => f.location = Some(cut(v)),
            _ => {}
        }
    }
    if status != 200 {
        let also = f
            .location
            .as_ref()
            .map(|l| format!(" (redirect to {l}, not followed)"))
            .unwrap_or_default();
        return Err(http(format!("HTTP status {status}{also}")));
    }
    let rest = &raw[end.1..];
    let body = if chunked {
        dechunk(rest)?
    } else if let Some(n) = length {
        if n > MAX_BODY {
            return Err(err(
                FetchErrorKind::TooLarge,
                format!("Content-Length {n} is over {MAX_BODY} bytes"),
            ));
        }
        if rest.len() < n {
            return Err(http(format!(
                "the body ended after {} of its {n} bytes",
                rest.len()
            )));
        }
        rest[..n].to_vec()
    } else {
        rest.to_vec()
    };
    if body.len() > MAX_BODY {
        return Err(err(
            FetchErrorKind::TooLarge,
            format!("the body is over {MAX_BODY} bytes"),
        ));
    }
    let text = String::from_utf8(body).map_err(|_| http("the body is not UTF-8 text".into()))?;
    f.body = Some(text);
    Ok(())
}

fn dechunk(mut rest: &[u8]) -> Result<Vec<u8>, FetchError> {
    let http = |d: &str| err(FetchErrorKind::Http, d);
    let mut out = Vec::new();
    loop {
        let nl = rest
            .iter()
            .position(|&b| b == b'\n')
            .ok_or_else(|| http("a chunk size line is cut short"))?;
        let line = String::from_utf8_lossy(&rest[..nl]);
        let size_text = line
            .trim()
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned();
        let size = usize::from_str_radix(&size_text, 16)
            .map_err(|_| http("a chunk size is not hexadecimal"))?;
        rest = &rest[nl + 1..];
        if size == 0 {
            return Ok(out);
        }
        if size > MAX_BODY || out.len() + size > MAX_BODY {
            return Err(err(
                FetchErrorKind::TooLarge,
                format!("the body is over {MAX_BODY} bytes"),
            ));
        }
        if rest.len() < size {
            return Err(http("a chunk is cut short"));
        }
        out.extend_from_slice(&rest[..size]);
        rest = &rest[size..];
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
    }
}

/// Server text cut to 200 characters for messages.
fn cut(s: &str) -> String {
    s.chars().take(200).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blank() -> Fetch {
        Fetch::of(String::new())
    }

    #[test]
    fn responses() {
        let mut f = blank();
        parse_response(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhelloXX",
            &mut f,
        )
        .unwrap();
        assert_eq!(f.body.as_deref(), Some("hello"));
        assert_eq!(f.content_type.as_deref(), Some("text/plain"));
        let mut f = blank();
        parse_response(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x\r\nde\r\n0\r\n\r\n", &mut f).unwrap();
        assert_eq!(f.body.as_deref(), Some("abcde"));
        let mut f = blank();
        parse_response(b"HTTP/1.0 200 OK\n\nclose-delimited", &mut f).unwrap();
        assert_eq!(f.body.as_deref(), Some("close-delimited"));
        let mut f = blank();
        let e = parse_response(
            b"HTTP/1.1 301 Moved\r\nLocation: https://x/\r\n\r\n",
            &mut f,
        )
        .unwrap_err();
        assert_eq!(
            e.detail,
            "HTTP status 301 (redirect to https://x/, not followed)"
        );
        let e = parse_response(b"HTTP/1.1 404 Not Found\r\n\r\n", &mut blank()).unwrap_err();
        assert_eq!(e.detail, "HTTP status 404");
        let e = parse_response(b"SSH-2.0\r\n\r\n", &mut blank()).unwrap_err();
        assert!(e.detail.starts_with("not an HTTP/1.x status line"));
        let e = parse_response(
            b"HTTP/1.1 200 OK\r\nContent-Length: 70000\r\n\r\n",
            &mut blank(),
        )
        .unwrap_err();
        assert_eq!(e.kind, FetchErrorKind::TooLarge);
        let e = parse_response(
            b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nab",
            &mut blank(),
        )
        .unwrap_err();
        assert!(e.detail.contains("after 2 of its 9"));
    }
}
