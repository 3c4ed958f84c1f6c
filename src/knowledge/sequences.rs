//! Which positive replies each command may get: RFC 5321 §4.3.2 ("Command-Reply
//! Sequences"), with RFC 3207 §4 for STARTTLS and RFC 4954 §4 for AUTH.
//!
//! Only success and intermediate codes (2xx, 3xx) are listed. A 2xx the command cannot get
//! (a `220` to EHLO, a `250` greeting aside) is the dangerous case: a client that reads it
//! by its first digit takes it for success. Negative codes are not checked against the
//! standard lists: real servers answer policy refusals with codes the lists do not name
//! (`554` to RCPT, `530` to MAIL), and those are read correctly by class anyway.

use super::Context;

/// One command's positive replies, with where the standard says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sequence {
    pub context: Context,
    pub positive: &'static [u16],
    pub source: &'static str,
}

/// Sorted by context order of a conversation; tested for one entry per context.
#[rustfmt::skip]
pub const SEQUENCES: &[Sequence] = &[
    Sequence { context: Context::Greeting, positive: &[220], source: "RFC 5321 §4.3.2 (connection establishment: S: 220)" },
    Sequence { context: Context::Ehlo, positive: &[250], source: "RFC 5321 §4.3.2 (EHLO or HELO: S: 250)" },
    Sequence { context: Context::Helo, positive: &[250], source: "RFC 5321 §4.3.2 (EHLO or HELO: S: 250)" },
    Sequence { context: Context::StartTls, positive: &[220], source: "RFC 3207 §4 (220 Ready to start TLS)" },
    Sequence { context: Context::Auth, positive: &[235, 334], source: "RFC 4954 §4, §6 (334 challenge, 235 success)" },
    Sequence { context: Context::Mail, positive: &[250], source: "RFC 5321 §4.3.2 (MAIL: S: 250)" },
    Sequence { context: Context::Rcpt, positive: &[250, 251], source: "RFC 5321 §4.3.2 (RCPT: S: 250, 251)" },
    Sequence { context: Context::Vrfy, positive: &[250, 251, 252], source: "RFC 5321 §4.3.2 (VRFY: S: 250, 251, 252)" },
    Sequence { context: Context::Expn, positive: &[250, 252], source: "RFC 5321 §4.3.2 (EXPN: S: 250, 252)" },
    Sequence { context: Context::Rset, positive: &[250], source: "RFC 5321 §4.3.2 (RSET: S: 250)" },
    Sequence { context: Context::Noop, positive: &[250], source: "RFC 5321 §4.3.2 (NOOP: S: 250)" },
    Sequence { context: Context::Quit, positive: &[221], source: "RFC 5321 §4.3.2 (QUIT: S: 221)" },
];

/// The standard's positive replies for a command, `None` for a context with no command
/// (an unsolicited reply).
pub fn sequence(context: Context) -> Option<&'static Sequence> {
    SEQUENCES.iter().find(|s| s.context == context)
}

/// A success or intermediate code the command cannot get (`220` to EHLO). Negative codes
/// and codes of no valid class are never reported here.
pub fn is_invalid_positive(context: Context, code: u16) -> bool {
    matches!(code / 100, 2 | 3) && sequence(context).is_some_and(|s| !s.positive.contains(&code))
}

/// Standards notes on a reply in its context, said plainly: a positive code the command
/// cannot get, RFC 5321 §7.3 on VRFY, §3.5.3 on relays that cannot verify, §3.8 on closing.
pub fn notes(context: Context, code: u16) -> Vec<String> {
    let mut out = Vec::new();
    if is_invalid_positive(context, code) {
        let valid = sequence(context)
            .map(|s| {
                s.positive
                    .iter()
                    .map(u16::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default();
        out.push(format!(
            "{code} is not a valid reply to {}: {} lists only {valid}. A client reading it by its first digit takes it for success.",
            context.label(),
            sequence(context).map_or("RFC 5321 §4.3.2", |s| s.source),
        ));
    }
    match (context, code) {
        (Context::Rcpt, 252) => out.push(
            "RFC 5321 §3.5.3: a relay or backup MX that cannot verify an address answers 252 to VRFY, and accepts RCPT with 250; to RCPT, 252 is a server's invention.".into(),
        ),
        (Context::Vrfy, 502) => out.push(
            "RFC 5321 §7.3: a site that disables VRFY should answer 252 (cannot verify, will accept); 502 is allowed but tells the client nothing.".into(),
        ),
        (Context::Vrfy, 252) => out.push(
            "RFC 5321 §3.5.3, §7.3: 252 is what a server that will not or cannot verify should answer; it says nothing about the user.".into(),
        ),
        (c, 221) if c != Context::Quit => out.push(
            "RFC 5321 §3.8: a server that must close should answer 421 (service not available, closing); a 221 to anything but QUIT is itself non-standard.".into(),
        ),
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_from_the_seed_case() {
        let rcpt = notes(Context::Rcpt, 252).join(" ");
        assert!(rcpt.contains("not a valid reply to RCPT TO"), "{rcpt}");
        assert!(rcpt.contains("§3.5.3"), "{rcpt}");
        assert!(notes(Context::Vrfy, 502).join(" ").contains("§7.3"));
        assert!(notes(Context::Mail, 221).join(" ").contains("§3.8"));
        assert!(notes(Context::Quit, 221).is_empty());
        assert!(notes(Context::Rcpt, 250).is_empty());
    }

    #[test]
    fn one_entry_per_command_context() {
        for (i, a) in SEQUENCES.iter().enumerate() {
            assert!(
                SEQUENCES[i + 1..].iter().all(|b| b.context != a.context),
                "{:?} twice",
                a.context
            );
            assert!(a.source.starts_with("RFC "), "{:?}", a.context);
        }
        assert!(sequence(Context::Unsolicited).is_none());
    }

    #[test]
    fn the_dangerous_codes_are_the_positive_ones_the_command_cannot_get() {
        assert!(is_invalid_positive(Context::Ehlo, 220));
        assert!(is_invalid_positive(Context::Rcpt, 252));
        assert!(is_invalid_positive(Context::Mail, 354));
        assert!(!is_invalid_positive(Context::Vrfy, 252));
        assert!(
            !is_invalid_positive(Context::Rcpt, 554),
            "negative codes are read by class"
        );
        assert!(!is_invalid_positive(Context::Quit, 221));
        assert!(!is_invalid_positive(Context::Unsolicited, 250));
    }
}
