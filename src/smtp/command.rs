//! SMTP commands the probe may send. Each is a type whose `Display` is its exact wire form
//! (without the CRLF that [`Command::to_wire`] adds).
//!
//! There is deliberately no DATA and no BDAT variant: the probe never delivers mail, and the
//! type system makes that impossible to get wrong.

use std::fmt;

/// A user-supplied argument that goes on the wire: no control bytes (CR, LF, NUL, DEL, any
/// other C0 or C1 control), no bidirectional controls, not empty, bounded. Building one is
/// the only way user text reaches a [`Command`], so command injection is refused at
/// construction. It may hold non-ASCII text: a command carrying one is sent with the
/// SMTPUTF8 parameter (RFC 6531), and only to a server that offers it (the session's job).
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
    #[error(
        "contains a bidirectional control character ({0}), which makes text display in a misleading order"
    )]
    Bidi(String),
}

/// Bidirectional formatting characters (Unicode UAX #9): embeddings and overrides
/// U+202A–U+202E, isolates U+2066–U+2069, the marks U+200E, U+200F and U+061C. They change
/// how text around them is displayed, so a name holding one can read as another.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
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
        if let Some(c) = s.chars().find(|c| is_bidi_control(*c)) {
            return Err(ArgError::Bidi(format!("U+{:04X}", u32::from(c))));
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

    /// Plain ASCII: it can be sent to any server. Otherwise it needs SMTPUTF8 (RFC 6531).
    pub fn is_ascii(&self) -> bool {
        self.0.is_ascii()
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

impl ReversePath {
    /// The null path or an ASCII address: no SMTPUTF8 needed for it.
    pub fn is_ascii(&self) -> bool {
        match self {
            ReversePath::Null => true,
            ReversePath::Address(a) => a.is_ascii(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Ehlo(WireArg),
    Helo(WireArg),
    StartTls,
    /// VRFY; a non-ASCII argument is sent with the SMTPUTF8 parameter (RFC 6531 §3.7.4.2).
    Vrfy(WireArg),
    /// EXPN; a non-ASCII argument is sent with the SMTPUTF8 parameter (RFC 6531 §3.7.4.2).
    Expn(WireArg),
    /// MAIL FROM. `smtputf8`: the transaction carries a non-ASCII address (the reverse-path
    /// or a recipient), so MAIL says SMTPUTF8 (RFC 6531 §3.4); RCPT has no such parameter.
    Mail {
        from: ReversePath,
        smtputf8: bool,
    },
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
            Command::Mail { .. } => "MAIL",
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

/// The SMTPUTF8 parameter (RFC 6531 §3.4, §3.7.4.2), when the command needs it.
fn utf8_param(needed: bool) -> &'static str {
    if needed { " SMTPUTF8" } else { "" }
}

impl fmt::Display for Command {
    /// RFC 5321 §4.1.1 syntax.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Command::Ehlo(d) => write!(f, "EHLO {d}"),
            Command::Helo(d) => write!(f, "HELO {d}"),
            Command::StartTls => f.write_str("STARTTLS"),
            Command::Vrfy(u) => write!(f, "VRFY {u}{}", utf8_param(!u.is_ascii())),
            Command::Expn(l) => write!(f, "EXPN {l}{}", utf8_param(!l.is_ascii())),
            Command::Mail { from, smtputf8 } => {
                match from {
                    ReversePath::Null => f.write_str("MAIL FROM:<>")?,
                    ReversePath::Address(a) => write!(f, "MAIL FROM:{}", bracketed(a))?,
                }
                f.write_str(utf8_param(*smtputf8 || !from.is_ascii()))
            }
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
        let mail = |from, smtputf8| Command::Mail { from, smtputf8 }.to_string();
        assert_eq!(mail(ReversePath::Null, false), "MAIL FROM:<>");
        assert_eq!(
            mail(ReversePath::Address(a), false),
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

    #[test]
    fn bidi_controls_are_refused() {
        for c in [
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}',
            '\u{2068}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}',
        ] {
            let s = format!("alice{c}moc.elpmaxe@");
            assert_eq!(
                WireArg::new(&s),
                Err(ArgError::Bidi(format!("U+{:04X}", u32::from(c)))),
                "{s:?}"
            );
        }
        assert!(WireArg::new("jürgen@bücher.example").is_ok());
    }

    /// RFC 6531: a non-ASCII argument goes with SMTPUTF8 on VRFY, EXPN and MAIL; RCPT has
    /// no parameter (the MAIL of its transaction says it).
    #[test]
    fn smtputf8_parameter() {
        let u = WireArg::token("jürgen@bücher.example").unwrap();
        let a = WireArg::token("alice@example.com").unwrap();
        assert_eq!(
            Command::Vrfy(u.clone()).to_wire(),
            "VRFY jürgen@bücher.example SMTPUTF8\r\n".as_bytes()
        );
        assert_eq!(
            Command::Vrfy(a.clone()).to_string(),
            "VRFY alice@example.com"
        );
        assert_eq!(
            Command::Expn(WireArg::new("équipe").unwrap()).to_string(),
            "EXPN équipe SMTPUTF8"
        );
        assert_eq!(
            Command::Rcpt(u.clone()).to_string(),
            "RCPT TO:<jürgen@bücher.example>"
        );
        let mail = |from, smtputf8| Command::Mail { from, smtputf8 }.to_string();
        assert_eq!(mail(ReversePath::Null, true), "MAIL FROM:<> SMTPUTF8");
        assert_eq!(
            mail(ReversePath::Address(u), false),
            "MAIL FROM:<jürgen@bücher.example> SMTPUTF8"
        );
        assert_eq!(
            mail(ReversePath::Address(a), false),
            "MAIL FROM:<alice@example.com>"
        );
    }
}
