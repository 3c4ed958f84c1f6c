//! What to probe: a mail domain (MX lookup) or a host directly, parsed and checked from
//! the TARGET argument before anything touches the network.

use crate::echo::quoted;
use std::net::IpAddr;

/// A TARGET the user gave that cannot be probed: one line saying what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct TargetError(pub String);

/// What to probe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A mail domain: look up MX (RFC 5321 §5.1).
    Domain(String),
    /// A host to connect to directly, no MX lookup: a name (resolved to A/AAAA) or an IP.
    Direct {
        host: String,
        ip: Option<IpAddr>,
        port: Option<u16>,
    },
}

impl Target {
    /// An IP literal: nothing to ask DNS.
    pub fn is_ip(&self) -> bool {
        matches!(self, Target::Direct { ip: Some(_), .. })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Any,
    V4,
    V6,
}

/// Parses TARGET: `[v6]:port`, `[v6]`, an IP literal, `host:port`, or a mail domain.
pub fn parse_target(s: &str) -> Result<Target, TargetError> {
    let bad = |why: &str| TargetError(format!("target {} {why}", quoted(s)));
    if s.is_empty() {
        return Err(bad("is empty"));
    }
    if s.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(bad("contains spaces or control characters"));
    }
    if let Some((local, domain)) = s.rsplit_once('@') {
        return Err(address_as_target(s, local, domain));
    }
    if let Some(rest) = s.strip_prefix('[') {
        let (inside, after) = rest
            .split_once(']')
            .ok_or_else(|| bad("has '[' without ']'"))?;
        let ip: IpAddr = inside
            .parse()
            .map_err(|_| bad("has no valid IP address inside [ ]"))?;
        let port = match after {
            "" => None,
            p => Some(
                parse_port(
                    p.strip_prefix(':')
                        .ok_or_else(|| bad("has text after ']' that is not :PORT"))?,
                )
                .map_err(|e| bad(&e))?,
            ),
        };
        return Ok(Target::Direct {
            host: ip.to_string(),
            ip: Some(ip),
            port,
        });
    }
    if let Ok(ip) = s.parse::<IpAddr>() {
        return Ok(Target::Direct {
            host: ip.to_string(),
            ip: Some(ip),
            port: None,
        });
    }
    if let Some((host, port)) = s.rsplit_once(':') {
        let port = parse_port(port).map_err(|e| bad(&e))?;
        let ip = host.parse::<IpAddr>().ok();
        if ip.is_none() {
            check_domain(host).map_err(|e| bad(&e))?;
        }
        return Ok(Target::Direct {
            host: host.to_owned(),
            ip,
            port: Some(port),
        });
    }
    check_domain(s).map_err(|e| bad(&e))?;
    Ok(Target::Domain(s.strip_suffix('.').unwrap_or(s).to_owned()))
}

/// An e-mail address given as TARGET: say how to check a recipient instead.
fn address_as_target(s: &str, local: &str, domain: &str) -> TargetError {
    let short = s.chars().count() <= crate::echo::MAX_ECHO;
    let hint = if !short || local.is_empty() || check_domain(domain).is_err() {
        "give a mail domain or host, and the address with --rcpt".to_owned()
    } else {
        let domain = domain.strip_suffix('.').unwrap_or(domain);
        format!("to check this recipient, run: smtpprobe {domain} --rcpt {s}",)
    };
    TargetError(format!(
        "target {} is an e-mail address, not a mail domain or host: {hint}",
        quoted(s)
    ))
}

fn parse_port(p: &str) -> Result<u16, String> {
    match p.parse::<u16>() {
        Ok(0) | Err(_) => Err(format!("has an invalid port {p:?} (1-65535)")),
        Ok(n) => Ok(n),
    }
}

/// A domain name we can look up: labels of letters, digits, hyphens and underscores
/// (RFC 1035 §2.3.1, with the underscore that real names carry), at most 253 octets, with
/// at most one trailing dot (the root).
pub fn check_domain(s: &str) -> Result<(), String> {
    if s.ends_with("..") {
        return Err("ends in more than one dot (a name ends in at most one, the root)".into());
    }
    let name = s.strip_suffix('.').unwrap_or(s);
    if name.is_empty() || name.len() > 253 {
        return Err("is not a valid domain name".into());
    }
    for label in name.split('.') {
        if label.is_empty() || label.len() > 63 {
            return Err("has an empty or over-long label".into());
        }
        if !label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err("is not a valid domain name (use the ASCII/punycode form)".into());
        }
    }
    Ok(())
}
