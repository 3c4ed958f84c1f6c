//! What a VRFY, EXPN or RCPT reply says about the user or list asked for, taking the canary
//! (a surely non-existent local part asked once per kind) into account.
//!
//! A 252 or a 250 alone tells nothing when the server says the same for everyone; the pair
//! (answer for the user, answer for the canary) does.

use crate::exit::Status;
use crate::smtp::reply::EnhancedCode;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckKind {
    Vrfy,
    Expn,
    Rcpt,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// 250/251 (or 252 from a server shown to tell users apart): the user or list exists.
    Exists,
    /// 252, or a server that says the same for the canary: it will neither confirm nor deny.
    CannotVerify,
    /// 550/551/553 (5.1.x): no such user here.
    UnknownUser,
    /// 553 with several possible matches (RFC 5321 §3.5.4).
    Ambiguous,
    /// The command is switched off or refused by policy (500/502/504, 5.7.x, known texts).
    Disabled,
    /// A 4xx: try again later; nothing is known yet.
    TemporaryFailure,
    /// RCPT accepted for the canary too: the domain accepts any local part.
    CatchAll,
    /// The check could not run (MAIL refused, connection lost before it).
    NotChecked,
    /// 501: the server did not accept the argument's form (e.g. Exim wants `user@domain`
    /// for VRFY); nothing is known about the name yet.
    BadArgument,
}

impl Outcome {
    /// How a health check judges this outcome.
    pub fn status(self) -> Status {
        match self {
            Outcome::Exists
            | Outcome::CannotVerify
            | Outcome::Disabled
            | Outcome::CatchAll
            | Outcome::Ambiguous => Status::Ok,
            Outcome::UnknownUser
            | Outcome::TemporaryFailure
            | Outcome::NotChecked
            | Outcome::BadArgument => Status::Warning,
        }
    }
}

/// Classifies the reply to one check. `canary` is the code the canary got for the same kind
/// of check, when one was asked.
///
/// Returns the outcome and whether the server tells users apart (`None` when unknown).
pub fn classify(
    kind: CheckKind,
    code: u16,
    enhanced: Option<EnhancedCode>,
    text: &str,
    canary: Option<u16>,
) -> (Outcome, Option<bool>) {
    let discriminates = canary.and_then(|c| discriminates(code, c));
    // An enhanced code names the subject precisely: 5.1.x (addressing) beats words in the
    // text such as "relay" in Postfix's "User unknown in relay recipient table".
    let policy = match enhanced {
        Some(e) if e.subject == 7 => true,
        Some(e) if e.subject == 1 => false,
        _ => looks_like_policy(text),
    };
    let outcome = match code {
        250 | 251 => {
            if canary.is_some_and(|c| c == 250 || c == 251) {
                Outcome::CatchAll
            } else {
                Outcome::Exists
            }
        }
        252 => {
            if discriminates == Some(true) {
                Outcome::Exists
            } else {
                Outcome::CannotVerify
            }
        }
        553 if looks_ambiguous(text) => Outcome::Ambiguous,
        501 => Outcome::BadArgument,
        500 | 502 | 504 => Outcome::Disabled,
        550 | 551 | 553 | 554 if policy => Outcome::Disabled,
        550 | 551 | 553 => Outcome::UnknownUser,
        400..=499 => Outcome::TemporaryFailure,
        _ if policy => Outcome::Disabled,
        _ => match kind {
            // Anything else negative to RCPT still refuses this recipient.
            CheckKind::Rcpt if code >= 500 => Outcome::UnknownUser,
            _ => Outcome::Disabled,
        },
    };
    (outcome, discriminates)
}

/// Does the server answer differently for a real name and for the canary?
/// `Some(true)`: the canary was refused as unknown while the name was not.
/// `Some(false)`: both got the same positive class of answer. `None`: the pair tells nothing
/// (e.g. the canary got a temporary failure).
fn discriminates(code: u16, canary: u16) -> Option<bool> {
    let unknown = |c: u16| matches!(c, 550 | 551 | 553);
    let positive = |c: u16| (250..=252).contains(&c);
    if unknown(canary) && positive(code) {
        Some(true)
    } else if positive(canary) && positive(code) {
        Some(false)
    } else if unknown(canary) && unknown(code) {
        // The server does refuse unknown users, so the answer for the name is meaningful.
        Some(true)
    } else {
        None
    }
}

fn looks_ambiguous(text: &str) -> bool {
    let t = text.to_ascii_lowercase();
    t.contains("ambiguous") || t.contains("multiple") || t.contains("several")
}

/// Texts that mean "refused by policy" rather than "no such user".
fn looks_like_policy(text: &str) -> bool {
    let t = text.to_ascii_lowercase();
    [
        "administrative prohibition",
        "disabled",
        "not allowed",
        "not permitted",
        "denied",
        "relay",
        "policy",
        "refused",
    ]
    .iter()
    .any(|p| t.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(s: &str) -> Option<EnhancedCode> {
        EnhancedCode::parse(s)
    }

    #[test]
    fn vrfy_252_alone_cannot_verify() {
        let (o, d) = classify(CheckKind::Vrfy, 252, e("2.0.0"), "alice", None);
        assert_eq!((o, d), (Outcome::CannotVerify, None));
    }

    #[test]
    fn postfix_252_with_550_canary_means_exists() {
        let (o, d) = classify(CheckKind::Vrfy, 252, e("2.0.0"), "alice", Some(550));
        assert_eq!((o, d), (Outcome::Exists, Some(true)));
    }

    #[test]
    fn exim_252_for_everyone_cannot_verify() {
        let (o, d) = classify(
            CheckKind::Vrfy,
            252,
            None,
            "Administrative prohibition",
            Some(252),
        );
        assert_eq!((o, d), (Outcome::CannotVerify, Some(false)));
    }

    #[test]
    fn rcpt_accepted_for_canary_is_catch_all() {
        let (o, d) = classify(CheckKind::Rcpt, 250, e("2.1.5"), "Ok", Some(250));
        assert_eq!((o, d), (Outcome::CatchAll, Some(false)));
    }

    #[test]
    fn unknown_policy_ambiguous_disabled_temporary() {
        assert_eq!(
            classify(CheckKind::Rcpt, 550, e("5.1.1"), "User unknown", None).0,
            Outcome::UnknownUser
        );
        assert_eq!(
            classify(CheckKind::Rcpt, 550, e("5.7.1"), "Relaying denied", None).0,
            Outcome::Disabled
        );
        assert_eq!(
            classify(CheckKind::Vrfy, 553, None, "User ambiguous", None).0,
            Outcome::Ambiguous
        );
        assert_eq!(
            classify(
                CheckKind::Rcpt,
                550,
                e("5.1.1"),
                "User unknown in relay recipient table",
                None
            )
            .0,
            Outcome::UnknownUser
        );
        assert_eq!(
            classify(
                CheckKind::Vrfy,
                501,
                None,
                "root: recipient address must contain a domain",
                None
            )
            .0,
            Outcome::BadArgument
        );
        assert_eq!(
            classify(
                CheckKind::Vrfy,
                502,
                e("5.5.1"),
                "VRFY command is disabled",
                None
            )
            .0,
            Outcome::Disabled
        );
        assert_eq!(
            classify(CheckKind::Rcpt, 450, e("4.7.1"), "greylisted", None).0,
            Outcome::TemporaryFailure
        );
        assert_eq!(
            classify(CheckKind::Vrfy, 250, None, "Alice <alice@x>", Some(550)).0,
            Outcome::Exists
        );
    }
}
