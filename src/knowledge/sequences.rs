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

#[cfg(test)]
mod tests {
    use super::*;

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
