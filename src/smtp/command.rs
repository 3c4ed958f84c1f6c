//! SMTP commands the probe may send. Each is a type whose `Display` is its exact wire form
//! (without the CRLF that [`Command::to_wire`] adds).
//!
//! There is deliberately no DATA and no BDAT variant: the probe never delivers mail, and the
//! type system makes that impossible to get wrong.

use std::fmt;

/// A user-supplied argument that goes on the wire: no control bytes (CR, LF, NUL, DEL, any
/// other C0 or C1 control), not empty, bounded. Building one is the only way user text
/// reaches a [`Command`], so command injection is refused at construction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireArg(String);

/// Why a user-supplied argument was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ArgError {
    #[error("is empty")]
    Empty,
    #[error("contains a control character ({0}); CR, LF and NUL could inject SMTP commands")]
    Control(String),
    #[error("is {0} bytes long; the most is 256")]
    TooLong(usize),
    #[error("contains a space: it must be a single word (an address or a host name)")]
    Space,
}

impl WireArg {
    pub const MAX_LEN: usize = 256;

    pub fn new(s: &str) -> Result<WireArg, ArgError> {
        if s.is_empty() {
            return Err(ArgError::Empty);
        }
        if let Some(c) = s.chars().find(|c| c.is_control()) {
            return Err(ArgError::Control(format!("U+{:04X}", u32::from(c))));
        }
        if s.len() > Self::MAX_LEN {
            return Err(ArgError::TooLong(s.len()));
        }
        Ok(WireArg(s.to_owned()))
    }

    /// Like [`WireArg::new`] but also refuses spaces: for addresses and domain names, where
    /// a space would start a new parameter.
    pub fn token(s: &str) -> Result<WireArg, ArgError> {
        let arg = WireArg::new(s)?;
        if s.contains(' ') {
            return Err(ArgError::Space);
        }
        Ok(arg)
    }

    /// An address literal for EHLO/HELO (RFC 5321 §4.1.3): `[192.0.2.1]`,
    /// `[IPv6:2001:db8::1]`. Built from an address, so it needs no validation.
    pub fn address_literal(ip: std::net::IpAddr) -> WireArg {
        WireArg(match ip {
            std::net::IpAddr::V4(v4) => format!("[{v4}]"),
            std::net::IpAddr::V6(v6) => format!("[IPv6:{v6}]"),
        })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for WireArg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A reverse-path for MAIL FROM: the null path `<>` (RFC 5321 §4.5.5) or an address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReversePath {
    Null,
    Address(WireArg),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Ehlo(WireArg),
    Helo(WireArg),
    StartTls,
    Vrfy(WireArg),
    Expn(WireArg),
    Mail(ReversePath),
    Rcpt(WireArg),
    Rset,
    Noop,
    Quit,
}

impl Command {
    /// The verb, as reports name the command.
    pub fn verb(&self) -> &'static str {
        match self {
            Command::Ehlo(_) => "EHLO",
            Command::Helo(_) => "HELO",
            Command::StartTls => "STARTTLS",
            Command::Vrfy(_) => "VRFY",
            Command::Expn(_) => "EXPN",
            Command::Mail(_) => "MAIL",
            Command::Rcpt(_) => "RCPT",
            Command::Rset => "RSET",
            Command::Noop => "NOOP",
            Command::Quit => "QUIT",
        }
    }

    /// The bytes to write: the command line and CRLF.
    pub fn to_wire(&self) -> Vec<u8> {
        format!("{self}\r\n").into_bytes()
    }
}

/// Angle brackets around an address unless the user already gave them.
fn bracketed(a: &WireArg) -> String {
    let s = a.as_str();
    if s.starts_with('<') && s.ends_with('>') {
        s.to_owned()
    } else {
        format!("<{s}>")
    }
}

impl fmt::Display for Command {
    /// RFC 5321 §4.1.1 syntax.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Command::Ehlo(d) => write!(f, "EHLO {d}"),
            Command::Helo(d) => write!(f, "HELO {d}"),
            Command::StartTls => f.write_str("STARTTLS"),
            Command::Vrfy(u) => write!(f, "VRFY {u}"),
            Command::Expn(l) => write!(f, "EXPN {l}"),
            Command::Mail(ReversePath::Null) => f.write_str("MAIL FROM:<>"),
            Command::Mail(ReversePath::Address(a)) => write!(f, "MAIL FROM:{}", bracketed(a)),
            Command::Rcpt(a) => write!(f, "RCPT TO:{}", bracketed(a)),
            Command::Rset => f.write_str("RSET"),
            Command::Noop => f.write_str("NOOP"),
            Command::Quit => f.write_str("QUIT"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_forms() {
        let a = WireArg::token("alice@example.com").unwrap();
        assert_eq!(
            Command::Rcpt(a.clone()).to_wire(),
            b"RCPT TO:<alice@example.com>\r\n"
        );
        assert_eq!(Command::Mail(ReversePath::Null).to_string(), "MAIL FROM:<>");
        assert_eq!(
            Command::Mail(ReversePath::Address(a)).to_string(),
            "MAIL FROM:<alice@example.com>"
        );
        let b = WireArg::token("<bob@example.com>").unwrap();
        assert_eq!(Command::Rcpt(b).to_string(), "RCPT TO:<bob@example.com>");
        assert_eq!(
            Command::Vrfy(WireArg::new("Alice Smith").unwrap()).to_string(),
            "VRFY Alice Smith"
        );
    }

    #[test]
    fn injection_is_refused() {
        for bad in [
            "alice\r\nDATA",
            "a\nb",
            "a\rb",
            "a\0b",
            "a\x1bb",
            "a\u{85}b",
            "a\x7fb",
        ] {
            assert!(
                matches!(WireArg::new(bad), Err(ArgError::Control(_))),
                "{bad:?}"
            );
        }
        assert_eq!(WireArg::new(""), Err(ArgError::Empty));
        assert!(matches!(
            WireArg::new(&"a".repeat(300)),
            Err(ArgError::TooLong(300))
        ));
        assert_eq!(WireArg::token("a b"), Err(ArgError::Space));
    }
}
